/**
 * Models: a {@link dev.horn.keras.models.Sequential} stack of layers, and a
 * {@link dev.horn.keras.models.Functional} graph made by calling layers on symbolic tensors
 * ({@code kerasModel(inputs, outputs)}). Both are layers, so a model can be called on new
 * tensors (sharing its weights), nested in another model or wrapped in {@code timeDistributed}.
 *
 * <p>The contract of a functional model follows Keras 2: its graph is found by walking back
 * from the outputs; its layers are listed deepest first (input layers included, a shared layer
 * once); a forward pass runs the nodes deepest first, handing each layer the masks its inputs
 * carry; training data, targets, losses, loss weights and metrics are given per input or
 * output as lists in order or as maps keyed by the input and output layer names, and each
 * output's loss and metrics are logged under its name ({@code main_output_loss}).
 * {@code summary()} prints Keras 2's table, with a {@code Connected to} column unless the graph
 * is a plain chain; {@code plotModel} draws the graph.
 */
package dev.horn.keras.models;
