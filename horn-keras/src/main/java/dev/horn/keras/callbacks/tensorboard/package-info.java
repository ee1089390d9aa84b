/**
 * TensorBoard's event files for the {@link dev.horn.keras.callbacks.TensorBoard} callback:
 * TFRecord framing with masked CRC-32C ({@link dev.horn.keras.callbacks.tensorboard.EventFile}),
 * {@code Event}/{@code Summary} protos in protobuf's wire format
 * ({@link dev.horn.keras.callbacks.tensorboard.Events}) and weight histograms.
 */
package dev.horn.keras.callbacks.tensorboard;
