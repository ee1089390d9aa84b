package dev.horn.keras.callbacks.tensorboard;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serialized TensorBoard protos, written field by field with protobuf's own wire encoder (the
 * field numbers are those of tensorflow/core/util/event.proto and
 * tensorflow/core/framework/summary.proto):
 * <pre>
 * Event   { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; }
 * Summary { repeated Value value = 1; }
 * Value   { string tag = 1; float simple_value = 2; HistogramProto histo = 5; }
 * HistogramProto { double min = 1; double max = 2; double num = 3; double sum = 4;
 *                  double sum_squares = 5; repeated double bucket_limit = 6 [packed];
 *                  repeated double bucket = 7 [packed]; }
 * </pre>
 */
public final class Events {
    private Events() {}

    @FunctionalInterface
    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The first event of every file. */
    static byte[] fileVersion(double wallTime) {
        return message(out -> {
            out.writeDouble(1, wallTime);
            out.writeString(3, "brain.Event:2");
        });
    }

    /** An event carrying one summary of the given values (each a serialized Value). */
    public static byte[] summary(double wallTime, long step, byte[]... values) {
        byte[] summary = message(out -> {
            for (byte[] v : values) {
                out.writeByteArray(1, v);
            }
        });
        return message(out -> {
            out.writeDouble(1, wallTime);
            out.writeInt64(2, step);
            out.writeByteArray(5, summary);
        });
    }

    public static byte[] scalar(String tag, float value) {
        return message(out -> {
            out.writeString(1, tag);
            out.writeFloat(2, value);
        });
    }

    public static byte[] histogram(String tag, Histogram h) {
        byte[] histo = message(out -> {
            out.writeDouble(1, h.min());
            out.writeDouble(2, h.max());
            out.writeDouble(3, h.num());
            out.writeDouble(4, h.sum());
            out.writeDouble(5, h.sumSquares());
            packed(out, 6, h.bucketLimits());
            packed(out, 7, h.buckets());
        });
        return message(out -> {
            out.writeString(1, tag);
            out.writeByteArray(5, histo);
        });
    }

    private static void packed(CodedOutputStream out, int field, double[] values) throws IOException {
        out.writeTag(field, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(values.length * 8);
        for (double v : values) {
            out.writeDoubleNoTag(v);
        }
    }
}
