package dev.horn.keras.callbacks.tensorboard;

/**
 * A histogram of values as TensorBoard's {@code HistogramProto} holds it: bucket {@code i}
 * counts the values in {@code (limit[i-1], limit[i]]}, the first from the minimum. Like
 * {@code tf.summary.histogram}, 30 equal-width buckets from the minimum to the maximum (one
 * bucket when every value is the same).
 */
public record Histogram(double min, double max, double num, double sum, double sumSquares,
                        double[] bucketLimits, double[] buckets) {
    static final int BUCKETS = 30;

    public static Histogram of(float[] values) {
        if (values.length == 0) {
            return new Histogram(0, 0, 0, 0, 0, new double[0], new double[0]);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double sumSquares = 0;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            sumSquares += (double) v * v;
        }
        int n = max > min ? BUCKETS : 1;
        double width = (max - min) / n;
        double[] limits = new double[n];
        for (int i = 0; i < n; i++) {
            limits[i] = i == n - 1 ? max : min + width * (i + 1);
        }
        double[] counts = new double[n];
        for (float v : values) {
            int b = n == 1 ? 0 : (int) Math.min(n - 1, Math.max(0, Math.ceil((v - min) / width) - 1));
            counts[b]++;
        }
        return new Histogram(min, max, values.length, sum, sumSquares, limits, counts);
    }
}
