package dev.horn.ops;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;

/** An element-wise comparison of two inputs of one numeric dtype, broadcasting, giving bool. Not differentiable. */
public abstract class CompareOp extends Op {
    protected CompareOp(String name) {
        super(name);
    }

    /** The rule on floating values (NaN compares false except for not_equal). */
    protected abstract boolean test(double a, double b);

    /** The rule on integers, exact for int64. */
    protected abstract boolean test(long a, long b);

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        ShapeRules.sameDType(name(), inputs[0], inputs[1]);
        ShapeRules.numeric(name(), inputs[0]);
        Shape out = ShapeRules.broadcast(name(), inputs[0].shape(), inputs[1].shape());
        return new TensorSpec[] {new TensorSpec(DType.BOOL, out)};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor a = inputs[0].contiguous();
        Tensor b = inputs[1].contiguous();
        Shape shape = outputs[0].shape();
        boolean[] z = new boolean[shape.size()];
        BroadcastLoop loop = new BroadcastLoop(shape, a, b);
        Object x = a.storage();
        Object y = b.storage();
        switch (a.dtype()) {
            case FLOAT32 -> loop.run((pos, n, off, st) -> {
                for (int i = 0; i < n; i++) {
                    z[pos + i] = test(((float[]) x)[off[0] + i * st[0]], ((float[]) y)[off[1] + i * st[1]]);
                }
            });
            case FLOAT64 -> loop.run((pos, n, off, st) -> {
                for (int i = 0; i < n; i++) {
                    z[pos + i] = test(((double[]) x)[off[0] + i * st[0]], ((double[]) y)[off[1] + i * st[1]]);
                }
            });
            case INT32 -> loop.run((pos, n, off, st) -> {
                for (int i = 0; i < n; i++) {
                    z[pos + i] = test((long) ((int[]) x)[off[0] + i * st[0]], (long) ((int[]) y)[off[1] + i * st[1]]);
                }
            });
            case INT64 -> loop.run((pos, n, off, st) -> {
                for (int i = 0; i < n; i++) {
                    z[pos + i] = test(((long[]) x)[off[0] + i * st[0]], ((long[]) y)[off[1] + i * st[1]]);
                }
            });
            default -> throw new IllegalArgumentException(name() + ": unsupported dtype " + a.dtype());
        }
        return new Tensor[] {Tensor.wrap(DType.BOOL, shape, z)};
    }
}
