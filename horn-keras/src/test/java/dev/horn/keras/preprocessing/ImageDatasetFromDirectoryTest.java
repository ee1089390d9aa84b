package dev.horn.keras.preprocessing;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.Expect;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.horn.keras.Keras.imageDatasetFromDirectory;
import static dev.horn.keras.Keras.imageLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageDatasetFromDirectoryTest {
    @TempDir
    Path dir;

    /** A w x h image whose pixel (x, y) is (r, g, b) = (10 x + tag, 20 y, 7); tag tells the files apart. */
    private Path image(String relative, int w, int h, int tag, String format) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((10 * x + tag) << 16) | ((20 * y) << 8) | 7);
            }
        }
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        ImageIO.write(img, format, p.toFile());
        return p;
    }

    @Test
    void pngPixelsComeOutAsHeightWidthChannels() throws IOException {
        Tensor t = imageLoad(image("a.png", 3, 2, 1, "png"));
        assertThat(t.shape()).isEqualTo(Shape.of(2, 3, 3));
        Expect.values(t, 1, 0, 7, 11, 0, 7, 21, 0, 7, 1, 20, 7, 11, 20, 7, 21, 20, 7);
        Tensor gray = Images.load(dir.resolve("a.png"), ColorMode.GRAYSCALE);
        // 0.299 r + 0.587 g + 0.114 b, rounded
        Expect.values(gray, 1, 4, 7, 13, 16, 19);
    }

    @Test
    void eightBitGrayPngsKeepTheirSamples() throws IOException {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(0, 0, 0, 100);
        img.getRaster().setSample(1, 0, 0, 200);
        Path p = dir.resolve("g.png");
        ImageIO.write(img, "png", p.toFile());
        Expect.values(Images.load(p, ColorMode.GRAYSCALE), 100, 200);
        Expect.values(Images.load(p, ColorMode.RGB), 100, 100, 100, 200, 200, 200);
    }

    private void twoClasses() throws IOException {
        for (int i = 0; i < 6; i++) {
            image("dogs/d" + i + ".png", 4, 4, i, "png");
        }
        for (int i = 0; i < 4; i++) {
            image("cats/c" + i + ".jpg", 6, 5, 100 + i, "jpg");
        }
        Files.writeString(dir.resolve("cats/notes.txt"), "not an image");
    }

    @Test
    void labelsComeFromSortedSubdirectories() throws IOException {
        twoClasses();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        ImageDataset ds = imageDatasetFromDirectory(dir).imageSize(8, 8).shuffle(false).batchSize(4)
                .messages(new PrintStream(messages, true, StandardCharsets.UTF_8)).load();
        assertThat(messages.toString(StandardCharsets.UTF_8)).isEqualTo("Found 10 files belonging to 2 classes.\n");
        assertThat(ds.classNames()).containsExactly("cats", "dogs");
        assertThat(ds.images().shape()).isEqualTo(Shape.of(10, 8, 8, 3));
        assertThat(ds.labels().toIntArray()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 1, 1);
        assertThat(ds.batchCount()).isEqualTo(3);
        assertThat(ds.batch(2).images().shape()).isEqualTo(Shape.of(2, 8, 8, 3));
        // a 4x4 image doubled bilinearly: the first row's red runs 0, 2.5, 7.5, ... with the file's tag added
        Tensor firstDog = ds.batch(1).images();
        assertThat(firstDog.getDouble(0, 0, 0, 0)).isEqualTo(0.0);
        assertThat(firstDog.getDouble(0, 0, 1, 0)).isEqualTo(2.5);
    }

    @Test
    void labelModesAndClassOrder() throws IOException {
        twoClasses();
        var quiet = new PrintStream(PrintStream.nullOutputStream());
        ImageDataset categorical = imageDatasetFromDirectory(dir).imageSize(4, 4).shuffle(false).labelMode("categorical")
                .classNames(List.of("dogs", "cats")).messages(quiet).load();
        assertThat(categorical.labels().shape()).isEqualTo(Shape.of(10, 2));
        assertThat(categorical.labels().toFloatArray()).startsWith(1, 0, 1, 0);
        ImageDataset binary = imageDatasetFromDirectory(dir).imageSize(4, 4).labelMode("binary").seed(1).messages(quiet).load();
        assertThat(binary.labels().shape()).isEqualTo(Shape.of(10, 1));
        assertThatThrownBy(() -> imageDatasetFromDirectory(dir).classNames(List.of("cats", "birds")).messages(quiet).load())
                .hasMessageContaining("did not match the names of the subdirectories").hasMessageContaining("[cats, dogs]");
        ImageDataset unlabeled = imageDatasetFromDirectory(dir.resolve("cats")).labels("none").imageSize(5, 6).messages(quiet).load();
        assertThat(unlabeled.labels()).isNull();
        assertThat(unlabeled.size()).isEqualTo(4);
    }

    @Test
    void validationSplitGivesDisjointSubsetsForOneSeed() throws IOException {
        twoClasses();
        var quiet = new PrintStream(PrintStream.nullOutputStream());
        ImageDataset train = imageDatasetFromDirectory(dir).imageSize(4, 4).validationSplit(0.3).subset("training")
                .seed(123).messages(quiet).load();
        ImageDataset val = imageDatasetFromDirectory(dir).imageSize(4, 4).validationSplit(0.3).subset("validation")
                .seed(123).messages(quiet).load();
        assertThat(train.size()).isEqualTo(7);
        assertThat(val.size()).isEqualTo(3);
        Set<Path> all = new HashSet<>(train.filePaths());
        all.addAll(val.filePaths());
        assertThat(all).hasSize(10);
        assertThatThrownBy(() -> imageDatasetFromDirectory(dir).validationSplit(0.3).subset("training").load())
                .hasMessageContaining("you must provide a `seed` argument");
        assertThatThrownBy(() -> imageDatasetFromDirectory(dir).labelMode("binary").classNames(List.of("cats", "dogs"))
                .subset("training").load()).hasMessageContaining("`validation_split` must be set");
    }

    @Test
    void unreadableFilesNameTheFile() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a/broken.png"), "this is not a png");
        assertThatThrownBy(() -> imageDatasetFromDirectory(dir).messages(new PrintStream(PrintStream.nullOutputStream())).load())
                .hasMessageContaining("Could not read image file").hasMessageContaining("broken.png");
        assertThatThrownBy(() -> imageLoad(dir.resolve("missing.png"))).hasMessageContaining("missing.png");
        assertThatThrownBy(() -> imageDatasetFromDirectory(dir.resolve("nowhere")).load()).hasMessageContaining("nowhere");
    }
}
