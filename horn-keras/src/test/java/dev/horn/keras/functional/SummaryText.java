package dev.horn.keras.functional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Expected summary printouts kept as resources (their lines end in the padding Keras prints). */
final class SummaryText {
    private SummaryText() {}

    static String expected(String resource) {
        try (InputStream in = SummaryText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
