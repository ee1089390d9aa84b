package dev.horn;

/**
 * The ops, TensorFlow's {@code tf} namespace: {@code import static dev.horn.Tf.tf;} then
 * {@code tf.add(a, b)}, {@code tf.reduceMean(x, 1)}, {@code tf.matmul(a, b)}.
 *
 * <p>Each group of ops is an interface of default methods, one line per op, each building the
 * op's token and applying it; this class only joins them.
 */
public final class Tf implements MathOps, ReductionOps, ArrayOps, LinalgOps, NnOps, CreationOps, RandomOps {
    /** The one instance. */
    public static final Tf tf = new Tf();

    private Tf() {}
}
