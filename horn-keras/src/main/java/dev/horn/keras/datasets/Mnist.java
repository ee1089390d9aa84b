package dev.horn.keras.datasets;

import dev.horn.Tensor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The MNIST handwritten digits, as Keras' {@code mnist.load_data()} and R's {@code dataset_mnist()}:
 * 60,000 training and 10,000 test images of 28x28 grey levels with their digit labels.
 * {@snippet :
 * TrainTest mnist = Mnist.load();
 * Tensor trainImages = mnist.train().x();   // int32 [60000, 28, 28], values 0..255
 * Tensor trainLabels = mnist.train().y();   // int32 [60000], values 0..9
 * }
 *
 * <p>Horn has no uint8 dtype: pixels are int32 (R's integer arrays hold them the same way).
 * Divide by 255 after a cast to float32 to scale them to [0, 1].
 *
 * <p>The four original IDX files ship gzipped inside horn-keras, so this works offline; a copy
 * in the cache directory ({@link DatasetFiles#cacheDirectory()}{@code /mnist}) takes precedence.
 * Every file is checked (magic number, dimensions, length, labels 0..9) and a bad one fails
 * with a {@link DatasetException} that names it.
 */
public final class Mnist {
    public static final String NAME = "mnist";
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    private static final int ROWS = 28;
    private static final int COLUMNS = 28;
    private static final int CLASSES = 10;

    private Mnist() {
    }

    /** Loads MNIST from the cache directory or, where a file is not there, from the copy Horn ships. */
    public static TrainTest load() {
        return load(file -> DatasetFiles.open(NAME, file));
    }

    /** Loads MNIST from the four IDX files in {@code directory} (gzipped, or not with the {@code .gz} dropped). */
    public static TrainTest load(Path directory) {
        return load(file -> DatasetFiles.openRequired(directory, file));
    }

    private interface Opener {
        DatasetFiles.Source open(String file);
    }

    private static TrainTest load(Opener opener) {
        // the two image files dominate (decompressing 55 MB): read them side by side; report
        // a bad file in a fixed order (train images first) whichever thread finds it first
        CompletableFuture<Tensor> trainImages = CompletableFuture.supplyAsync(() -> images(opener.open(TRAIN_IMAGES)));
        Tensor testImages = null;
        Tensor trainLabels = null;
        Tensor testLabels = null;
        RuntimeException later = null;
        try {
            testImages = images(opener.open(TEST_IMAGES));
            trainLabels = labels(opener.open(TRAIN_LABELS));
            testLabels = labels(opener.open(TEST_LABELS));
        } catch (RuntimeException e) {
            later = e;
        }
        Tensor train;
        try {
            train = trainImages.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (later != null) {
            throw later;
        }
        return new TrainTest(split(train, trainLabels, TRAIN_IMAGES, TRAIN_LABELS),
                split(testImages, testLabels, TEST_IMAGES, TEST_LABELS));
    }

    private static Tensor images(DatasetFiles.Source source) {
        Tensor x = read(source, IMAGES_MAGIC, "MNIST images");
        int[] dims = x.shape().dims();
        if (dims[1] != ROWS || dims[2] != COLUMNS) {
            throw new DatasetException(source.name() + ": images are " + dims[1] + "x" + dims[2]
                    + ", MNIST images are " + ROWS + "x" + COLUMNS);
        }
        return x;
    }

    private static Tensor labels(DatasetFiles.Source source) {
        Tensor y = read(source, LABELS_MAGIC, "MNIST labels");
        int[] values = (int[]) y.storage();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= CLASSES) {
                throw new DatasetException(source.name() + ": label " + values[i] + " at index " + i
                        + " is not a digit 0.." + (CLASSES - 1));
            }
        }
        return y;
    }

    private static Tensor read(DatasetFiles.Source source, int magic, String what) {
        try (var in = source.stream()) {
            return Idx.read(in, source.name(), source.gzipped(), magic, what);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + source.name(), e);
        }
    }

    private static Split split(Tensor x, Tensor y, String imagesFile, String labelsFile) {
        if (x.shape().dim(0) != y.shape().dim(0)) {
            throw new DatasetException(imagesFile + " holds " + x.shape().dim(0) + " images but " + labelsFile
                    + " holds " + y.shape().dim(0) + " labels; they must hold as many");
        }
        return new Split(x, y);
    }
}
