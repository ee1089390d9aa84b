package dev.horn.keras.saving;

import static dev.horn.keras.saving.ConfigObjects.activation;
import static dev.horn.keras.saving.ConfigObjects.constraint;
import static dev.horn.keras.saving.ConfigObjects.initializer;
import static dev.horn.keras.saving.ConfigObjects.regularizer;

import dev.horn.keras.layers.Bidirectional;
import dev.horn.keras.layers.Embedding;
import dev.horn.keras.layers.GatedRecurrent;
import dev.horn.keras.layers.Gru;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.layers.Lstm;
import dev.horn.keras.layers.Recurrent;
import dev.horn.keras.layers.SimpleRnn;
import dev.horn.keras.layers.TimeDistributed;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sequence layers and the wrappers around a layer (Bidirectional, TimeDistributed) from their Keras configs. */
final class RecurrentLayerConfigs {
    private RecurrentLayerConfigs() {}

    static void registerAll() {
        KerasLayers.register("SimpleRNN", c -> recurrent(new SimpleRnn(c.integer("units")), c, "tanh"));
        KerasLayers.register("LSTM", c -> gated(new Lstm(c.integer("units")), c).unitForgetBias(c.bool("unit_forget_bias", true)));
        KerasLayers.register("GRU", c -> gated(new Gru(c.integer("units")), c).resetAfter(c.bool("reset_after", true)));
        KerasLayers.register("Embedding", c -> {
            Embedding e = new Embedding(c.integer("input_dim"), c.integer("output_dim"))
                    .embeddingsInitializer(initializer(c, "embeddings_initializer", "uniform"))
                    .embeddingsRegularizer(regularizer(c, "embeddings_regularizer"))
                    .embeddingsConstraint(constraint(c, "embeddings_constraint"))
                    .maskZero(c.bool("mask_zero", false));
            return c.has("input_length") ? e.inputLength(c.integer("input_length")) : e;
        });
        KerasLayers.register("Bidirectional", c -> {
            Layer inner = KerasLayers.deserialize(c.object("layer"), c.owner() + ".layer");
            if (!(inner instanceof Recurrent<?> r)) {
                throw c.fail("layer", "must be a recurrent layer (SimpleRNN, LSTM, GRU), got " + inner.className());
            }
            // Keras saves the forward copy, named forward_<name>; the wrapper adds the prefix again
            if (r.name().startsWith("forward_")) {
                r.name(r.name().substring("forward_".length()));
            }
            return new Bidirectional(r, c.string("merge_mode", null));
        });
        KerasLayers.register("TimeDistributed", c -> new TimeDistributed(KerasLayers.deserialize(c.object("layer"), c.owner() + ".layer")));
    }

    private static <L extends Recurrent<L>> L recurrent(L layer, ConfigMap c, String activation) {
        return layer.activation(activation(c, "activation", activation))
                .useBias(c.bool("use_bias", true))
                .kernelInitializer(initializer(c, "kernel_initializer", "glorot_uniform"))
                .recurrentInitializer(initializer(c, "recurrent_initializer", "orthogonal"))
                .biasInitializer(initializer(c, "bias_initializer", "zeros"))
                .kernelRegularizer(regularizer(c, "kernel_regularizer"))
                .recurrentRegularizer(regularizer(c, "recurrent_regularizer"))
                .biasRegularizer(regularizer(c, "bias_regularizer"))
                .kernelConstraint(constraint(c, "kernel_constraint"))
                .recurrentConstraint(constraint(c, "recurrent_constraint"))
                .biasConstraint(constraint(c, "bias_constraint"))
                .dropout(c.number("dropout", 0))
                .recurrentDropout(c.number("recurrent_dropout", 0))
                .returnSequences(c.bool("return_sequences", false))
                .returnState(c.bool("return_state", false))
                .goBackwards(c.bool("go_backwards", false))
                .stateful(c.bool("stateful", false))
                .unroll(c.bool("unroll", false));
    }

    /**
     * A recurrent layer's config in Keras 3's keys (keras/src/layers/rnn, v3.10): no
     * {@code time_major} or {@code implementation}, {@code zero_output_for_mask} after
     * {@code unroll}, and LSTM and GRU end with their dropout {@code seed}.
     */
    static Map<String, Object> keras3(Map<String, Object> keras2, Recurrent<?> layer) {
        Map<String, Object> out = new LinkedHashMap<>();
        keras2.forEach((k, v) -> {
            if (!k.equals("time_major") && !k.equals("implementation")) {
                out.put(k, v);
            }
            if (k.equals("unroll")) {
                out.put("zero_output_for_mask", layer.zeroOutputForMask());
            }
        });
        if (layer instanceof Lstm || layer instanceof Gru) {
            out.put("seed", null);
        }
        return out;
    }

    /** Bidirectional's Keras 3 config: {@code merge_mode}, then both directions' layers. */
    static void keras3(Map<String, Object> config, Bidirectional layer) {
        Object forward = config.remove("layer");
        Object mergeMode = config.remove("merge_mode");
        config.put("merge_mode", mergeMode);
        config.put("layer", forward);
        config.put("backward_layer", KerasLayers.serialize(layer.backwardLayer(), Format.KERAS3));
    }

    private static <L extends GatedRecurrent<L>> L gated(L layer, ConfigMap c) {
        return recurrent(layer, c, "tanh").recurrentActivation(activation(c, "recurrent_activation", "sigmoid"));
    }
}
