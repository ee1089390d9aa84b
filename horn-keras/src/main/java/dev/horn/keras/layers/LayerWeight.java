package dev.horn.keras.layers;

import dev.horn.Variable;
import dev.horn.keras.constraints.Constraint;
import dev.horn.keras.regularizers.Regularizer;

/**
 * A weight a layer owns: the variable plus what Keras attaches to it (a regularizer whose
 * penalty joins the training loss, a constraint applied after each optimizer step).
 */
public record LayerWeight(Variable variable, Regularizer regularizer, Constraint constraint) {}
