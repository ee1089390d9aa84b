package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.keras.constraints.Constraint;
import dev.horn.keras.initializers.Initializer;
import dev.horn.keras.initializers.Initializers;
import dev.horn.keras.regularizers.Regularizer;
import java.util.Arrays;
import java.util.Map;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code LayerNormalization}: each sample normalized over {@code axis} (the last by
 * default) with its own mean and variance, then scaled by {@code gamma} and shifted by
 * {@code beta}, both shaped like the normalized axes. The same in training and inference.
 */
public final class LayerNormalization extends FluentLayer<LayerNormalization> {
    private int[] axis = {-1};
    private boolean axisGivenAsList;
    private double epsilon = 0.001;
    private boolean center = true;
    private boolean scale = true;
    private Initializer betaInitializer = Initializers.get("zeros");
    private Initializer gammaInitializer = Initializers.get("ones");
    private Regularizer betaRegularizer;
    private Regularizer gammaRegularizer;
    private Constraint betaConstraint;
    private Constraint gammaConstraint;
    private Variable gamma;
    private Variable beta;

    /** One axis or several ({@code axis(1, 2)}), negative counting from the end. */
    public LayerNormalization axis(int... value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("LayerNormalization: axis must name at least one axis");
        }
        axis = value.clone();
        axisGivenAsList = value.length > 1;
        return this;
    }
    public LayerNormalization epsilon(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("LayerNormalization: epsilon must be positive, got " + value);
        }
        epsilon = value;
        return this;
    }
    public LayerNormalization center(boolean value) { center = value; return this; }
    public LayerNormalization scale(boolean value) { scale = value; return this; }
    public LayerNormalization betaInitializer(String name) { betaInitializer = Initializers.get(name); return this; }
    public LayerNormalization betaInitializer(Initializer value) { betaInitializer = value; return this; }
    public LayerNormalization gammaInitializer(String name) { gammaInitializer = Initializers.get(name); return this; }
    public LayerNormalization gammaInitializer(Initializer value) { gammaInitializer = value; return this; }
    public LayerNormalization betaRegularizer(Regularizer value) { betaRegularizer = value; return this; }
    public LayerNormalization gammaRegularizer(Regularizer value) { gammaRegularizer = value; return this; }
    public LayerNormalization betaConstraint(Constraint value) { betaConstraint = value; return this; }
    public LayerNormalization gammaConstraint(Constraint value) { gammaConstraint = value; return this; }

    public Variable gamma() { return gamma; }
    public Variable beta() { return beta; }

    private int[] axes(int rank) {
        int[] out = new int[axis.length];
        for (int i = 0; i < axis.length; i++) {
            out[i] = axis[i] < 0 ? rank + axis[i] : axis[i];
            if (out[i] <= 0 || out[i] >= rank) {
                throw new IllegalArgumentException("Invalid axis for layer \"" + name() + "\": " + axis[i]
                        + " (the input has rank " + rank + "; the batch axis cannot be normalized)");
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** The weights' shape: the input's on the normalized axes, 1 elsewhere (so they broadcast). */
    private int[] paramDims(Shape inputShape) {
        int[] dims = new int[inputShape.rank()];
        Arrays.fill(dims, 1);
        for (int a : axes(inputShape.rank())) {
            InputSpec.requireDefined(this, inputShape, a, "normalized axis " + a);
            dims[a] = inputShape.dim(a);
        }
        return dims;
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        int[] dims = paramDims(inputShape);
        if (gamma != null || beta != null) {
            Variable w = gamma != null ? gamma : beta;
            int[] normalized = Arrays.stream(axes(inputShape.rank())).map(a -> dims[a]).toArray();
            if (!Arrays.equals(normalized, w.shape().dims())) {
                throw InputSpec.incompatible(this, "expected normalized axes of size " + Shapes.tuple(w.shape())
                        + ", but received input with shape " + Shapes.tuple(inputShape));
            }
        }
    }

    @Override
    protected void build(Shape inputShape) {
        int[] dims = paramDims(inputShape);
        Shape params = Shape.of(Arrays.stream(axes(inputShape.rank())).map(a -> dims[a]).toArray());
        if (scale) {
            gamma = addWeight("gamma", params, gammaInitializer, gammaRegularizer, gammaConstraint, true);
        }
        if (center) {
            beta = addWeight("beta", params, betaInitializer, betaRegularizer, betaConstraint, true);
        }
    }

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
        Tensor x = tf.cast(inputs, dtype());
        int[] axes = axes(x.rank());
        int[] dims = paramDims(x.shape());
        Tensor mean = tf.reduceMean(x, axes, true);
        Tensor variance = tf.reduceVariance(x, axes, true);
        Tensor y = x.sub(mean).mul(tf.rsqrt(variance.add(Tensor.scalar(x.dtype(), epsilon))));
        if (gamma != null) {
            y = y.mul(tf.reshape(gamma.read(), dims));
        }
        if (beta != null) {
            y = y.add(tf.reshape(beta.read(), dims));
        }
        return y;
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> config = super.getConfig();
        config.put("axis", axisGivenAsList ? Tuples.list(axis) : axis[0]);
        config.put("epsilon", epsilon);
        config.put("center", center);
        config.put("scale", scale);
        config.put("beta_initializer", betaInitializer);
        config.put("gamma_initializer", gammaInitializer);
        config.put("beta_regularizer", betaRegularizer);
        config.put("gamma_regularizer", gammaRegularizer);
        config.put("beta_constraint", betaConstraint);
        config.put("gamma_constraint", gammaConstraint);
        return config;
    }
}
