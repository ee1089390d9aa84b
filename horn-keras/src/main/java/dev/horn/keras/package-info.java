/**
 * Keras on Horn's engine: layers, models, losses, metrics, optimizers by Keras name, callbacks,
 * {@code fit}/{@code evaluate}/{@code predict}, the progress bar, {@code summary()} and History.
 * {@code import static dev.horn.keras.Keras.*;} brings the R-style entry points
 * ({@code sequential}, {@code layerDense}, {@code datasetMnist}, ...).
 */
package dev.horn.keras;
