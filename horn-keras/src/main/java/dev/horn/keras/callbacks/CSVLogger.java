package dev.horn.keras.callbacks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Keras' {@code CSVLogger}: one row per epoch, {@code epoch} then the logs' keys in sorted order,
 * numbers as Python prints them. Each row is flushed when written, so the file is complete up
 * to the last finished epoch even if training dies. {@code append} continues an existing file
 * (its header is kept).
 */
public final class CSVLogger extends Callback {
    private final Path file;
    private final String separator;
    private final boolean append;
    private BufferedWriter writer;
    private List<String> keys;
    private boolean headerNeeded;

    public CSVLogger(Path file) {
        this(file, ",", false);
    }

    public CSVLogger(Path file, String separator, boolean append) {
        this.file = file;
        this.separator = separator;
        this.append = append;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        try {
            boolean existing = append && Files.exists(file) && Files.size(file) > 0;
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            headerNeeded = !existing;
            keys = null;
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (keys == null) {
            keys = new ArrayList<>(new TreeSet<>(logs.keySet()));
        }
        try {
            if (headerNeeded) {
                writer.write("epoch" + separator + String.join(separator, keys) + "\n");
                headerNeeded = false;
            }
            StringBuilder row = new StringBuilder(Integer.toString(epoch));
            for (String k : keys) {
                Double v = logs.get(k);
                row.append(separator).append(v == null ? "NA" : PythonFloat.repr(v));
            }
            writer.write(row.append('\n').toString());
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger: cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            writer = null;
        }
    }
}
