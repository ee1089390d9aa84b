package dev.horn.keras.saving;

import static dev.horn.keras.saving.ConfigObjects.constraint;
import static dev.horn.keras.saving.ConfigObjects.initializer;
import static dev.horn.keras.saving.ConfigObjects.regularizer;

import dev.horn.keras.layers.BatchNormalization;
import dev.horn.keras.layers.Cropping2D;
import dev.horn.keras.layers.GaussianNoise;
import dev.horn.keras.layers.ImageAugmentation;
import dev.horn.keras.layers.LayerNormalization;
import dev.horn.keras.layers.RandomFlip;
import dev.horn.keras.layers.RandomImageTransform;
import dev.horn.keras.layers.RandomRotation;
import dev.horn.keras.layers.RandomTranslation;
import dev.horn.keras.layers.RandomZoom;
import dev.horn.keras.layers.Rescaling;
import dev.horn.keras.layers.SpatialDropout1D;
import dev.horn.keras.layers.SpatialDropout2D;
import dev.horn.keras.layers.UpSampling2D;
import dev.horn.keras.layers.ZeroPadding2D;

/** Normalisation, image shaping, noise and augmentation layers from their Keras configs. */
final class ImageLayerConfigs {
    private ImageLayerConfigs() {}

    static void registerAll() {
        KerasLayers.register("BatchNormalization", c -> new BatchNormalization()
                .axis(normalizationAxis(c))
                .momentum(c.number("momentum", 0.99))
                .epsilon(c.number("epsilon", 0.001))
                .center(c.bool("center", true))
                .scale(c.bool("scale", true))
                .betaInitializer(initializer(c, "beta_initializer", "zeros"))
                .gammaInitializer(initializer(c, "gamma_initializer", "ones"))
                .movingMeanInitializer(initializer(c, "moving_mean_initializer", "zeros"))
                .movingVarianceInitializer(initializer(c, "moving_variance_initializer", "ones"))
                .betaRegularizer(regularizer(c, "beta_regularizer"))
                .gammaRegularizer(regularizer(c, "gamma_regularizer"))
                .betaConstraint(constraint(c, "beta_constraint"))
                .gammaConstraint(constraint(c, "gamma_constraint")));
        KerasLayers.register("LayerNormalization", c -> new LayerNormalization()
                .axis(c.has("axis") ? c.ints("axis") : new int[] {-1})
                .epsilon(c.number("epsilon", 0.001))
                .center(c.bool("center", true))
                .scale(c.bool("scale", true))
                .betaInitializer(initializer(c, "beta_initializer", "zeros"))
                .gammaInitializer(initializer(c, "gamma_initializer", "ones"))
                .betaRegularizer(regularizer(c, "beta_regularizer"))
                .gammaRegularizer(regularizer(c, "gamma_regularizer"))
                .betaConstraint(constraint(c, "beta_constraint"))
                .gammaConstraint(constraint(c, "gamma_constraint")));
        KerasLayers.register("ZeroPadding2D", c -> new ZeroPadding2D().padding(c.has("padding") ? c.flatInts("padding") : new int[] {1})
                .dataFormat(c.string("data_format", "channels_last")));
        KerasLayers.register("Cropping2D", c -> new Cropping2D().cropping(c.has("cropping") ? c.flatInts("cropping") : new int[] {0})
                .dataFormat(c.string("data_format", "channels_last")));
        KerasLayers.register("UpSampling2D", c -> new UpSampling2D().size(c.has("size") ? c.ints("size") : new int[] {2})
                .dataFormat(c.string("data_format", "channels_last"))
                .interpolation(c.string("interpolation", "nearest")));
        KerasLayers.register("SpatialDropout1D", c -> seeded(new SpatialDropout1D(c.number("rate", 0.5)), c));
        KerasLayers.register("SpatialDropout2D", c -> seeded(new SpatialDropout2D(c.number("rate", 0.5)), c)
                .dataFormat(c.string("data_format", "channels_last")));
        KerasLayers.register("GaussianNoise", c -> {
            GaussianNoise g = new GaussianNoise(c.number("stddev", 0));
            return c.has("seed") ? g.seed(c.optionalLong("seed")) : g;
        });
        KerasLayers.register("Rescaling", c -> new Rescaling(c.number("scale", 1)).offset(c.number("offset", 0)));
        KerasLayers.register("RandomFlip", c -> augmentation(new RandomFlip(c.string("mode", "horizontal_and_vertical")), c));
        KerasLayers.register("RandomRotation", c -> transform(new RandomRotation(c.doubles("factor")), c));
        KerasLayers.register("RandomTranslation", c -> transform(new RandomTranslation(c.doubles("height_factor"),
                c.doubles("width_factor")), c));
        KerasLayers.register("RandomZoom", c -> {
            RandomZoom z = transform(new RandomZoom(c.doubles("height_factor")), c);
            return c.has("width_factor") ? z.widthFactor(c.doubles("width_factor")) : z;
        });
    }

    private static <L extends dev.horn.keras.layers.SpatialDropout<L>> L seeded(L layer, ConfigMap c) {
        return c.has("seed") ? layer.seed(c.optionalLong("seed")) : layer;
    }

    private static <L extends ImageAugmentation<L>> L augmentation(L layer, ConfigMap c) {
        return c.has("seed") ? layer.seed(c.optionalLong("seed")) : layer;
    }

    private static <L extends RandomImageTransform<L>> L transform(L layer, ConfigMap c) {
        return augmentation(layer, c).fillMode(c.string("fill_mode", "reflect"))
                .interpolation(c.string("interpolation", "bilinear"))
                .fillValue(c.number("fill_value", 0));
    }

    /** Keras 2 writes BatchNormalization's axis as a one-element list ({@code [2]}); Keras 3 as an integer. */
    private static int normalizationAxis(ConfigMap c) {
        int[] axes = c.ints("axis");
        if (axes == null) {
            return -1;
        }
        if (axes.length != 1) {
            throw c.fail("axis", "must be one axis, got " + PyJson.write(c.raw("axis")) + " (Horn normalizes over one axis)");
        }
        return axes[0];
    }
}
