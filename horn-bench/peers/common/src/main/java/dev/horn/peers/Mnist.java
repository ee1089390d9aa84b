package dev.horn.peers;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The four MNIST IDX files (gzip or plain) read into row-major float pixels scaled to [0, 1] and
 * int labels 0-9; the same code for every peer, so all of them train on identical arrays.
 */
public record Mnist(float[] trainImages, int[] trainLabels, float[] testImages, int[] testLabels) {
    public static final int PIXELS = 28 * 28;
    public static final int CLASSES = 10;

    public int trainCount() {
        return trainLabels.length;
    }

    public int testCount() {
        return testLabels.length;
    }

    public static Mnist load(Path dir) throws IOException {
        return new Mnist(images(dir, "train-images-idx3-ubyte"), labels(dir, "train-labels-idx1-ubyte"),
                images(dir, "t10k-images-idx3-ubyte"), labels(dir, "t10k-labels-idx1-ubyte"));
    }

    private static DataInputStream open(Path dir, String name) throws IOException {
        Path gz = dir.resolve(name + ".gz");
        Path plain = dir.resolve(name);
        InputStream in;
        if (Files.exists(gz)) {
            in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16);
        } else if (Files.exists(plain)) {
            in = Files.newInputStream(plain);
        } else {
            throw new IOException("no " + name + "(.gz) in " + dir);
        }
        return new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
    }

    private static float[] images(Path dir, String name) throws IOException {
        try (DataInputStream in = open(dir, name)) {
            int magic = in.readInt();
            if (magic != 0x803) throw new IOException(name + ": not an IDX image file (magic " + magic + ")");
            int n = in.readInt(), rows = in.readInt(), cols = in.readInt();
            if (rows * cols != PIXELS) throw new IOException(name + ": images are " + rows + "x" + cols);
            byte[] raw = new byte[n * PIXELS];
            in.readFully(raw);
            float[] out = new float[raw.length];
            for (int i = 0; i < raw.length; i++) out[i] = (raw[i] & 0xff) / 255f;
            return out;
        }
    }

    private static int[] labels(Path dir, String name) throws IOException {
        try (DataInputStream in = open(dir, name)) {
            int magic = in.readInt();
            if (magic != 0x801) throw new IOException(name + ": not an IDX label file (magic " + magic + ")");
            int n = in.readInt();
            byte[] raw = new byte[n];
            in.readFully(raw);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) out[i] = raw[i];
            return out;
        }
    }
}
