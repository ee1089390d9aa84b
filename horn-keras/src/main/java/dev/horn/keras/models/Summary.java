package dev.horn.keras.models;

import dev.horn.keras.layers.Layer;
import dev.horn.Variable;
import java.util.List;
import java.util.Locale;

/**
 * Keras 2's classic {@code model.summary()} table: for a sequential stack, columns end at 45%,
 * 85% and 100% of the line (65 characters by default; R passes its console width, which is
 * how the seeds show 99); underscores between layers, {@code =} around the body, and the
 * parameter totals with thousands separators.
 */
public final class Summary {
    public static final int DEFAULT_LINE_LENGTH = 65;
    private static final double[] POSITIONS = {.45, .85, 1.0};

    /** One printed layer: its name and class, output shape as a tuple, and parameter count. */
    public record Row(Layer layer, String outputShape) {}

    private Summary() {}

    static String of(Model model, int lineLength) {
        int[] positions = new int[POSITIONS.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = (int) (lineLength * POSITIONS[i]);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(model.name()).append("\"\n");
        sb.append("_".repeat(lineLength)).append('\n');
        row(sb, positions, "Layer (type)", "Output Shape", "Param #");
        sb.append("=".repeat(lineLength)).append('\n');
        List<Row> rows = model.summaryRows();
        for (int i = 0; i < rows.size(); i++) {
            Layer l = rows.get(i).layer();
            String params = l.isBuilt() ? Long.toString(l.countParams()) : "0 (unused)";
            row(sb, positions, l.name() + " (" + l.className() + ")", rows.get(i).outputShape(), params);
            sb.append((i == rows.size() - 1 ? "=" : "_").repeat(lineLength)).append('\n');
        }
        if (rows.isEmpty()) {
            sb.append("=".repeat(lineLength)).append('\n');
        }
        long trainable = count(model.trainableVariables());
        long nonTrainable = count(model.nonTrainableVariables());
        sb.append(String.format(Locale.ROOT, "Total params: %,d\n", trainable + nonTrainable));
        sb.append(String.format(Locale.ROOT, "Trainable params: %,d\n", trainable));
        sb.append(String.format(Locale.ROOT, "Non-trainable params: %,d\n", nonTrainable));
        sb.append("_".repeat(lineLength)).append('\n');
        return sb.toString();
    }

    /** Keras' print_row: each field cut to its column end and padded, a space kept between columns. */
    private static void row(StringBuilder sb, int[] positions, String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.setLength(line.length() - 1);
                line.append(' ');
            }
            line.append(fields[i]);
            if (line.length() > positions[i]) {
                line.setLength(positions[i]);
            }
            line.append(" ".repeat(positions[i] - line.length()));
        }
        sb.append(line).append('\n');
    }

    private static long count(List<Variable> vars) {
        long n = 0;
        for (Variable v : vars) {
            n += v.shape().size();
        }
        return n;
    }
}
