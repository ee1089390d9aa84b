package dev.horn.keras.training;

import dev.horn.DType;
import dev.horn.Tensor;
import java.util.Map;

/**
 * Inputs, targets and per-sample weights of one {@code fit}/{@code evaluate} call, checked
 * against each other once, then cut into batches.
 */
final class TrainingData {
    final Tensor x;
    final Tensor y;
    final Tensor sampleWeight;
    final int rows;

    TrainingData(Tensor x, Tensor y, Tensor sampleWeight, String what) {
        if (x == null) {
            throw new IllegalArgumentException(what + ": x is missing");
        }
        if (x.rank() == 0) {
            throw new IllegalArgumentException(what + ": x must have a batch axis, got a scalar");
        }
        this.rows = x.shape().dim(0);
        if (y != null && (y.rank() == 0 || y.shape().dim(0) != rows)) {
            throw new IllegalArgumentException(what + ": x and y must have the same number of samples; x has shape "
                    + x.shape() + " (" + rows + " samples) and y has shape " + y.shape()
                    + (y.rank() == 0 ? "" : " (" + y.shape().dim(0) + " samples)"));
        }
        if (sampleWeight != null && (sampleWeight.rank() != 1 || sampleWeight.shape().dim(0) != rows)) {
            throw new IllegalArgumentException(what + ": sample_weight must have shape (" + rows + ",), one weight per "
                    + "sample, got shape " + sampleWeight.shape());
        }
        // Keras' fit turns rank-1 inputs and targets into columns, (n,) -> (n, 1)
        this.x = column(x).contiguous();
        this.y = y == null ? null : column(y).contiguous();
        this.sampleWeight = sampleWeight == null ? null : tfFloat(sampleWeight).contiguous();
    }

    private static Tensor column(Tensor t) {
        return t.rank() == 1 ? dev.horn.Tf.tf.reshape(t, t.shape().dim(0), 1) : t;
    }

    private static Tensor tfFloat(Tensor t) {
        return t.dtype() == DType.FLOAT32 ? t : dev.horn.Tf.tf.cast(t, DType.FLOAT32);
    }

    /** The same data with sample weights from {@code class_weight}, multiplied into any sample weights. */
    TrainingData withClassWeight(Map<Integer, Double> classWeight) {
        if (classWeight == null) {
            return this;
        }
        float[] w = new float[rows];
        int[] labels = classIndices();
        float[] given = sampleWeight == null ? null : sampleWeight.toFloatArray();
        for (int i = 0; i < rows; i++) {
            Double cw = classWeight.get(labels[i]);
            if (cw == null) {
                throw new IllegalArgumentException("class_weight has no weight for class " + labels[i]
                        + " (found in y); give a weight for every class");
            }
            w[i] = (float) (cw * (given == null ? 1 : given[i]));
        }
        return new TrainingData(x, y, Tensor.of(w, rows), "fit");
    }

    /** The class of each sample: the label itself, or the argmax of a one-hot row. */
    private int[] classIndices() {
        int[] labels = new int[rows];
        if (y.rank() == 1 || (y.rank() == 2 && y.shape().dim(1) == 1)) {
            double[] v = y.toDoubleArray();
            for (int i = 0; i < rows; i++) {
                labels[i] = (int) Math.round(v[i]);
            }
        } else {
            int k = Math.toIntExact(y.shape().size() / rows);
            double[] v = y.toDoubleArray();
            for (int i = 0; i < rows; i++) {
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (v[i * k + j] > v[i * k + best]) {
                        best = j;
                    }
                }
                labels[i] = best;
            }
        }
        return labels;
    }

    /** Splits off the last {@code fraction} of the rows: [training, validation]. */
    TrainingData[] splitLast(double fraction) {
        int at = (int) Math.floor(rows * (1.0 - fraction));
        if (at == 0 || at == rows) {
            throw new IllegalArgumentException("validation_split=" + fraction + " leaves " + (rows - at)
                    + " of " + rows + " samples for validation; there must be some of each");
        }
        return new TrainingData[] {slice(0, at), slice(at, rows)};
    }

    private TrainingData slice(int from, int to) {
        return new TrainingData(Rows.range(x, from, to), y == null ? null : Rows.range(y, from, to),
                sampleWeight == null ? null : Rows.range(sampleWeight, from, to), "fit");
    }

    /** The step function's arguments for rows {@code order[from..to)}: x, y and, when present, weights. */
    Tensor[] batch(int[] order, int from, int to) {
        Tensor bx = Rows.take(x, order, from, to);
        if (y == null) {
            return new Tensor[] {bx};
        }
        Tensor by = Rows.take(y, order, from, to);
        return sampleWeight == null ? new Tensor[] {bx, by}
                : new Tensor[] {bx, by, Rows.take(sampleWeight, order, from, to)};
    }
}
