package dev.horn.graph.compiler;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.BinaryOp;
import dev.horn.ops.Op;
import dev.horn.ops.UnaryOp;
import java.util.List;

/**
 * A chain of float32 element-wise ops run as one pass over memory. The program's steps apply
 * unary and binary ops to operands that are either the fused op's inputs (which may
 * broadcast) or earlier steps' results. The kernel walks the output in blocks small enough for
 * L1: each step runs over the block with its own vector rule, intermediates stay in scratch
 * arrays, and only the inputs and the final result touch main memory.
 */
public final class FusedElementwise extends Op {
    /** An op of the chain; operand k < inputs is input k, else the result of step k - inputs. */
    public record Step(Op op, int[] operands) {}

    private static final int BLOCK = 1024;
    /** Each thread's blocks of intermediates, kept: allocating them per segment cost more than the arithmetic. */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[0][]);

    private final List<Step> steps;
    private final int inputs;
    private final Shape shape;

    public FusedElementwise(List<Step> steps, int inputs, Shape shape) {
        super("fused_elementwise");
        this.steps = List.copyOf(steps);
        this.inputs = inputs;
        this.shape = shape;
    }

    public List<Step> steps() {
        return steps;
    }

    @Override
    public String attributes() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            sb.append(i == 0 ? "" : "; ").append('t').append(i).append('=').append(s.op().name()).append('(');
            for (int k = 0; k < s.operands().length; k++) {
                int o = s.operands()[k];
                sb.append(k == 0 ? "" : ",").append(o < inputs ? "in" + o : "t" + (o - inputs));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    @Override
    public TensorSpec[] infer(TensorSpec... in) {
        if (in.length != inputs) {
            throw new IllegalArgumentException(name() + ": expected " + inputs + " inputs, got " + in.length);
        }
        for (TensorSpec t : in) {
            if (t.dtype() != DType.FLOAT32 || Shape.broadcast(t.shape(), shape) == null
                    || !Shape.broadcast(t.shape(), shape).equals(shape)) {
                throw new IllegalArgumentException(name() + ": input " + t + " does not broadcast to float32" + shape);
            }
        }
        return new TensorSpec[] {new TensorSpec(DType.FLOAT32, shape)};
    }

    /**
     * Broadcast rows shorter than this make the chain run op by op over each row ([128, 10]
     * logits against a [128, 1] row sum: 128 segments of 10, every op a scalar loop per segment),
     * so small outputs then expand their broadcast inputs first.
     */
    private static final int SHORT_ROWS = 64;
    /** Outputs up to this many elements expand their broadcast inputs (into per-thread scratch). */
    private static final int EXPANDED = 16384;
    private static final ThreadLocal<float[][]> EXPANSIONS = ThreadLocal.withInitial(() -> new float[0][]);

    /**
     * Replaces each input that broadcasts by its values repeated to the full shape, so the chain
     * runs as one segment with vector loops; the values and the ops on them are the same, so
     * are the results.
     */
    private void expandBroadcastInputs(Tensor[] x, float[][] arrays) {
        float[][] held = EXPANSIONS.get();
        if (held.length < x.length) {
            held = java.util.Arrays.copyOf(held, x.length);
            EXPANSIONS.set(held);
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].shape().equals(shape)) {
                continue;
            }
            if (held[i] == null || held[i].length < EXPANDED) {
                held[i] = new float[EXPANDED];
            }
            float[] full = held[i];
            float[] src = arrays[i];
            new BroadcastLoop(shape, x[i]).run((pos, n, off, st) -> {
                if (st[0] == 0) {
                    java.util.Arrays.fill(full, pos, pos + n, src[off[0]]);
                } else {
                    System.arraycopy(src, off[0], full, pos, n);
                }
            });
            x[i] = new Tensor(DType.FLOAT32, shape, full, 0, shape.strides()); // a view of the first shape.size() values
            arrays[i] = full;
        }
    }

    private static float[][] scratch(int count) {
        float[][] s = SCRATCH.get();
        if (s.length < count) {
            float[][] grown = java.util.Arrays.copyOf(s, count);
            for (int i = s.length; i < count; i++) {
                grown[i] = new float[BLOCK];
            }
            SCRATCH.set(grown);
            s = grown;
        }
        return s;
    }

    @Override
    public Tensor[] compute(Tensor[] in, TensorSpec[] outputs) {
        Tensor[] x = new Tensor[in.length];
        float[][] arrays = new float[in.length][];
        for (int i = 0; i < in.length; i++) {
            x[i] = in[i].contiguous();
            arrays[i] = (float[]) x[i].storage();
        }
        float[] out = (float[]) HeapArrays.newUninitialized(DType.FLOAT32, shape.size());
        BroadcastLoop loop = new BroadcastLoop(shape, x);
        if (loop.innerLength() < SHORT_ROWS && shape.size() <= EXPANDED) {
            expandBroadcastInputs(x, arrays);
            loop = new BroadcastLoop(shape, x);
        }
        loop.run((pos, n, off, st) -> {
            float[][] scratch = scratch(steps.size());
            for (int b = 0; b < n; b += BLOCK) {
                int len = Math.min(BLOCK, n - b);
                for (int s = 0; s < steps.size(); s++) {
                    boolean last = s == steps.size() - 1;
                    float[] dst = last ? out : scratch[s];
                    int dstOff = last ? pos + b : 0;
                    Step step = steps.get(s);
                    int a = step.operands()[0];
                    float[] aArr = a < inputs ? arrays[a] : scratch[a - inputs];
                    int aOff = a < inputs ? off[a] + b * st[a] : 0;
                    int aStride = a < inputs ? st[a] : 1;
                    if (step.op() instanceof UnaryOp u) {
                        if (aStride == 0) {
                            java.util.Arrays.fill(dst, dstOff, dstOff + len, aArr[aOff]);
                            u.float32Segment(dst, dstOff, dst, dstOff, len);
                        } else {
                            u.float32Segment(aArr, aOff, dst, dstOff, len);
                        }
                    } else {
                        int c = step.operands()[1];
                        float[] cArr = c < inputs ? arrays[c] : scratch[c - inputs];
                        int cOff = c < inputs ? off[c] + b * st[c] : 0;
                        int cStride = c < inputs ? st[c] : 1;
                        ((BinaryOp) step.op()).float32Segment(aArr, aOff, aStride, cArr, cOff, cStride, dst, dstOff, len);
                    }
                }
            }
        });
        return new Tensor[] {Tensor.wrap(DType.FLOAT32, shape, out)};
    }
}
