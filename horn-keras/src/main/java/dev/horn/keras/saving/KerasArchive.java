package dev.horn.keras.saving;

import dev.horn.keras.models.Model;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Group;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Keras 3's {@code .keras} file: a zip holding {@code metadata.json} (Keras version, date),
 * {@code config.json} (the model's saved config with {@code build_config} and
 * {@code compile_config}) and {@code model.weights.h5} (see {@link WeightsFile}), stored
 * uncompressed as Keras' {@code zipfile} writes it.
 * Loading builds a new model and checks every config entry, variable count and shape before it
 * returns; entries are read by name only (a {@code ..} path or an absurd size is refused, never
 * extracted), and a truncated or corrupt file fails with its path and the problem.
 */
public final class KerasArchive {
    static final String CONFIG = "config.json";
    static final String METADATA = "metadata.json";
    static final String WEIGHTS = "model.weights.h5";
    /** Refused beyond this: no honest config or metadata is this large. */
    private static final long MAX_JSON_BYTES = 64L << 20;
    /** Refused beyond this uncompressed size: larger than any model Horn could hold in memory here. */
    private static final long MAX_WEIGHTS_BYTES = 32L << 30;

    private KerasArchive() {}

    public static void save(Model model, Path path) {
        if (!path.getFileName().toString().endsWith(".keras")) {
            throw new IllegalArgumentException("saveModel: the file name must end in .keras (Keras' zip format), got "
                    + path + "; use saveModelHdf5 for the legacy .h5 format");
        }
        String config = PyJson.write(ModelConfigs.serialize(model, Format.KERAS3));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("keras_version", Format.KERAS3.kerasVersion);
        meta.put("date_saved", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")));
        List<WeightsFile.Entry> entries = WeightsFile.entries(model, model.isCompiled());
        AtomicFiles.write(path, tmp -> {
            Path h5 = Files.createTempFile(tmp.toAbsolutePath().getParent(), ".weights", ".h5");
            try {
                Files.delete(h5);
                try (WritableHdfFile file = HdfFile.write(h5)) {
                    WeightsFile.write(file, entries);
                }
                WeightsFile.checkReadable(h5);
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                    stored(zip, METADATA, PyJson.write(meta).getBytes(StandardCharsets.UTF_8));
                    stored(zip, CONFIG, config.getBytes(StandardCharsets.UTF_8));
                    stored(zip, WEIGHTS, Files.readAllBytes(h5));
                }
            } finally {
                Files.deleteIfExists(h5);
            }
        });
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    public static Model load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("loadModel: no such file: " + path);
        }
        refuseHdf5(path);
        Path h5 = null;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            checkEntries(zip, path);
            String configText = text(zip, CONFIG, path);
            Map<String, Object> config = PyJson.readObject(configText, path + " (" + CONFIG + ")");
            String where = path + " (" + CONFIG + ")";
            Object version = zip.getEntry(METADATA) == null ? null
                    : PyJson.readObject(text(zip, METADATA, path), path + " (" + METADATA + ")").get("keras_version");
            Model model = KerasSemantics.reading(version instanceof String v ? v : null, () -> {
                Model m = ModelConfigs.deserialize(config, where);
                ModelConfigs.compile(m, config.get("compile_config"), where + ": compile_config");
                return m;
            });
            ZipEntry weights = zip.getEntry(WEIGHTS);
            if (weights == null) {
                throw new IllegalArgumentException("loadModel: " + path + " has no " + WEIGHTS + "; it holds "
                        + zip.stream().map(ZipEntry::getName).toList());
            }
            h5 = Files.createTempFile("horn-load", ".weights.h5");
            copyBounded(zip, weights, h5, path);
            loadState(model, h5, path + " (" + WEIGHTS + ")", false);
            return model;
        } catch (ZipException e) {
            throw new IllegalArgumentException("loadModel: " + path + " is not a readable .keras (zip) file: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("loadModel: cannot read " + path + ": " + e.getMessage(), e);
        } finally {
            if (h5 != null) {
                try {
                    Files.deleteIfExists(h5);
                } catch (IOException ignored) {
                    // a temporary copy; the loaded model does not depend on it
                }
            }
        }
    }

    /**
     * Reads layer and optimizer state into a freshly built model; assigns only after every check
     * passed. Optimizer state that does not fit the model's optimizer is skipped with a warning,
     * as Keras does ({@code optimizerMustFit} false), or fails the load (a training restore).
     */
    static void loadState(Model model, Path h5, String where, boolean optimizerMustFit) {
        try (HdfFile file = new HdfFile(h5)) {
            Runnable layers = WeightsFile.prepare(file, WeightsFile.entries(model, false, WeightsFile.isKeras213(file)),
                    Path.of(where));
            Runnable optimizer = () -> {};
            Group saved = model.isCompiled() ? H5Values.groupOrNull(file, "optimizer/vars", h5) : null;
            if (saved != null) {
                if (saved.getChildren().size() > model.optimizer().variables().size()) {
                    OptimizerSlots.build(model.optimizer(), model.trainableVariables());
                }
                try {
                    optimizer = WeightsFile.prepare(file, List.of(WeightsFile.entries(model, true).getLast()), Path.of(where));
                } catch (IllegalArgumentException mismatch) {
                    if (optimizerMustFit) {
                        throw mismatch;
                    }
                    System.err.println("WARNING: Skipping variable loading for optimizer '" + model.optimizer().name()
                            + "': " + mismatch.getMessage() + ". The model's weights are loaded; training starts with "
                            + "a fresh optimizer state.");
                }
            }
            layers.run();
            optimizer.run();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + " is not a readable HDF5 file: " + e.getMessage(), e);
        }
    }

    /** HDF5's signature; Keras 2 users save legacy HDF5 models under a .keras name, which Keras 3 refuses too. */
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private static void refuseHdf5(Path path) {
        byte[] head = new byte[HDF5_SIGNATURE.length];
        try (InputStream in = Files.newInputStream(path)) {
            if (in.readNBytes(head, 0, head.length) == head.length && java.util.Arrays.equals(head, HDF5_SIGNATURE)) {
                throw new IllegalArgumentException("loadModel: " + path + " is an HDF5 file, not a .keras zip: a legacy "
                        + "Keras HDF5 model saved under a .keras name; load it with loadModelHdf5");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("loadModel: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static void checkEntries(ZipFile zip, Path path) {
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            String name = e.getName();
            if (name.startsWith("/") || name.startsWith("\\") || name.contains("..") || name.contains(":")) {
                throw new IllegalArgumentException("loadModel: " + path + " holds an entry with an unsafe path \""
                        + name + "\"; refusing to read it");
            }
            long limit = name.endsWith(".json") ? MAX_JSON_BYTES : MAX_WEIGHTS_BYTES;
            if (e.getSize() > limit) {
                throw new IllegalArgumentException("loadModel: " + path + ": entry \"" + name + "\" declares "
                        + e.getSize() + " bytes uncompressed, more than the " + limit + " allowed");
            }
        }
    }

    private static String text(ZipFile zip, String name, Path path) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new IllegalArgumentException("loadModel: " + path + " has no " + name + "; it is not a .keras file "
                    + "(it holds " + zip.stream().map(ZipEntry::getName).limit(20).toList() + ")");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) {
                throw new IllegalArgumentException("loadModel: " + path + ": " + name + " is larger than "
                        + MAX_JSON_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Copies an entry, refusing more bytes than it declared (a lying header) or than the limit. */
    private static void copyBounded(ZipFile zip, ZipEntry entry, Path target, Path path) throws IOException {
        long limit = entry.getSize() >= 0 ? entry.getSize() : MAX_WEIGHTS_BYTES;
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new IllegalArgumentException("loadModel: " + path + ": " + entry.getName()
                            + " holds more bytes than its declared " + limit);
                }
                out.write(buffer, 0, n);
            }
        }
    }
}
