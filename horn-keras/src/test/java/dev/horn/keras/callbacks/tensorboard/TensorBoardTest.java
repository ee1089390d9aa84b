package dev.horn.keras.callbacks.tensorboard;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.callbacks.TensorBoard;
import dev.horn.keras.models.Sequential;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event files read back independently: TFRecord framing and CRCs checked here, and the Event
 * protos parsed against a schema built from TensorBoard's own field definitions
 * (tensorflow/core/util/event.proto, tensorflow/core/framework/summary.proto).
 */
class TensorBoardTest {
    @TempDir
    Path dir;

    private static FieldDescriptorProto field(String name, int number, Type type, Label label, String typeName) {
        FieldDescriptorProto.Builder b = FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
                .setType(type).setLabel(label);
        if (typeName != null) {
            b.setTypeName(typeName);
        }
        return b.build();
    }

    private static FieldDescriptorProto optional(String name, int number, Type type) {
        return field(name, number, type, Label.LABEL_OPTIONAL, null);
    }

    static Descriptor eventSchema() throws Exception {
        DescriptorProto histogram = DescriptorProto.newBuilder().setName("HistogramProto")
                .addField(optional("min", 1, Type.TYPE_DOUBLE)).addField(optional("max", 2, Type.TYPE_DOUBLE))
                .addField(optional("num", 3, Type.TYPE_DOUBLE)).addField(optional("sum", 4, Type.TYPE_DOUBLE))
                .addField(optional("sum_squares", 5, Type.TYPE_DOUBLE))
                .addField(field("bucket_limit", 6, Type.TYPE_DOUBLE, Label.LABEL_REPEATED, null))
                .addField(field("bucket", 7, Type.TYPE_DOUBLE, Label.LABEL_REPEATED, null)).build();
        DescriptorProto value = DescriptorProto.newBuilder().setName("Value")
                .addField(optional("node_name", 7, Type.TYPE_STRING)).addField(optional("tag", 1, Type.TYPE_STRING))
                .addField(optional("simple_value", 2, Type.TYPE_FLOAT))
                .addField(field("histo", 5, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL, ".tensorboard.HistogramProto")).build();
        DescriptorProto summary = DescriptorProto.newBuilder().setName("Summary")
                .addField(field("value", 1, Type.TYPE_MESSAGE, Label.LABEL_REPEATED, ".tensorboard.Value")).build();
        DescriptorProto event = DescriptorProto.newBuilder().setName("Event")
                .addField(optional("wall_time", 1, Type.TYPE_DOUBLE)).addField(optional("step", 2, Type.TYPE_INT64))
                .addField(optional("file_version", 3, Type.TYPE_STRING))
                .addField(field("summary", 5, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL, ".tensorboard.Summary")).build();
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("event.proto").setPackage("tensorboard")
                .addMessageType(histogram).addMessageType(value).addMessageType(summary).addMessageType(event).build();
        return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Event");
    }

    private static int masked(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        int crc = (int) c.getValue();
        return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
    }

    /** Every record of a file, CRCs checked, parsed as Events. */
    static List<DynamicMessage> read(Path file) throws Exception {
        Descriptor schema = eventSchema();
        byte[] all = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        List<DynamicMessage> events = new ArrayList<>();
        while (buf.hasRemaining()) {
            int start = buf.position();
            long length = buf.getLong();
            assertThat(buf.getInt()).as("length crc").isEqualTo(masked(all, start, 8));
            byte[] data = new byte[(int) length];
            buf.get(data);
            assertThat(buf.getInt()).as("data crc").isEqualTo(masked(data, 0, data.length));
            events.add(DynamicMessage.parseFrom(schema, data));
        }
        return events;
    }

    /** tag -> value per step, from the scalar values of every event. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<Long, Float>> scalars(List<DynamicMessage> events) {
        Map<String, Map<Long, Float>> out = new LinkedHashMap<>();
        for (DynamicMessage e : events) {
            var d = e.getDescriptorForType();
            if (!e.hasField(d.findFieldByName("summary"))) {
                continue;
            }
            long step = (Long) e.getField(d.findFieldByName("step"));
            DynamicMessage summary = (DynamicMessage) e.getField(d.findFieldByName("summary"));
            for (DynamicMessage v : (List<DynamicMessage>) summary.getField(summary.getDescriptorForType().findFieldByName("value"))) {
                var vd = v.getDescriptorForType();
                if (v.hasField(vd.findFieldByName("simple_value"))) {
                    out.computeIfAbsent((String) v.getField(vd.findFieldByName("tag")), k -> new LinkedHashMap<>())
                            .put(step, (Float) v.getField(vd.findFieldByName("simple_value")));
                }
            }
        }
        return out;
    }

    private static Path only(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            assertThat(all.getFirst().getFileName().toString()).startsWith("events.out.tfevents.");
            return all.getFirst();
        }
    }

    @Test
    void epochAndBatchScalarsLearningRateAndHistogramsReadBackAgainstTheSchema() throws Exception {
        Keras.clearSession();
        Horn.setSeed(2);
        Sequential model = sequential(layerDense(3).activation("relu").inputShape(4), layerDense(1));
        model.compile(optimizerSgd(0.05), "mse", "mae");
        Tensor x = tf.randomNormal(new int[] {40, 4});
        Tensor y = tf.randomNormal(new int[] {40, 1});
        var history = model.fit(x, y, epochs(2), batchSize(10), validationSplit(0.25), verbose(0),
                callbacks(new TensorBoard(dir).updateFreq("batch").histogramFreq(1)));

        List<DynamicMessage> train = read(only(dir.resolve("train")));
        assertThat(train.getFirst().getField(train.getFirst().getDescriptorForType().findFieldByName("file_version")))
                .isEqualTo("brain.Event:2");
        Map<String, Map<Long, Float>> s = scalars(train);
        assertThat(s.get("epoch_loss")).containsEntry(0L, history.metric("loss").get(0).floatValue())
                .containsEntry(1L, history.metric("loss").get(1).floatValue());
        assertThat(s.get("epoch_mae")).hasSize(2);
        assertThat(s.get("epoch_learning_rate")).containsEntry(1L, 0.05f);
        assertThat(s.get("batch_loss").keySet()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L); // 3 batches an epoch
        Map<String, Map<Long, Float>> v = scalars(read(only(dir.resolve("validation"))));
        assertThat(v.get("epoch_loss")).containsEntry(1L, history.metric("val_loss").get(1).floatValue());

        DynamicMessage last = train.getLast();
        DynamicMessage summary = (DynamicMessage) last.getField(last.getDescriptorForType().findFieldByName("summary"));
        @SuppressWarnings("unchecked")
        List<DynamicMessage> values = (List<DynamicMessage>) summary.getField(summary.getDescriptorForType().findFieldByName("value"));
        assertThat(values).extracting(m -> m.getField(m.getDescriptorForType().findFieldByName("tag")))
                .containsExactly("dense/kernel_0", "dense/bias_0", "dense_1/kernel_0", "dense_1/bias_0");
        DynamicMessage histo = (DynamicMessage) values.getFirst().getField(values.getFirst().getDescriptorForType().findFieldByName("histo"));
        var hd = histo.getDescriptorForType();
        assertThat((Double) histo.getField(hd.findFieldByName("num"))).isEqualTo(12.0);
        @SuppressWarnings("unchecked")
        List<Double> counts = (List<Double>) histo.getField(hd.findFieldByName("bucket"));
        assertThat(counts.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(12.0);
        float[] kernel = model.layers().getFirst().getWeights().getFirst().toFloatArray();
        float max = Float.NEGATIVE_INFINITY;
        for (float k : kernel) {
            max = Math.max(max, k);
        }
        assertThat((Double) histo.getField(hd.findFieldByName("max"))).isEqualTo((double) max);
    }
}
