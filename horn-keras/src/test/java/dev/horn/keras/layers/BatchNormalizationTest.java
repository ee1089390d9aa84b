package dev.horn.keras.layers;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Expect;
import dev.horn.keras.Keras;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchNormalizationTest {
    static final Tensor X = Tensor.of(new float[][] {{1, 2}, {3, -1}, {0.5f, 4}, {2, 0}});

    @BeforeEach
    void fresh() {
        Keras.clearSession();
    }

    private static BatchNormalization fixed() {
        var bn = layerBatchNormalization();
        bn.ensureBuilt(Shape.of(-1, 2));
        bn.gamma().assign(Tensor.of(new float[] {2, 0.5f}));
        bn.beta().assign(Tensor.of(new float[] {0.1f, -0.2f}));
        return bn;
    }

    @Test
    void trainingNormalizesWithTheBatchStatistics() {
        // numpy: (x - x.mean(0)) / sqrt(x.var(0) + 1e-3) * gamma + beta
        Expect.values(fixed().apply(X, true), -1.201183574403593, -0.004743107244939704, 2.962603863687905,
                -0.785770678265181, -2.2421304339264676, 0.5159419401018879, 0.8807101446421558, -0.5254281545917672);
    }

    @Test
    void inferenceUsesTheMovingStatistics() {
        // moving mean 0, moving variance 1: x / sqrt(1 + 1e-3) * gamma + beta
        Expect.values(fixed().apply(X, false), 2.0990007493755463, 0.7995003746877731, 6.097002248126639,
                -0.6997501873438866, 1.0995003746877732, 1.7990007493755464, 4.098001498751093, -0.2);
    }

    @Test
    void fitMovesTheMovingAveragesOncePerTrainStep() {
        var bn = layerBatchNormalization().inputShape(2);
        var model = sequential(bn);
        bn.gamma().assign(Tensor.of(new float[] {2, 0.5f}));
        bn.beta().assign(Tensor.of(new float[] {0.1f, -0.2f}));
        model.compile(optimizerSgd(0.0), "mse");
        model.fit(X, tf0(X), epochs(3), batchSize(4), shuffle(false), verbose(0));
        // numpy: three steps of moving = moving * 0.99 + batch * 0.01 from 0 and 1
        Expect.values(bn.movingMean().read(), 0.04826412499999996, 0.03712624999999997);
        Expect.values(bn.movingVariance().read(), 0.997679609375, 1.0798214375);
        Expect.values(model.predict(X, verbose(0)), 2.004729658962385, 0.7440291318388554, 6.00737305824033,
                -0.6987979453058496, 1.0040688091428986, 1.7059138499353257, 4.006051358601358, -0.21785558625761453);
        model.evaluate(X, tf0(X), verbose(0));
        Expect.values(bn.movingMean().read(), 0.04826412499999996, 0.03712624999999997);
    }

    @Test
    void frozenLayerRunsInInferenceModeAndLeavesItsStatistics() {
        var bn = fixed().trainable(false);
        Expect.values(bn.apply(X, true), 2.0990007493755463, 0.7995003746877731, 6.097002248126639,
                -0.6997501873438866, 1.0995003746877732, 1.7990007493755464, 4.098001498751093, -0.2);
        assertThat(bn.movingMean().read().toFloatArray()).containsOnly(0f);
    }

    @Test
    void movingStatisticsAreNonTrainableParamsInTheSummary() {
        var model = sequential(layerDense(16).inputShape(8), layerBatchNormalization());
        assertThat(model.getLayer(1).countParams()).isEqualTo(64);
        assertThat(model.getLayer(1).trainableVariables()).hasSize(2);
        assertThat(model.getLayer(1).nonTrainableVariables()).extracting(v -> v.name())
                .containsExactly("batch_normalization/moving_mean", "batch_normalization/moving_variance");
        assertThat(model.summaryString(65)).contains("Total params: 208\n", "Trainable params: 176\n",
                "Non-trainable params: 32\n");
    }

    @Test
    void channelsFirstNormalizesAxisOne() {
        var bn = layerBatchNormalization().axis(1).center(false).scale(false);
        Tensor x = Tensor.of(new float[] {1, 3, 2, 6, 0, 0, 4, 8}, 2, 2, 2);
        // channel 0 holds 1, 3, 0, 0 (mean 1, var 1.5); channel 1 holds 2, 6, 4, 8 (mean 5, var 5)
        double s0 = 1 / Math.sqrt(1.5 + 1e-3);
        double s1 = 1 / Math.sqrt(5 + 1e-3);
        Expect.values(bn.apply(x, true), 0, 2 * s0, -3 * s1, s1, -s0, -s0, -s1, 3 * s1);
        assertThat(bn.countParams()).isEqualTo(4);
    }

    /** 36 values, (7i mod 11) - 5. */
    private static Tensor images(int... shape) {
        float[] v = new float[36];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7 % 11) - 5;
        }
        return Tensor.of(v, shape);
    }

    @Test
    void imageBatchesMoveTheMovingVarianceByTheUnbiasedVarianceAsKeras2sFusedKernel() {
        // numpy: 0.99 + 0.01 * var(ddof=1) over the 18 values of each channel
        var last = layerBatchNormalization();
        last.apply(images(2, 3, 3, 2), true);
        Expect.values(last.movingVariance().read(), 1.0933006535947714, 1.0994117647058823);
        Expect.values(last.movingMean().read(), -0.002777777777777778, 0.0);
        var first = layerBatchNormalization().axis(1);
        first.apply(images(2, 2, 3, 3), true);
        Expect.values(first.movingVariance().read(), 1.098529411764706, 1.0945751633986929);
    }

    @Test
    void aBatchSizeKnownOnlyAtRunTimeGetsTheSameCorrection() {
        var bn = layerBatchNormalization();
        bn.apply(images(2, 3, 3, 2), false); // builds the layer; inference leaves the statistics alone
        var step = dev.horn.graph.Function.of(in -> bn.apply(in[0], true));
        var unknownBatch = new dev.horn.TensorSpec(dev.horn.DType.FLOAT32, Shape.of(Shape.UNKNOWN, 3, 3, 2));
        step.concrete(java.util.List.of(unknownBatch)).program().run(images(2, 3, 3, 2));
        Expect.values(bn.movingVariance().read(), 1.0933006535947714, 1.0994117647058823);
    }

    @Test
    void unfusedImageBatchesAndFlatBatchesUseThePopulationVariance() {
        var unfused = layerBatchNormalization().fused(false);
        unfused.apply(images(2, 3, 3, 2), true);
        Expect.values(unfused.movingVariance().read(), 1.0875617283950616, 1.0933333333333333); // var(ddof=0)
        var flat = layerBatchNormalization();
        flat.apply(images(18, 2), true);
        Expect.values(flat.movingVariance().read(), 1.0875617283950616, 1.0933333333333333);
    }

    @Test
    void fusedTrueOnAFlatInputNamesTheLayer() {
        var bn = layerBatchNormalization().fused(true);
        assertThatThrownBy(() -> bn.apply(images(18, 2), true))
                .hasMessageContaining("batch_normalization").hasMessageContaining("fused=true needs 4-D inputs")
                .hasMessageContaining("(18, 2)");
    }

    @Test
    void configHasKerasKeys() {
        assertThat(layerBatchNormalization().getConfig()).containsKeys("name", "trainable", "dtype", "axis", "momentum",
                "epsilon", "center", "scale", "beta_initializer", "gamma_initializer", "moving_mean_initializer",
                "moving_variance_initializer", "beta_regularizer", "gamma_regularizer", "beta_constraint",
                "gamma_constraint").containsEntry("momentum", 0.99).containsEntry("epsilon", 0.001);
    }

    @Test
    void featureCountMismatchNamesTheLayer() {
        var bn = fixed();
        assertThatThrownBy(() -> bn.apply(Tensor.of(new float[6], 2, 3)))
                .hasMessage("Input 0 of layer \"batch_normalization\" is incompatible with the layer: expected axis -1 "
                        + "of input shape to have value 2, but received input with shape (2, 3)");
    }

    private static Tensor tf0(Tensor like) {
        return dev.horn.Tf.tf.zerosLike(like);
    }

}
