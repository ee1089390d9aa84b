package dev.horn.keras.callbacks.tensorboard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * A TensorFlow event file, {@code events.out.tfevents.<seconds>.<host>}: TFRecord framing of
 * serialized {@code Event} protos, each record {@code length (uint64 LE)},
 * {@code masked_crc32c(length)}, {@code data}, {@code masked_crc32c(data)}. The first event
 * names the file version ({@code brain.Event:2}). Records are flushed as they are written, so
 * TensorBoard shows a run while it trains; an event file is a log that grows, not a document
 * replaced whole, so it is appended to rather than written atomically, and a reader sees whole
 * records or a torn last one, which TensorBoard skips.
 */
public final class EventFile implements AutoCloseable {
    private final Path path;
    private final OutputStream out;

    /** Creates a new event file in {@code dir}, named as TensorFlow names them. */
    public static EventFile create(Path dir) {
        try {
            Files.createDirectories(dir);
            long seconds = System.currentTimeMillis() / 1000;
            String host = java.net.InetAddress.getLocalHost().getHostName();
            Path path = dir.resolve("events.out.tfevents." + seconds + "." + host + "." + ProcessHandle.current().pid()
                    + "." + System.nanoTime() % 1000 + ".v2");
            EventFile file = new EventFile(path);
            file.write(Events.fileVersion(System.currentTimeMillis() / 1000.0));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("TensorBoard: cannot create an event file in " + dir + ": " + e.getMessage(), e);
        }
    }

    private EventFile(Path path) throws IOException {
        this.path = path;
        this.out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    public Path path() {
        return path;
    }

    /** Appends one serialized Event as a record and flushes it. */
    public void write(byte[] event) {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(event.length);
        header.putInt(maskedCrc32c(header.array(), 0, 8));
        ByteBuffer footer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        footer.putInt(maskedCrc32c(event, 0, event.length));
        try {
            out.write(header.array());
            out.write(event);
            out.write(footer.array());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("TensorBoard: cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** TFRecord's checksum: CRC-32C, rotated right by 15 bits, plus a constant. */
    static int maskedCrc32c(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + 0xa282ead8;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("TensorBoard: cannot close " + path + ": " + e.getMessage(), e);
        }
    }
}
