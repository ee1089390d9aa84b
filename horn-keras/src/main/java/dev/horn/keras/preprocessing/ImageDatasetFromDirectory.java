package dev.horn.keras.preprocessing;

import dev.horn.DType;
import dev.horn.Tensor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static dev.horn.Tf.tf;

/**
 * Keras' {@code image_dataset_from_directory}, with its arguments as builder methods: a
 * directory holding one sub-directory per class ({@code main_directory/class_a/a_image_1.jpg},
 * ...), labels inferred from the sub-directory (classes in alphanumeric order unless
 * {@code classNames} fixes the order), images resized to {@code imageSize} (256 × 256 by
 * default). Files with other extensions than Keras' (.bmp, .gif, .jpeg, .jpg, .png) are ignored.
 * {@code shuffle} (on by default) uses {@code seed}; the validation split takes the last
 * {@code validationSplit} of the shuffled files, so the training and validation subsets of the
 * same seed never overlap. Horn's shuffle is its own seeded permutation, not numpy's, so the
 * order differs from Keras' for the same seed.
 */
public final class ImageDatasetFromDirectory {
    private static final Set<String> EXTENSIONS = Set.of("bmp", "gif", "jpeg", "jpg", "png");

    private final Path directory;
    private String labels = "inferred";
    private String labelMode = "int";
    private List<String> classNames;
    private ColorMode colorMode = ColorMode.RGB;
    private int batchSize = 32;
    private int[] imageSize = {256, 256};
    private boolean shuffle = true;
    private Long seed;
    private Double validationSplit;
    private String subset;
    private String interpolation = "bilinear";
    private PrintStream out = System.out;

    public ImageDatasetFromDirectory(Path directory) {
        this.directory = directory;
    }

    /** "inferred" (from the sub-directories, the default) or "none" (no labels). */
    public ImageDatasetFromDirectory labels(String value) {
        if (!value.equals("inferred") && !value.equals("none")) {
            throw new IllegalArgumentException("`labels` argument should be a list/tuple of integer labels, of the same "
                    + "size as the number of image files in the target directory, \"inferred\" or None; Horn takes "
                    + "\"inferred\" or \"none\". Received: labels=" + value);
        }
        labels = value;
        return this;
    }

    /** "int" (the default), "categorical", "binary", or "none". */
    public ImageDatasetFromDirectory labelMode(String value) {
        if (!List.of("int", "categorical", "binary", "none").contains(value)) {
            throw new IllegalArgumentException("`label_mode` argument must be one of \"int\", \"categorical\", "
                    + "\"binary\", or None. Received: label_mode=" + value);
        }
        labelMode = value;
        return this;
    }

    public ImageDatasetFromDirectory classNames(List<String> value) {
        classNames = List.copyOf(value);
        return this;
    }

    public ImageDatasetFromDirectory colorMode(String value) {
        colorMode = ColorMode.of(value);
        return this;
    }

    public ImageDatasetFromDirectory batchSize(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("batch_size must be positive, got " + value);
        }
        batchSize = value;
        return this;
    }

    public ImageDatasetFromDirectory imageSize(int height, int width) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image_size must be positive, got (" + height + ", " + width + ")");
        }
        imageSize = new int[] {height, width};
        return this;
    }

    public ImageDatasetFromDirectory shuffle(boolean value) {
        shuffle = value;
        return this;
    }

    public ImageDatasetFromDirectory seed(long value) {
        seed = value;
        return this;
    }

    public ImageDatasetFromDirectory validationSplit(double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("`validation_split` must be between 0 and 1, received: " + value);
        }
        validationSplit = value;
        return this;
    }

    /** "training" or "validation", with {@code validationSplit}. */
    public ImageDatasetFromDirectory subset(String value) {
        if (!value.equals("training") && !value.equals("validation")) {
            throw new IllegalArgumentException("`subset` must be either \"training\", \"validation\" or \"both\" "
                    + "(Horn: \"training\" or \"validation\"), received: " + value);
        }
        subset = value;
        return this;
    }

    public ImageDatasetFromDirectory interpolation(String value) {
        if (!value.equals("bilinear") && !value.equals("nearest")) {
            throw new IllegalArgumentException("interpolation must be \"bilinear\" or \"nearest\", got " + value);
        }
        interpolation = value;
        return this;
    }

    /** Where the "Found N files belonging to C classes." lines go (standard output by default). */
    public ImageDatasetFromDirectory messages(PrintStream value) {
        out = value;
        return this;
    }

    /** Indexes, shuffles, splits and reads the images. */
    public ImageDataset load() {
        checkArguments();
        List<String> classes = classDirectories();
        List<Path> files = new ArrayList<>();
        List<Integer> classOf = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path classDir = labels.equals("inferred") ? directory.resolve(classes.get(c)) : directory;
            for (Path f : imageFiles(classDir)) {
                files.add(f);
                classOf.add(c);
            }
        }
        if (labels.equals("inferred")) {
            out.printf(Locale.ROOT, "Found %d files belonging to %d classes.%n", files.size(), classes.size());
        } else {
            out.printf(Locale.ROOT, "Found %d files.%n", files.size());
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No images found in directory " + directory + ". Allowed formats: "
                    + EXTENSIONS.stream().sorted().map(e -> "." + e).toList());
        }
        int[] order = order(files.size());
        int[] chosen = subsetOf(order);
        if (subset != null) {
            out.printf(Locale.ROOT, "Using %d files for %s.%n", chosen.length, subset);
        }
        int h = imageSize[0];
        int w = imageSize[1];
        int c = colorMode.channels();
        float[] pixels = new float[chosen.length * h * w * c];
        int[] labelIds = new int[chosen.length];
        List<Path> chosenFiles = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) {
            Path f = files.get(chosen[i]);
            Tensor image = Images.load(f, colorMode, h, w, interpolation);
            System.arraycopy(image.toFloatArray(), 0, pixels, i * h * w * c, h * w * c);
            labelIds[i] = classOf.get(chosen[i]);
            chosenFiles.add(f);
        }
        Tensor images = Tensor.of(pixels, chosen.length, h, w, c);
        boolean labelled = labels.equals("inferred") && !labelMode.equals("none");
        return new ImageDataset(images, labelled ? labelTensor(labelIds, classes.size()) : null,
                labels.equals("inferred") ? classes : List.of(), chosenFiles, batchSize);
    }

    private void checkArguments() {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("Could not find directory " + directory);
        }
        if (validationSplit != null && subset == null) {
            throw new IllegalArgumentException("If `validation_split` is set, `subset` must be set too: \"training\" "
                    + "or \"validation\"");
        }
        if (subset != null && validationSplit == null) {
            throw new IllegalArgumentException("If `subset` is set, `validation_split` must be set, and inversely.");
        }
        if (validationSplit != null && shuffle && seed == null) {
            throw new IllegalArgumentException("If using `validation_split` and shuffling the data, you must provide a "
                    + "`seed` argument, to make sure that there is no overlap between the training and validation "
                    + "subset.");
        }
        if (labels.equals("none") && classNames != null) {
            throw new IllegalArgumentException("You can only pass `class_names` if `labels=\"inferred\"`. Received: "
                    + "labels=none, and class_names=" + classNames);
        }
    }

    /** The class sub-directories in label order ([""] standing for the directory itself without labels). */
    private List<String> classDirectories() {
        if (labels.equals("none")) {
            return List.of("");
        }
        List<String> subdirs;
        try (Stream<Path> s = Files.list(directory)) {
            subdirs = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw Images.unchecked(directory, e);
        }
        List<String> classes = subdirs;
        if (classNames != null) {
            if (!new HashSet<>(classNames).equals(new HashSet<>(subdirs))) {
                throw new IllegalArgumentException("The `class_names` passed did not match the names of the "
                        + "subdirectories of the target directory. Expected: " + subdirs + ", but received: "
                        + classNames);
            }
            classes = classNames;
        }
        if (labelMode.equals("binary") && classes.size() != 2) {
            throw new IllegalArgumentException("When passing `label_mode=\"binary\"`, there must be exactly 2 "
                    + "class_names. Received: class_names=" + classes);
        }
        return classes;
    }

    /** The image files under a class directory, sub-directories included, in path order. */
    private static List<Path> imageFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(ImageDatasetFromDirectory::hasImageExtension).sorted().toList();
        } catch (IOException e) {
            throw Images.unchecked(dir, e);
        }
    }

    private static boolean hasImageExtension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private int[] order(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            Random random = new Random(seed == null ? System.nanoTime() : seed);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /** Keras' split: the validation subset is the last int(split * n) samples of the shuffled order. */
    private int[] subsetOf(int[] order) {
        if (subset == null) {
            return order;
        }
        int validation = (int) (validationSplit * order.length);
        return subset.equals("training") ? java.util.Arrays.copyOfRange(order, 0, order.length - validation)
                : java.util.Arrays.copyOfRange(order, order.length - validation, order.length);
    }

    private Tensor labelTensor(int[] ids, int classes) {
        Tensor ints = Tensor.of(ids, ids.length);
        return switch (labelMode) {
            case "categorical" -> tf.oneHot(ints, classes);
            case "binary" -> tf.reshape(tf.cast(ints, DType.FLOAT32), ids.length, 1);
            default -> ints;
        };
    }
}
