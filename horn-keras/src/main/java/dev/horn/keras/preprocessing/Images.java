package dev.horn.keras.preprocessing;

import dev.horn.Tensor;
import dev.horn.keras.layers.Resize;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * One image file as a tensor: PNG, JPEG, GIF or BMP through {@link ImageIO}, float32
 * [height, width, channels] with values 0-255, optionally resized (bilinear or nearest, TF 2's
 * half-pixel rule, no antialiasing, as {@code image_dataset_from_directory} resizes).
 * Grayscale is ITU-R 601 luma (0.299 R + 0.587 G + 0.114 B), as TensorFlow and PIL convert.
 */
public final class Images {
    private Images() {}

    /** The image in RGB at its own size. */
    public static Tensor load(Path file) {
        return load(file, ColorMode.RGB);
    }

    public static Tensor load(Path file, ColorMode mode) {
        BufferedImage image = read(file);
        int h = image.getHeight();
        int w = image.getWidth();
        int c = mode.channels();
        float[] pixels = new float[h * w * c];
        if (isEightBitGray(image)) {
            // read the samples themselves: getRGB would pass them through Java's linear gray colour space
            Raster raster = image.getRaster();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = raster.getSample(x, y, 0);
                    put(pixels, (y * w + x) * c, mode, v, v, v, 255);
                }
            }
        } else {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = image.getRGB(x, y);
                    put(pixels, (y * w + x) * c, mode, (argb >> 16) & 255, (argb >> 8) & 255, argb & 255, argb >>> 24);
                }
            }
        }
        return Tensor.of(pixels, h, w, c);
    }

    /** The image read and resized to height × width with {@code interpolation} ("bilinear" or "nearest"). */
    public static Tensor load(Path file, ColorMode mode, int height, int width, String interpolation) {
        return resize(load(file, mode), height, width, interpolation);
    }

    /** An [height, width, channels] image resized. */
    public static Tensor resize(Tensor image, int height, int width, String interpolation) {
        return switch (interpolation) {
            case "bilinear" -> Resize.bilinear(Resize.bilinear(image, 0, height), 1, width);
            case "nearest" -> Resize.nearest(Resize.nearest(image, 0, height), 1, width);
            default -> throw new IllegalArgumentException("interpolation must be \"bilinear\" or \"nearest\", got \""
                    + interpolation + "\"");
        };
    }

    private static void put(float[] pixels, int at, ColorMode mode, int r, int g, int b, int a) {
        switch (mode) {
            case GRAYSCALE -> pixels[at] = Math.round(0.299f * r + 0.587f * g + 0.114f * b);
            case RGB -> {
                pixels[at] = r;
                pixels[at + 1] = g;
                pixels[at + 2] = b;
            }
            case RGBA -> {
                pixels[at] = r;
                pixels[at + 1] = g;
                pixels[at + 2] = b;
                pixels[at + 3] = a;
            }
        }
    }

    private static boolean isEightBitGray(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY;
    }

    private static BufferedImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Image file not found: " + file);
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Could not read image file " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IllegalArgumentException("Could not read image file " + file
                    + ": not an image format this JVM decodes (PNG, JPEG, GIF, BMP)");
        }
        return image;
    }

    static UncheckedIOException unchecked(Path dir, IOException e) {
        return new UncheckedIOException("Could not list " + dir + ": " + e.getMessage(), e);
    }
}
