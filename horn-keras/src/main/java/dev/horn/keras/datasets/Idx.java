package dev.horn.keras.datasets;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of the MNIST distribution (and of EMNIST, Fashion-MNIST, KMNIST): a
 * 4-byte magic number {@code 0x00 0x00 type rank}, {@code rank} big-endian int32 dimensions,
 * then the elements in row-major order, optionally gzip-compressed (a name ending in {@code .gz}).
 *
 * <p>Horn has no uint8 dtype, so unsigned bytes (type 0x08, what MNIST stores) become int32
 * values 0..255, as R's {@code dataset_mnist()} gives integer arrays. Signed bytes, shorts and
 * ints become int32, floats float32, doubles float64.
 *
 * <p>The header is checked against the data: a file that is truncated, has bytes after the
 * last element, or is not IDX at all fails with a {@link DatasetException} that names the
 * file and says what is wrong.
 */
public final class Idx {
    private static final int BUFFER = 1 << 16;
    private static final int ANY = -1;

    private Idx() {
    }

    /** Reads an IDX file; gzip-compressed when its name ends in {@code .gz}. */
    public static Tensor read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), file.getFileName().toString().endsWith(".gz"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an IDX stream; {@code source} names it in error messages. The stream is read to
     * its end but not closed.
     */
    public static Tensor read(InputStream raw, String source, boolean gzipped) {
        return read(raw, source, gzipped, ANY, null);
    }

    /**
     * Reads an IDX stream whose magic number must be {@code expectedMagic} (such as
     * {@code 0x00000803}, unsigned bytes in 3 dimensions); {@code what} describes the expected
     * content in the error ("MNIST images").
     */
    public static Tensor read(InputStream raw, String source, boolean gzipped, int expectedMagic, String what) {
        try {
            InputStream in = gzipped ? new GZIPInputStream(raw, BUFFER) : new BufferedInputStream(raw, BUFFER);
            return parse(in, source, expectedMagic, what);
        } catch (ZipException | EOFException e) {
            throw new DatasetException(source + ": corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static Tensor parse(InputStream in, String source, int expectedMagic, String what) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new DatasetException(source + ": not an IDX file: it has " + magic.length
                    + " bytes, fewer than the 4-byte magic number");
        }
        int type = magic[2] & 0xFF;
        int rank = magic[3] & 0xFF;
        ElementType element = ElementType.of(type);
        if (magic[0] != 0 || magic[1] != 0 || element == null || rank == 0) {
            throw new DatasetException(String.format(
                    "%s: not an IDX file: magic number 0x%02x%02x%02x%02x, expected 0x0000TTRR with type TT"
                            + " one of 08 09 0b 0c 0d 0e and rank RR > 0 (MNIST images are 0x00000803, labels 0x00000801)",
                    source, magic[0], magic[1], magic[2], magic[3]));
        }
        int found = ((magic[0] & 0xFF) << 24) | ((magic[1] & 0xFF) << 16) | (type << 8) | rank;
        if (expectedMagic != ANY && found != expectedMagic) {
            throw new DatasetException(String.format("%s: magic number 0x%08x (%s in %d dimensions) but %s have 0x%08x (%s in %d dimensions)",
                    source, found, element.label, rank, what, expectedMagic,
                    ElementType.of((expectedMagic >> 8) & 0xFF).label, expectedMagic & 0xFF));
        }
        byte[] header = in.readNBytes(4 * rank);
        if (header.length < 4 * rank) {
            throw new DatasetException(source + ": truncated header: magic number says " + rank
                    + " dimensions (" + 4 * rank + " bytes) but only " + header.length + " bytes follow it");
        }
        int[] dims = new int[rank];
        long count = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = ((header[4 * i] & 0xFF) << 24) | ((header[4 * i + 1] & 0xFF) << 16)
                    | ((header[4 * i + 2] & 0xFF) << 8) | (header[4 * i + 3] & 0xFF);
            if (dims[i] < 0) {
                throw new DatasetException(source + ": dimension " + i + " in the header is negative ("
                        + dims[i] + "); the header is corrupt");
            }
            count *= dims[i];
        }
        long expected = count * element.bytes;
        if (expected > Integer.MAX_VALUE - 16) {
            throw new DatasetException(source + ": header dimensions " + Arrays.toString(dims)
                    + " describe " + expected + " bytes of data, more than a Java array holds");
        }
        long headerBytes = 4 + 4L * rank;
        // decode chunk by chunk: no second copy of the data, and a small loop the JIT compiles early
        Object values = element.allocate((int) count);
        byte[] chunk = new byte[BUFFER];
        int perChunk = BUFFER / element.bytes;
        for (int done = 0; done < count; ) {
            int n = (int) Math.min(perChunk, count - done);
            int got = in.readNBytes(chunk, 0, n * element.bytes);
            if (got < n * element.bytes) {
                throw new DatasetException(source + ": truncated: the header says " + Arrays.toString(dims) + " "
                        + element.label + " (" + (headerBytes + expected) + " bytes with the header) but the data ends after "
                        + (headerBytes + (long) done * element.bytes + got) + " bytes");
            }
            element.decode(chunk, n, values, done);
            done += n;
        }
        if (in.read() != -1) {
            long extra = 1 + in.transferTo(java.io.OutputStream.nullOutputStream());
            throw new DatasetException(source + ": " + extra + " unexpected bytes after the "
                    + Arrays.toString(dims) + " " + element.label + " the header describes");
        }
        return Tensor.wrap(element.dtype, Shape.of(dims), values);
    }

    private enum ElementType {
        UNSIGNED_BYTE(0x08, 1, DType.INT32, "unsigned bytes"),
        SIGNED_BYTE(0x09, 1, DType.INT32, "signed bytes"),
        SHORT(0x0B, 2, DType.INT32, "shorts"),
        INT(0x0C, 4, DType.INT32, "ints"),
        FLOAT(0x0D, 4, DType.FLOAT32, "floats"),
        DOUBLE(0x0E, 8, DType.FLOAT64, "doubles");

        final int code;
        final int bytes;
        final DType dtype;
        final String label;

        ElementType(int code, int bytes, DType dtype, String label) {
            this.code = code;
            this.bytes = bytes;
            this.dtype = dtype;
            this.label = label;
        }

        static ElementType of(int code) {
            for (ElementType t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }

        Object allocate(int n) {
            return switch (dtype) {
                case FLOAT32 -> new float[n];
                case FLOAT64 -> new double[n];
                default -> new int[n];
            };
        }

        /** Decodes {@code n} big-endian elements of {@code b} into {@code out} from {@code at}. */
        void decode(byte[] b, int n, Object out, int at) {
            var buf = java.nio.ByteBuffer.wrap(b, 0, n * bytes); // big-endian, as IDX
            switch (this) {
                case UNSIGNED_BYTE -> {
                    int[] o = (int[]) out;
                    for (int i = 0; i < n; i++) {
                        o[at + i] = b[i] & 0xFF;
                    }
                }
                case SIGNED_BYTE -> {
                    int[] o = (int[]) out;
                    for (int i = 0; i < n; i++) {
                        o[at + i] = b[i];
                    }
                }
                case SHORT -> {
                    int[] o = (int[]) out;
                    for (int i = 0; i < n; i++) {
                        o[at + i] = buf.getShort();
                    }
                }
                case INT -> buf.asIntBuffer().get((int[]) out, at, n);
                case FLOAT -> buf.asFloatBuffer().get((float[]) out, at, n);
                case DOUBLE -> buf.asDoubleBuffer().get((double[]) out, at, n);
            }
        }
    }
}
