package dev.horn.keras.saving;

import static dev.horn.keras.saving.ConfigObjects.activation;
import static dev.horn.keras.saving.ConfigObjects.constraint;
import static dev.horn.keras.saving.ConfigObjects.initializer;
import static dev.horn.keras.saving.ConfigObjects.regularizer;

import dev.horn.keras.layers.AveragePooling1D;
import dev.horn.keras.layers.AveragePooling2D;
import dev.horn.keras.layers.AveragePooling3D;
import dev.horn.keras.layers.BaseConv;
import dev.horn.keras.layers.Conv;
import dev.horn.keras.layers.Conv1D;
import dev.horn.keras.layers.Conv2D;
import dev.horn.keras.layers.Conv2DTranspose;
import dev.horn.keras.layers.Conv3D;
import dev.horn.keras.layers.DepthwiseConv2D;
import dev.horn.keras.layers.GlobalAveragePooling1D;
import dev.horn.keras.layers.GlobalAveragePooling2D;
import dev.horn.keras.layers.GlobalMaxPooling1D;
import dev.horn.keras.layers.GlobalMaxPooling2D;
import dev.horn.keras.layers.GlobalPooling;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.layers.MaxPooling1D;
import dev.horn.keras.layers.MaxPooling2D;
import dev.horn.keras.layers.MaxPooling3D;
import dev.horn.keras.layers.Pooling;
import dev.horn.keras.layers.SeparableConv2D;
import java.util.function.Function;

/** Convolution and pooling layers from their Keras configs (the arguments of their {@code get_config}). */
final class ConvLayerConfigs {
    private ConvLayerConfigs() {}

    static void registerAll() {
        KerasLayers.register("Conv1D", c -> conv(new Conv1D(c.integer("filters"), c.ints("kernel_size")), c));
        KerasLayers.register("Conv2D", c -> conv(new Conv2D(c.integer("filters"), c.ints("kernel_size")), c));
        KerasLayers.register("Conv3D", c -> conv(new Conv3D(c.integer("filters"), c.ints("kernel_size")), c));
        KerasLayers.register("Conv2DTranspose", c -> {
            Conv2DTranspose t = conv(new Conv2DTranspose(c.integer("filters"), c.ints("kernel_size")), c);
            return c.has("output_padding") ? t.outputPadding(c.ints("output_padding")) : t;
        });
        KerasLayers.register("DepthwiseConv2D", c -> base(new DepthwiseConv2D(c.ints("kernel_size")), c)
                .depthMultiplier(c.integer("depth_multiplier", 1))
                .depthwiseInitializer(initializer(c, "depthwise_initializer", "glorot_uniform"))
                .depthwiseRegularizer(regularizer(c, "depthwise_regularizer"))
                .depthwiseConstraint(constraint(c, "depthwise_constraint")));
        KerasLayers.register("SeparableConv2D", c -> base(new SeparableConv2D(c.integer("filters"), c.ints("kernel_size")), c)
                .depthMultiplier(c.integer("depth_multiplier", 1))
                .depthwiseInitializer(initializer(c, "depthwise_initializer", "glorot_uniform"))
                .pointwiseInitializer(initializer(c, "pointwise_initializer", "glorot_uniform"))
                .depthwiseRegularizer(regularizer(c, "depthwise_regularizer"))
                .pointwiseRegularizer(regularizer(c, "pointwise_regularizer"))
                .depthwiseConstraint(constraint(c, "depthwise_constraint"))
                .pointwiseConstraint(constraint(c, "pointwise_constraint")));
        pooling("MaxPooling1D", MaxPooling1D::new);
        pooling("MaxPooling2D", MaxPooling2D::new);
        pooling("MaxPooling3D", MaxPooling3D::new);
        pooling("AveragePooling1D", AveragePooling1D::new);
        pooling("AveragePooling2D", AveragePooling2D::new);
        pooling("AveragePooling3D", AveragePooling3D::new);
        KerasLayers.register("GlobalMaxPooling1D", c -> global(new GlobalMaxPooling1D(), c));
        KerasLayers.register("GlobalMaxPooling2D", c -> global(new GlobalMaxPooling2D(), c));
        KerasLayers.register("GlobalAveragePooling1D", c -> global(new GlobalAveragePooling1D(), c));
        KerasLayers.register("GlobalAveragePooling2D", c -> global(new GlobalAveragePooling2D(), c));
    }

    /** What every convolution's config holds: window, activation and bias. */
    private static <L extends BaseConv<L>> L base(L layer, ConfigMap c) {
        if (c.has("strides")) {
            layer.strides(c.ints("strides"));
        }
        if (c.has("dilation_rate")) {
            layer.dilationRate(c.ints("dilation_rate"));
        }
        return layer.padding(c.string("padding", "valid"))
                .dataFormat(c.string("data_format", "channels_last"))
                .activation(activation(c, "activation", "linear"))
                .useBias(c.bool("use_bias", true))
                .biasInitializer(initializer(c, "bias_initializer", "zeros"))
                .biasRegularizer(regularizer(c, "bias_regularizer"))
                .biasConstraint(constraint(c, "bias_constraint"));
    }

    private static <L extends Conv<L>> L conv(L layer, ConfigMap c) {
        return base(layer, c).groups(c.integer("groups", 1))
                .kernelInitializer(initializer(c, "kernel_initializer", "glorot_uniform"))
                .kernelRegularizer(regularizer(c, "kernel_regularizer"))
                .kernelConstraint(constraint(c, "kernel_constraint"));
    }

    private static <L extends Pooling<L>> void pooling(String className, Function<int[], L> make) {
        KerasLayers.register(className, c -> {
            L layer = make.apply(c.has("pool_size") ? c.ints("pool_size") : new int[0]);
            if (c.has("strides")) {
                layer.strides(c.ints("strides"));
            }
            return layer.padding(c.string("padding", "valid")).dataFormat(c.string("data_format", "channels_last"));
        });
    }

    private static <L extends GlobalPooling<L>> Layer global(L layer, ConfigMap c) {
        return layer.dataFormat(c.string("data_format", "channels_last")).keepdims(c.bool("keepdims", false));
    }
}
