package dev.horn.runs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tests' training script (400 rows, a second or two per run), copied where a test wants it. */
final class TestScripts {
    static final Path TINY = Path.of("src/test/resources/scripts/TinyClassifier.java").toAbsolutePath();

    private TestScripts() {}

    /** TinyClassifier.java in {@code dir}, with {@code from} replaced by {@code to} in its source. */
    static Path tinyIn(Path dir, String from, String to) throws Exception {
        Files.createDirectories(dir);
        String source = Files.readString(TINY);
        return Files.writeString(dir.resolve("TinyClassifier.java"), from == null ? source : source.replace(from, to));
    }

    /** A console that keeps what is printed to it. */
    record Console(ByteArrayOutputStream bytes, PrintStream out) {
        static Console capture() {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            return new Console(b, new PrintStream(b, true, StandardCharsets.UTF_8));
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
