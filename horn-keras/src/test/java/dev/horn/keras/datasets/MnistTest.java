package dev.horn.keras.datasets;

import dev.horn.DType;
import dev.horn.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MnistTest {
    private static TrainTest mnist;
    private static long loadMillis;

    @BeforeAll
    static void loadOnce() {
        long start = System.nanoTime();
        mnist = Mnist.load();
        loadMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Mnist.load() took " + loadMillis + " ms");
    }

    @Test
    void shippedCopyHasKerasShapesAsInt32() {
        assertThat(mnist.train().x().dtype()).isEqualTo(DType.INT32);
        assertThat(mnist.train().x().shape().dims()).containsExactly(60000, 28, 28);
        assertThat(mnist.train().y().shape().dims()).containsExactly(60000);
        assertThat(mnist.test().x().shape().dims()).containsExactly(10000, 28, 28);
        assertThat(mnist.test().y().dtype()).isEqualTo(DType.INT32);
        assertThat(mnist.test().y().shape().dims()).containsExactly(10000);
    }

    @Test
    void labelsBeginAsInRsGlimpse() {
        assertThat(Arrays.copyOf(mnist.train().y().toIntArray(), 10)).containsExactly(5, 0, 4, 1, 9, 2, 1, 3, 1, 4);
        assertThat(Arrays.copyOf(mnist.test().y().toIntArray(), 10)).containsExactly(7, 2, 1, 0, 4, 1, 4, 9, 5, 9);
        int[] counts = new int[10];
        for (int label : mnist.train().y().toIntArray()) {
            counts[label]++;
        }
        assertThat(counts[0]).isEqualTo(5923);
        assertThat(counts[1]).isEqualTo(6742);
    }

    @Test
    void pixelsMatchTheFifthDigitPrintedInR() {
        // R: digit <- train_images[5,,]; digit[8, 8:20]
        Tensor x = mnist.train().x();
        int[] row = new int[13];
        for (int c = 0; c < 13; c++) {
            row[c] = (int) x.getDouble(4, 7, 7 + c);
        }
        assertThat(row).containsExactly(0, 0, 0, 0, 0, 55, 148, 210, 253, 253, 113, 87, 148);
        assertThat(Arrays.stream(x.toIntArray()).max().getAsInt()).isEqualTo(255);
    }

    @Test
    void loadsInWellUnderTwoSecondsOnAQuietMachine() {
        // generous bound: the machine running tests may be busy; the typical time is printed
        assertThat(loadMillis).isLessThan(10_000);
    }

    // ---- the checks, on small synthetic files ------------------------------------------------

    @TempDir
    Path dir;

    private static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    private void writeSet(byte[] trainImages, byte[] trainLabels) throws IOException {
        Files.write(dir.resolve(Mnist.TRAIN_IMAGES), gzip(trainImages));
        Files.write(dir.resolve(Mnist.TRAIN_LABELS), gzip(trainLabels));
        // the test part uncompressed: a file may be stored with .gz dropped
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images(2));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), labels(3, 4));
    }

    private static byte[] images(int n) {
        byte[] data = new byte[n * 784];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 256);
        }
        return idx(Mnist.IMAGES_MAGIC, new int[] {n, 28, 28}, data);
    }

    private static byte[] labels(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return idx(Mnist.LABELS_MAGIC, new int[] {values.length}, data);
    }

    @Test
    void loadsFromADirectoryGzippedOrNot() throws IOException {
        writeSet(images(3), labels(7, 0, 9));
        TrainTest data = Mnist.load(dir);
        assertThat(data.train().y().toIntArray()).containsExactly(7, 0, 9);
        assertThat(data.train().x().getDouble(0, 9, 3)).isEqualTo(255);
        assertThat(data.train().x().getDouble(0, 1, 0)).isEqualTo(28);
        assertThat(data.test().size()).isEqualTo(2);
    }

    @Test
    void truncatedFileNamesTheFileAndBothLengths() throws IOException {
        byte[] full = images(3);
        writeSet(Arrays.copyOf(full, full.length - 100), labels(1, 2, 3));
        assertThatThrownBy(() -> Mnist.load(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(Mnist.TRAIN_IMAGES)
                .hasMessageContaining("truncated")
                .hasMessageContaining("[3, 28, 28]")
                .hasMessageContaining("2368 bytes with the header")
                .hasMessageContaining("ends after 2268 bytes");
    }

    @Test
    void bytesAfterTheDataAreAnError() throws IOException {
        byte[] full = labels(1, 2, 3);
        writeSet(images(3), Arrays.copyOf(full, full.length + 5));
        assertThatThrownBy(() -> Mnist.load(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(Mnist.TRAIN_LABELS).hasMessageContaining("5 unexpected bytes after the [3]");
    }

    @Test
    void swappedFilesFailOnTheMagicNumber() throws IOException {
        writeSet(labels(1, 2, 3), images(3));
        assertThatThrownBy(() -> Mnist.load(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(Mnist.TRAIN_IMAGES)
                .hasMessageContaining("magic number 0x00000801 (unsigned bytes in 1 dimensions) but MNIST images have 0x00000803");
    }

    @Test
    void aFileThatIsNotIdxSaysSo() throws IOException {
        writeSet("<html>not found</html>".getBytes(), labels(1));
        assertThatThrownBy(() -> Mnist.load(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(Mnist.TRAIN_IMAGES).hasMessageContaining("not an IDX file: magic number 0x3c68746d");
    }

    @Test
    void corruptGzipSaysSo() throws IOException {
        writeSet(images(3), labels(1, 2, 3));
        byte[] gz = Files.readAllBytes(dir.resolve(Mnist.TRAIN_IMAGES));
        Files.write(dir.resolve(Mnist.TRAIN_IMAGES), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> Mnist.load(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining(Mnist.TRAIN_IMAGES).hasMessageContaining("corrupt gzip data");
    }

    @Test
    void wrongImageSizeAndLabelOutOfRangeAndCountMismatchAreNamed() throws IOException {
        writeSet(idx(Mnist.IMAGES_MAGIC, new int[] {1, 32, 32}, new byte[1024]), labels(1));
        assertThatThrownBy(() -> Mnist.load(dir)).hasMessageContaining("images are 32x32, MNIST images are 28x28");
        writeSet(images(2), labels(1, 12));
        assertThatThrownBy(() -> Mnist.load(dir)).hasMessageContaining(Mnist.TRAIN_LABELS)
                .hasMessageContaining("label 12 at index 1 is not a digit 0..9");
        writeSet(images(2), labels(1, 2, 3));
        assertThatThrownBy(() -> Mnist.load(dir))
                .hasMessage(Mnist.TRAIN_IMAGES + " holds 2 images but " + Mnist.TRAIN_LABELS + " holds 3 labels; they must hold as many");
    }

    @Test
    void missingFileNamesTheDirectory() {
        assertThatThrownBy(() -> Mnist.load(dir)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("no " + Mnist.TRAIN_IMAGES + " (or train-images-idx3-ubyte) in " + dir);
    }

    @Test
    void cacheDirectoryIsPropertyThenEnvironmentThenHome() {
        assertThat(DatasetFiles.cacheDirectory("p", "e", "h")).isEqualTo(Path.of("p"));
        assertThat(DatasetFiles.cacheDirectory(null, "e", "h")).isEqualTo(Path.of("e"));
        assertThat(DatasetFiles.cacheDirectory(" ", "", "h")).isEqualTo(Path.of("h", ".horn", "datasets"));
    }

    @Test
    void idxReadsOtherElementTypes() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 + 16);
        b.putInt(0x00000D02).putInt(2).putInt(2).putFloat(1.5f).putFloat(-2f).putFloat(0f).putFloat(3.25f);
        Path f = dir.resolve("floats.idx");
        Files.write(f, b.array());
        Tensor t = Idx.read(f);
        assertThat(t.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(t.toFloatArray()).containsExactly(1.5f, -2f, 0f, 3.25f);
    }
}
