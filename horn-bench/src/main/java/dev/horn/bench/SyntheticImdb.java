package dev.horn.bench;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * IMDB-shaped data made up from a seed (there is no IMDB download offline): reviews of 20 to
 * {@code length} word ids below {@code vocabulary}, drawn with a Zipf-like skew as real text is,
 * pre-padded with 0 as Keras' {@code pad_sequences} pads. The task is learnable but not trivial:
 * a positive review (label 1) has a few words from a "positive" id range sprinkled in, a
 * negative one from a "negative" range, among the noise.
 */
record SyntheticImdb(int[] ids, float[] labels, int count, int length) {
    static final int POSITIVE_FROM = 10;
    static final int NEGATIVE_FROM = 60;
    static final int MARKED_WORDS = 50;

    static SyntheticImdb generate(int count, int length, int vocabulary, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] ids = new int[count * length];
        float[] labels = new float[count];
        for (int s = 0; s < count; s++) {
            int words = 20 + random.nextInt(length - 19);
            int start = (s + 1) * length - words;
            for (int i = start; i < (s + 1) * length; i++) {
                // Zipf-like: small ids (frequent words) far more often than large ones
                ids[i] = 1 + (int) Math.min(vocabulary - 2, Math.floor(Math.pow(vocabulary, random.nextDouble()) - 1));
            }
            boolean positive = random.nextBoolean();
            labels[s] = positive ? 1 : 0;
            int from = positive ? POSITIVE_FROM : NEGATIVE_FROM;
            for (int k = 0; k < 3 + random.nextInt(4); k++) {
                ids[start + random.nextInt(words)] = from + random.nextInt(MARKED_WORDS);
            }
        }
        return new SyntheticImdb(ids, labels, count, length);
    }

    /** Writes count, length, the ids and the labels as big-endian ints and floats, for a peer to read; atomically. */
    void write(Path file) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16))) {
            out.writeInt(count);
            out.writeInt(length);
            for (int id : ids) {
                out.writeInt(id);
            }
            for (float label : labels) {
                out.writeFloat(label);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
