package dev.horn.peers;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lstm-text benchmark's sequences as Horn's side wrote them: count, length, the word ids
 * (count x length ints, pre-padded with 0) and the labels (count floats), big-endian.
 */
public record SequenceData(int[] ids, float[] labels, int count, int length) {
    public static SequenceData read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int count = in.readInt();
            int length = in.readInt();
            if (count <= 0 || length <= 0) {
                throw new IOException(file + ": bad header, count " + count + " and length " + length);
            }
            int[] ids = new int[count * length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = in.readInt();
            }
            float[] labels = new float[count];
            for (int i = 0; i < count; i++) {
                labels[i] = in.readFloat();
            }
            return new SequenceData(ids, labels, count, length);
        }
    }
}
