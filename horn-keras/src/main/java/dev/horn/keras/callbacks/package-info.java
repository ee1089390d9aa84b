/**
 * What training reports: {@link dev.horn.keras.callbacks.Progbar}, the Keras 2 progress bar,
 * character for character; {@link dev.horn.keras.callbacks.ProgbarLogger}, the hooks a fit loop
 * calls to print it ({@code Epoch 1/5}, the bar per batch, the final line with validation
 * values); and {@link dev.horn.keras.callbacks.History}, the per-epoch logs {@code fit} returns,
 * printed and plotted as R's keras does. Clocks and outputs are injectable so the printed text
 * is tested literally.
 */
package dev.horn.keras.callbacks;
