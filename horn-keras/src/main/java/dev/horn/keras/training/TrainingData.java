package dev.horn.keras.training;

import dev.horn.DType;
import dev.horn.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Inputs, targets and per-sample weights of one {@code fit}/{@code evaluate} call, one tensor
 * per model input and output, checked against each other once, then cut into batches.
 */
final class TrainingData {
    final List<Tensor> xs;
    final List<Tensor> ys;
    final Tensor sampleWeight;
    final int rows;

    TrainingData(Tensor x, Tensor y, Tensor sampleWeight, String what) {
        this(x == null ? null : List.of(x), y == null ? null : List.of(y), sampleWeight, what);
    }

    TrainingData(List<Tensor> xs, List<Tensor> ys, Tensor sampleWeight, String what) {
        if (xs == null || xs.isEmpty() || xs.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(what + ": x is missing");
        }
        for (Tensor x : xs) {
            if (x.rank() == 0) {
                throw new IllegalArgumentException(what + ": x must have a batch axis, got a scalar");
            }
        }
        this.rows = xs.getFirst().shape().dim(0);
        for (Tensor x : xs) {
            if (x.shape().dim(0) != rows) {
                throw new IllegalArgumentException(what + ": all input arrays (x) should have the same number of samples. "
                        + "Got array shapes: " + xs.stream().map(Tensor::shape).toList());
            }
        }
        if (ys != null) {
            for (Tensor y : ys) {
                if (y.rank() == 0 || y.shape().dim(0) != rows) {
                    throw new IllegalArgumentException(what + ": x and y must have the same number of samples; x has shape "
                            + xs.getFirst().shape() + " (" + rows + " samples) and y has shape " + y.shape()
                            + (y.rank() == 0 ? "" : " (" + y.shape().dim(0) + " samples)"));
                }
            }
        }
        if (sampleWeight != null && (sampleWeight.rank() != 1 || sampleWeight.shape().dim(0) != rows)) {
            throw new IllegalArgumentException(what + ": sample_weight must have shape (" + rows + ",), one weight per "
                    + "sample, got shape " + sampleWeight.shape());
        }
        // Keras' fit turns rank-1 inputs and targets into columns, (n,) -> (n, 1)
        this.xs = xs.stream().map(t -> column(t).contiguous()).toList();
        this.ys = ys == null ? null : ys.stream().map(t -> column(t).contiguous()).toList();
        this.sampleWeight = sampleWeight == null ? null : tfFloat(sampleWeight).contiguous();
    }

    private static Tensor column(Tensor t) {
        return t.rank() == 1 ? dev.horn.Tf.tf.reshape(t, t.shape().dim(0), 1) : t;
    }

    private static Tensor tfFloat(Tensor t) {
        return t.dtype() == DType.FLOAT32 ? t : dev.horn.Tf.tf.cast(t, DType.FLOAT32);
    }

    List<dev.horn.Shape> inputShapes() {
        return xs.stream().map(Tensor::shape).toList();
    }

    /** The same data with sample weights from {@code class_weight}, multiplied into any sample weights. */
    TrainingData withClassWeight(Map<Integer, Double> classWeight) {
        if (classWeight == null) {
            return this;
        }
        if (ys.size() != 1) {
            throw new IllegalArgumentException("`class_weight` is only supported for Models with a single output; "
                    + "this model has " + ys.size());
        }
        float[] w = new float[rows];
        int[] labels = classIndices(ys.getFirst());
        float[] given = sampleWeight == null ? null : sampleWeight.toFloatArray();
        for (int i = 0; i < rows; i++) {
            Double cw = classWeight.get(labels[i]);
            if (cw == null) {
                throw new IllegalArgumentException("class_weight has no weight for class " + labels[i]
                        + " (found in y); give a weight for every class");
            }
            w[i] = (float) (cw * (given == null ? 1 : given[i]));
        }
        return new TrainingData(xs, ys, Tensor.of(w, rows), "fit");
    }

    /** The class of each sample: the label itself, or the argmax of a one-hot row. */
    private int[] classIndices(Tensor y) {
        int[] labels = new int[rows];
        double[] v = y.toDoubleArray();
        if (y.rank() == 1 || (y.rank() == 2 && y.shape().dim(1) == 1)) {
            for (int i = 0; i < rows; i++) {
                labels[i] = (int) Math.round(v[i]);
            }
        } else {
            int k = Math.toIntExact(y.shape().size() / rows);
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
        UnaryOperator<Tensor> part = t -> Rows.range(t, from, to);
        return new TrainingData(xs.stream().map(part).toList(), ys == null ? null : ys.stream().map(part).toList(),
                sampleWeight == null ? null : part.apply(sampleWeight), "fit");
    }

    /** The step function's arguments for rows {@code order[from..to)}: the inputs, the targets and any weights. */
    Tensor[] batch(int[] order, int from, int to) {
        return rows(order, from, to).now();
    }

    /** {@link #batch}, copied by idle cores while the caller goes on (see {@link Rows#later}). */
    Rows.Pending prefetch(int[] order, int from, int to) {
        return rows(order, from, to).later();
    }

    private Rows rows(int[] order, int from, int to) {
        List<Tensor> all = new ArrayList<>(xs);
        if (ys != null) {
            all.addAll(ys);
            if (sampleWeight != null) {
                all.add(sampleWeight);
            }
        }
        return new Rows(all, order, from, to);
    }
}
