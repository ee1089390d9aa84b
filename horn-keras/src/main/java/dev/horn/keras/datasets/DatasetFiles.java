package dev.horn.keras.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where data set files come from: the cache directory a user fills (the {@code horn.datasets}
 * system property, else the {@code HORN_DATASETS} environment variable, else
 * {@code ~/.horn/datasets}), then the copies shipped on the class path under
 * {@code dev/horn/keras/datasets/<name>/}. Nothing is downloaded: a clean clone works offline.
 *
 * <p>A file {@code f.gz} may also be stored uncompressed as {@code f}.
 */
public final class DatasetFiles {
    public static final String PROPERTY = "horn.datasets";
    public static final String ENVIRONMENT = "HORN_DATASETS";

    private DatasetFiles() {
    }

    /** An opened file and the name errors should give it. */
    public record Source(String name, InputStream stream, boolean gzipped) {
    }

    /** The cache directory for data sets the user downloads. It need not exist. */
    public static Path cacheDirectory() {
        return cacheDirectory(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT), System.getProperty("user.home"));
    }

    static Path cacheDirectory(String property, String environment, String userHome) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        if (environment != null && !environment.isBlank()) {
            return Path.of(environment);
        }
        return Path.of(userHome, ".horn", "datasets");
    }

    /** Opens {@code file} of data set {@code dataset}: from the cache directory if it is there, else from the class path. */
    public static Source open(String dataset, String file) {
        Optional<Source> cached = openIn(cacheDirectory().resolve(dataset), file);
        if (cached.isPresent()) {
            return cached.get();
        }
        String resource = dataset + "/" + file;
        InputStream in = DatasetFiles.class.getResourceAsStream(resource);
        if (in == null) {
            throw new DatasetException("data set file " + file + " of '" + dataset + "' is neither in the cache directory "
                    + cacheDirectory().resolve(dataset) + " nor on the class path (dev/horn/keras/datasets/" + resource + ")");
        }
        return new Source("class path resource dev/horn/keras/datasets/" + resource, in, file.endsWith(".gz"));
    }

    /** Opens {@code file} (or its uncompressed twin) in {@code directory}, or fails naming both names tried. */
    public static Source openRequired(Path directory, String file) {
        return openIn(directory, file).orElseThrow(() -> new DatasetException("no " + file
                + (file.endsWith(".gz") ? " (or " + stripGz(file) + ")" : "") + " in " + directory));
    }

    private static Optional<Source> openIn(Path directory, String file) {
        for (String name : file.endsWith(".gz") ? new String[] {file, stripGz(file)} : new String[] {file}) {
            Path path = directory.resolve(name);
            if (Files.isRegularFile(path)) {
                try {
                    return Optional.of(new Source(path.toString(), Files.newInputStream(path), name.endsWith(".gz")));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open " + path + ": " + e.getMessage(), e);
                }
            }
        }
        return Optional.empty();
    }

    private static String stripGz(String file) {
        return file.substring(0, file.length() - 3);
    }
}
