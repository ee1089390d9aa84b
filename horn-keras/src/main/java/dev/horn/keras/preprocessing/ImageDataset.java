package dev.horn.keras.preprocessing;

import dev.horn.Tensor;
import java.nio.file.Path;
import java.util.List;

import static dev.horn.Tf.tf;

/**
 * The images of a directory, loaded: {@code images} float32 [n, height, width, channels] in
 * 0-255, {@code labels} as the label mode asked (int32 [n], one-hot float32 [n, classes], or
 * float32 [n, 1] for binary; null without labels), the class names in label order, each
 * sample's file, and the batch size Keras would batch them by.
 */
public record ImageDataset(Tensor images, Tensor labels, List<String> classNames, List<Path> filePaths, int batchSize) {
    public ImageDataset {
        classNames = List.copyOf(classNames);
        filePaths = List.copyOf(filePaths);
    }

    public int size() {
        return filePaths.size();
    }

    /** The number of batches (the last may be short), as {@code length(dataset)} in R. */
    public int batchCount() {
        return (size() + batchSize - 1) / batchSize;
    }

    /** Batch i: its images and labels (labels null without labels). */
    public Batch batch(int i) {
        if (i < 0 || i >= batchCount()) {
            throw new IndexOutOfBoundsException("batch " + i + " of a data set of " + batchCount() + " batches");
        }
        int from = i * batchSize;
        int n = Math.min(batchSize, size() - from);
        return new Batch(rows(images, from, n), labels == null ? null : rows(labels, from, n));
    }

    /** One batch of images and their labels. */
    public record Batch(Tensor images, Tensor labels) {}

    private static Tensor rows(Tensor t, int from, int n) {
        int[] begin = new int[t.rank()];
        int[] size = t.shape().dims();
        begin[0] = from;
        size[0] = n;
        return tf.slice(t, begin, size);
    }
}
