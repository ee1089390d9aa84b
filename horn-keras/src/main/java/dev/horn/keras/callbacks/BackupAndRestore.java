package dev.horn.keras.callbacks;

import dev.horn.keras.saving.AtomicFiles;
import dev.horn.keras.saving.PyJson;
import dev.horn.keras.saving.WeightsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keras' {@code BackupAndRestore}: after every epoch the model's weights and optimizer state go
 * to {@code backupDir}; a {@code fit} that starts and finds a backup (the previous run was killed)
 * restores it and continues with the epoch after the last completed one. With a seed set, the
 * resumed run then computes exactly what an uninterrupted one would have (fit keys its shuffling
 * and dropout to the optimizer's step count, which the backup holds). The backup is deleted when
 * training ends normally, unless {@code deleteCheckpoint(false)}.
 *
 * <p>Crash safety: each epoch's state goes to its own file, then {@code backup.json} is replaced
 * atomically to point at it, then older files are removed; a kill at any moment leaves a
 * pointer to a complete file.
 */
public final class BackupAndRestore extends Callback {
    private static final String POINTER = "backup.json";
    private final Path backupDir;
    private boolean deleteCheckpoint = true;
    private int restoredEpoch = -1;

    public BackupAndRestore(Path backupDir) {
        this.backupDir = java.util.Objects.requireNonNull(backupDir, "backupDir");
    }

    public BackupAndRestore deleteCheckpoint(boolean value) {
        deleteCheckpoint = value;
        return this;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        restoredEpoch = -1;
        Path pointer = backupDir.resolve(POINTER);
        if (!Files.isRegularFile(pointer)) {
            return;
        }
        Map<String, Object> saved;
        try {
            saved = PyJson.readObject(Files.readString(pointer), pointer.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("BackupAndRestore: cannot read " + pointer + ": " + e.getMessage(), e);
        }
        if (!(saved.get("epoch") instanceof Number epoch) || !(saved.get("file") instanceof String file)
                || file.contains("/") || file.contains("\\") || file.contains("..")) {
            throw new IllegalArgumentException("BackupAndRestore: " + pointer + " must hold {\"epoch\": n, \"file\": name}, got "
                    + PyJson.write(saved));
        }
        WeightsFile.restoreTrainingState(model(), backupDir.resolve(file));
        restoredEpoch = epoch.intValue();
    }

    @Override
    public int startEpoch(int initialEpoch) {
        return Math.max(initialEpoch, restoredEpoch + 1);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        String file = String.format("epoch-%06d.weights.h5", epoch);
        WeightsFile.save(model(), backupDir.resolve(file));
        Map<String, Object> pointer = new java.util.LinkedHashMap<>();
        pointer.put("epoch", epoch);
        pointer.put("file", file);
        AtomicFiles.write(backupDir.resolve(POINTER), tmp -> Files.writeString(tmp, PyJson.write(pointer),
                StandardCharsets.UTF_8));
        removeExcept(file);
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (deleteCheckpoint) {
            removeExcept(null);
            try {
                Files.deleteIfExists(backupDir.resolve(POINTER));
            } catch (IOException e) {
                throw new UncheckedIOException("BackupAndRestore: cannot delete " + backupDir + ": " + e.getMessage(), e);
            }
        }
    }

    private void removeExcept(String keep) {
        try (Stream<Path> files = Files.list(backupDir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("epoch-") && name.endsWith(".weights.h5") && !name.equals(keep)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("BackupAndRestore: cannot clean " + backupDir + ": " + e.getMessage(), e);
        }
    }
}
