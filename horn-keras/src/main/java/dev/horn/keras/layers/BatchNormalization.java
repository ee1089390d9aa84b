package dev.horn.keras.layers;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.constraints.Constraint;
import dev.horn.keras.initializers.Initializer;
import dev.horn.keras.initializers.Initializers;
import dev.horn.keras.regularizers.Regularizer;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code BatchNormalization}: {@code gamma * (x - mean) / sqrt(var + epsilon) + beta}
 * per feature of {@code axis}. In training the mean and variance are the batch's (over every
 * other axis) and each training call moves the non-trainable {@code moving_mean} and
 * {@code moving_variance} towards them, {@code moving = moving * momentum + batch * (1 -
 * momentum)}; in inference the moving statistics are used. The updates are variable
 * assignments made inside {@link #call}, so the compiled train step performs them with the
 * optimizer's. The batch is normalised with its population variance; the moving variance moves
 * towards the same variance, except on Keras 2's fused path: there (4-D inputs with the features
 * on axis 1 or 3, {@code fused} not false) TensorFlow's fused kernel hands the moving average the
 * unbiased variance, n / (n - 1) times the population one, n the values per feature in the
 * batch (1 when n is 1), and so does this layer. A frozen layer ({@code trainable(false)}) runs
 * in inference mode, as in TF 2.
 */
public final class BatchNormalization extends FluentLayer<BatchNormalization> {
    private int axis = -1;
    private double momentum = 0.99;
    private double epsilon = 0.001;
    private boolean center = true;
    private boolean scale = true;
    private Boolean fused;
    private Initializer betaInitializer = Initializers.get("zeros");
    private Initializer gammaInitializer = Initializers.get("ones");
    private Initializer movingMeanInitializer = Initializers.get("zeros");
    private Initializer movingVarianceInitializer = Initializers.get("ones");
    private Regularizer betaRegularizer;
    private Regularizer gammaRegularizer;
    private Constraint betaConstraint;
    private Constraint gammaConstraint;
    private Variable gamma;
    private Variable beta;
    private Variable movingMean;
    private Variable movingVariance;

    public BatchNormalization axis(int value) { axis = value; return this; }
    public BatchNormalization momentum(double value) { momentum = value; return this; }
    public BatchNormalization epsilon(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("BatchNormalization: epsilon must be positive, got " + value);
        }
        epsilon = value;
        return this;
    }
    public BatchNormalization center(boolean value) { center = value; return this; }
    public BatchNormalization scale(boolean value) { scale = value; return this; }
    /**
     * Keras 2's {@code fused}: null (the default) takes the fused path where it applies, true
     * requires it (4-D inputs, features on axis 1 or 3), false never takes it. The path decides
     * only the moving variance's correction (see the class comment).
     */
    public BatchNormalization fused(Boolean value) { fused = value; return this; }
    public BatchNormalization betaInitializer(String name) { betaInitializer = Initializers.get(name); return this; }
    public BatchNormalization betaInitializer(Initializer value) { betaInitializer = value; return this; }
    public BatchNormalization gammaInitializer(String name) { gammaInitializer = Initializers.get(name); return this; }
    public BatchNormalization gammaInitializer(Initializer value) { gammaInitializer = value; return this; }
    public BatchNormalization movingMeanInitializer(String name) { movingMeanInitializer = Initializers.get(name); return this; }
    public BatchNormalization movingMeanInitializer(Initializer value) { movingMeanInitializer = value; return this; }
    public BatchNormalization movingVarianceInitializer(String name) {
        movingVarianceInitializer = Initializers.get(name);
        return this;
    }
    public BatchNormalization movingVarianceInitializer(Initializer value) { movingVarianceInitializer = value; return this; }
    public BatchNormalization betaRegularizer(Regularizer value) { betaRegularizer = value; return this; }
    public BatchNormalization gammaRegularizer(Regularizer value) { gammaRegularizer = value; return this; }
    public BatchNormalization betaConstraint(Constraint value) { betaConstraint = value; return this; }
    public BatchNormalization gammaConstraint(Constraint value) { gammaConstraint = value; return this; }

    public Variable gamma() { return gamma; }
    public Variable beta() { return beta; }
    public Variable movingMean() { return movingMean; }
    public Variable movingVariance() { return movingVariance; }

    private int featureAxis(int rank) {
        return axis < 0 ? rank + axis : axis;
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        int a = featureAxis(inputShape.rank());
        if (a < 0 || a >= inputShape.rank()) {
            throw new IllegalArgumentException("Invalid axis for layer \"" + name() + "\": " + axis
                    + " (input has " + inputShape.rank() + " dimensions; shape " + Shapes.tuple(inputShape) + ")");
        }
        InputSpec.requireDefined(this, inputShape, a, "axis " + axis);
        if (Boolean.TRUE.equals(fused) && !fusedApplies(inputShape.rank(), a)) {
            throw new IllegalArgumentException("Layer \"" + name() + "\": fused=true needs 4-D inputs with the features"
                    + " on axis 1 or 3, got axis " + axis + " of shape " + Shapes.tuple(inputShape));
        }
        if (movingMean != null) {
            InputSpec.requireAxis(this, inputShape, axis, movingMean.shape().dim(0));
        }
    }

    @Override
    protected void build(Shape inputShape) {
        Shape params = Shape.of(inputShape.dim(featureAxis(inputShape.rank())));
        if (scale) {
            gamma = addWeight("gamma", params, gammaInitializer, gammaRegularizer, gammaConstraint, true);
        }
        if (center) {
            beta = addWeight("beta", params, betaInitializer, betaRegularizer, betaConstraint, true);
        }
        movingMean = addWeight("moving_mean", params, movingMeanInitializer, null, null, false);
        movingVariance = addWeight("moving_variance", params, movingVarianceInitializer, null, null, false);
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = tf.cast(inputs, movingMean.dtype());
        int rank = x.rank();
        int a = featureAxis(rank);
        Tensor mean;
        Tensor variance;
        if (training && trainable()) {
            int[] reduced = new int[rank - 1];
            for (int i = 0, j = 0; i < rank; i++) {
                if (i != a) {
                    reduced[j++] = i;
                }
            }
            mean = tf.reduceMean(x, reduced);
            variance = tf.reduceVariance(x, reduced);
            moveTowards(movingMean, mean);
            moveTowards(movingVariance, !Boolean.FALSE.equals(fused) && fusedApplies(rank, a) ? unbiased(variance, x, a) : variance);
        } else {
            mean = movingMean.read();
            variance = movingVariance.read();
        }
        // per-feature factor and offset, so the input is touched by one multiply and one add
        Tensor factor = tf.rsqrt(variance.add(Tensor.scalar(x.dtype(), epsilon)));
        if (gamma != null) {
            factor = factor.mul(gamma.read());
        }
        Tensor offset = tf.neg(mean.mul(factor));
        if (beta != null) {
            offset = offset.add(beta.read());
        }
        return x.mul(perFeature(factor, rank, a)).add(perFeature(offset, rank, a));
    }

    /** Keras 2 takes TensorFlow's fused kernel for 4-D inputs with channels last or first. */
    private static boolean fusedApplies(int rank, int a) {
        return rank == 4 && (a == 1 || a == 3);
    }

    /**
     * The population variance times n / (n - 1), n the batch's values per feature (times 1 when n
     * is 1), as the fused kernel. With the batch's shape known (eager calls and every traced
     * step) the factor is one constant, computed in the variance's precision; only a shape known
     * at run time takes the ops that count n.
     */
    private static Tensor unbiased(Tensor variance, Tensor x, int a) {
        if (x.shape().isFullyDefined()) {
            long n = x.shape().size() / x.shape().dim(a);
            long less = Math.max(n - 1, 1);
            double factor = x.dtype() == DType.FLOAT64 ? (double) n / less : (float) n / (float) less;
            return variance.mul(Tensor.scalar(x.dtype(), factor));
        }
        Tensor n = tf.div(tf.cast(tf.size(x), x.dtype()), Tensor.scalar(x.dtype(), x.shape().dim(a)));
        Tensor one = Tensor.scalar(x.dtype(), 1);
        Tensor correction = tf.div(n, tf.maximum(tf.sub(n, one), one));
        return variance.mul(correction);
    }

    private void moveTowards(Variable moving, Tensor batchValue) {
        Tensor m = Tensor.scalar(moving.dtype(), momentum);
        Tensor rest = Tensor.scalar(moving.dtype(), 1 - momentum);
        moving.assign(moving.read().mul(m).add(batchValue.mul(rest)));
    }

    /** A per-feature vector shaped to broadcast against the input along the feature axis. */
    private static Tensor perFeature(Tensor v, int rank, int a) {
        if (a == rank - 1) {
            return v;
        }
        int[] dims = new int[rank];
        java.util.Arrays.fill(dims, 1);
        dims[a] = v.shape().dim(0);
        return tf.reshape(v, dims);
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("axis", axis);
        config.put("momentum", momentum);
        config.put("epsilon", epsilon);
        config.put("center", center);
        config.put("scale", scale);
        config.put("beta_initializer", betaInitializer);
        config.put("gamma_initializer", gammaInitializer);
        config.put("moving_mean_initializer", movingMeanInitializer);
        config.put("moving_variance_initializer", movingVarianceInitializer);
        config.put("beta_regularizer", betaRegularizer);
        config.put("gamma_regularizer", gammaRegularizer);
        config.put("beta_constraint", betaConstraint);
        config.put("gamma_constraint", gammaConstraint);
        return config;
    }
}
