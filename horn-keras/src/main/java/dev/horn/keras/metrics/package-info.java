/**
 * Keras' metrics: stateful accumulators whose state lives in non-trainable variables, so that
 * {@link dev.horn.keras.metrics.Metric#updateState} runs eagerly or inside the compiled train
 * step alike. {@link dev.horn.keras.metrics.Mean}/{@link dev.horn.keras.metrics.Sum} keep a
 * weighted total and count; {@link dev.horn.keras.metrics.MeanMetricWrapper} averages a
 * per-sample function (accuracies, mse, custom metrics from {@link dev.horn.keras.metrics.Metric#of});
 * {@link dev.horn.keras.metrics.AUC}, {@link dev.horn.keras.metrics.Precision} and
 * {@link dev.horn.keras.metrics.Recall} keep confusion counts at thresholds.
 * {@link dev.horn.keras.metrics.Metrics#get(String, dev.horn.keras.losses.Loss, dev.horn.Shape)}
 * resolves the names {@code compile} receives, {@code "accuracy"} included.
 *
 * <p>Values are float32; {@code result()} is 0 before the first update (divide-no-nan).
 */
package dev.horn.keras.metrics;
