package dev.horn.ops.sort;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import java.util.Arrays;

/**
 * The indices that sort each row of the last axis, ascending or descending, stable (ties keep
 * their order), int32 as {@code tf.argsort}. The one sorting primitive: sort and top-k gather
 * with it, so their gradients are gather's. NaN sorts after every number, as in numpy.
 */
public final class Argsort extends Op {
    private final boolean descending;

    public Argsort(boolean descending) {
        super("argsort");
        this.descending = descending;
    }

    @Override
    public String attributes() {
        return "direction=" + (descending ? "DESCENDING" : "ASCENDING");
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        ShapeRules.numeric(name(), inputs[0]);
        if (inputs[0].shape().rank() == 0) {
            throw new IllegalArgumentException("argsort: expected a tensor of rank >= 1, got a scalar");
        }
        return new TensorSpec[] {new TensorSpec(DType.INT32, inputs[0].shape())};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0].cast(DType.FLOAT64).compact();
        double[] v = (double[]) x.storage();
        int n = x.shape().dim(-1);
        int rows = n == 0 ? 0 : v.length / n;
        int[] out = new int[v.length];
        Parallel.forRange(rows, Math.max(1, BroadcastLoop.GRAIN / Math.max(1, n)), (s, e) -> {
            Integer[] order = new Integer[n];
            for (int r = s; r < e; r++) {
                int base = r * n;
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> {
                    int c = Double.compare(v[base + a], v[base + b]); // NaN greatest; stable merge sort
                    return descending ? -c : c;
                });
                for (int i = 0; i < n; i++) {
                    out[base + i] = order[i];
                }
            }
        });
        return new Tensor[] {Tensor.wrap(DType.INT32, x.shape(), out)};
    }
}
