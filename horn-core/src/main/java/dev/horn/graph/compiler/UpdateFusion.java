package dev.horn.graph.compiler;

import dev.horn.DType;
import dev.horn.ops.linalg.MatMul;
import dev.horn.ops.state.FusedUpdate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fuses an optimizer update with the matmul that computes its gradient into one
 * {@link MatMulUpdate} step, where the gradient is used by that update alone and not fetched:
 * a dense layer's kernel gradient xᵀ·dy then goes from the GEMM's registers straight into the
 * update. The fused step takes the update's place among the stateful steps; the matmul reads
 * no state, so running it there instead of earlier changes nothing but when it runs.
 */
final class UpdateFusion {
    private UpdateFusion() {}

    /** Returns how many matmul steps were absorbed. */
    static int run(Ir ir) {
        Map<Ir.Value, Integer> uses = ir.useCounts();
        Set<Ir.Step> absorbed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Ir.Step> rewritten = new ArrayList<>();
        for (Ir.Step s : ir.steps) {
            Ir.Step p = s.op instanceof FusedUpdate && s.inputs.length > 0 ? s.inputs[0].producer : null;
            if (p == null || !(p.op instanceof MatMul matmul) || !fusible(s, p, uses)) {
                rewritten.add(s);
                continue;
            }
            Ir.Value[] inputs = new Ir.Value[p.inputs.length + s.inputs.length - 1];
            System.arraycopy(p.inputs, 0, inputs, 0, p.inputs.length);
            System.arraycopy(s.inputs, 1, inputs, p.inputs.length, s.inputs.length - 1);
            Ir.Step fused = new Ir.Step(new MatMulUpdate(matmul, (FusedUpdate) s.op), inputs, s.outputs, s.name + "_fused");
            rewritten.add(fused);
            if (ir.targets.remove(s)) {
                ir.targets.add(fused);
            }
            absorbed.add(p);
        }
        rewritten.removeIf(absorbed::contains);
        ir.steps.clear();
        ir.steps.addAll(rewritten);
        return absorbed.size();
    }

    /** A float32 matrix product whose one reader is this update, and which nobody fetches. */
    private static boolean fusible(Ir.Step update, Ir.Step matmul, Map<Ir.Value, Integer> uses) {
        Ir.Value g = update.inputs[0];
        return matmul.outputs.length == 1 && g.spec.dtype() == DType.FLOAT32 && g.spec.shape().rank() == 2
                && matmul.inputs.length == 2 && matmul.inputs[0].spec.shape().rank() == 2
                && matmul.inputs[1].spec.shape().rank() == 2 && uses.getOrDefault(g, 0) == 1;
    }
}
