package dev.horn.graph.compiler;

import dev.horn.Tensor;
import dev.horn.TensorSpec;

/**
 * Computes, at compile time, every stateless step whose inputs are all constants, turning its
 * outputs into constants. Results over {@link #MAX_ELEMENTS} stay as steps: folding a large
 * broadcast would trade a cheap kernel for a large constant held by the program.
 */
final class ConstantFolding {
    static final int MAX_ELEMENTS = 1 << 16;

    private ConstantFolding() {}

    /** Returns how many steps were folded. */
    static int run(Ir ir) {
        int folded = 0;
        for (var it = ir.steps.iterator(); it.hasNext(); ) {
            Ir.Step s = it.next();
            if (s.op.isStateful() || ir.targets.contains(s) || s.outputs.length == 0) {
                continue;
            }
            boolean allConstant = true;
            for (Ir.Value v : s.inputs) {
                allConstant &= v.isConstant();
            }
            boolean small = true;
            for (Ir.Value v : s.outputs) {
                small &= v.spec.shape().isFullyDefined() && v.spec.shape().size() <= MAX_ELEMENTS;
            }
            if (!allConstant || !small) {
                continue;
            }
            Tensor[] in = new Tensor[s.inputs.length];
            TensorSpec[] specs = new TensorSpec[s.inputs.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = s.inputs[i].constant;
                specs[i] = in[i].spec();
            }
            Tensor[] out = s.op.compute(in, s.op.infer(specs));
            for (int i = 0; i < out.length; i++) {
                s.outputs[i].constant = out[i];
                s.outputs[i].producer = null;
            }
            it.remove();
            folded++;
        }
        return folded;
    }
}
