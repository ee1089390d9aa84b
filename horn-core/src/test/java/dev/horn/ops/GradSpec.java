package dev.horn.ops;

import dev.horn.Tensor;
import java.util.function.Function;

/**
 * One row of the gradient-check table: which op it covers, a function of float64 inputs that
 * uses that op, the inputs' shapes (broadcasting cases welcome) and the range their random
 * values come from. Integer or fixed arguments (indices, masks) are constants inside fn.
 *
 * @param secondOrder also check the gradient of the gradient (element-wise ops and matmul)
 * @param eps finite-difference step
 * @param tolerance allowed error, relative to max(1, |expected|)
 */
public record GradSpec(Class<? extends Op> op, String label, Function<Tensor[], Tensor> fn,
                       int[][] shapes, double low, double high, boolean secondOrder, double eps, double tolerance) {

    public static GradSpec of(Class<? extends Op> op, String label, Function<Tensor[], Tensor> fn, int[]... shapes) {
        return new GradSpec(op, label, fn, shapes, -2, 2, false, 1e-6, 1e-5);
    }

    /** Inputs drawn from [low, high] (positive for log, sqrt; away from kinks where needed). */
    public GradSpec range(double lo, double hi) {
        return new GradSpec(op, label, fn, shapes, lo, hi, secondOrder, eps, tolerance);
    }

    public GradSpec withSecondOrder() {
        return new GradSpec(op, label, fn, shapes, low, high, true, eps, tolerance);
    }

    /** A coarser check, for functions that pass through float32 on the way. */
    public GradSpec coarse(double step, double allowedError) {
        return new GradSpec(op, label, fn, shapes, low, high, secondOrder, step, allowedError);
    }

    @Override
    public String toString() {
        return op.getSimpleName() + ": " + label;
    }
}
