package dev.horn.keras.models;

import dev.horn.keras.layers.Layer;
import dev.horn.keras.layers.Shapes;
import dev.horn.Variable;
import java.util.List;
import java.util.Locale;

/**
 * Keras 2's classic {@code model.summary()} table: for a sequential stack, columns end at 45%,
 * 85% and 100% of the line (65 characters by default; R passes its console width, which is
 * how the seeds show 99); underscores between layers, {@code =} around the body, and the
 * parameter totals with thousands separators. A graph that is not a plain stack gets a
 * fourth column, {@code Connected to} ({@code dense[0][0]}, one inbound tensor a line), with
 * columns at 33%, 55%, 67% and 100% of 98 characters.
 */
public final class Summary {
    public static final int DEFAULT_LINE_LENGTH = 65;
    /** The default width of a table with the {@code Connected to} column. */
    public static final int GRAPH_LINE_LENGTH = 98;
    private static final double[] POSITIONS = {.45, .85, 1.0};
    private static final double[] GRAPH_POSITIONS = {.33, .55, .67, 1.0};

    /** One printed layer: its name and class, printed output shape, and its inbound tensors ({@code dense[0][0]}). */
    public record Row(Layer layer, String outputShape, List<String> connections) {
        public Row(Layer layer, String outputShape) {
            this(layer, outputShape, List.of());
        }
    }

    private Summary() {}

    static int defaultLineLength(Model model) {
        return model.summaryIsSequentialLike() ? DEFAULT_LINE_LENGTH : GRAPH_LINE_LENGTH;
    }

    static String of(Model model, int lineLength) {
        boolean stack = model.summaryIsSequentialLike();
        double[] at = stack ? POSITIONS : GRAPH_POSITIONS;
        int[] positions = new int[at.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = (int) (lineLength * at[i]);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"").append(model.name()).append("\"\n");
        sb.append("_".repeat(lineLength)).append('\n');
        if (stack) {
            row(sb, positions, "Layer (type)", "Output Shape", "Param #");
        } else {
            row(sb, positions, "Layer (type)", "Output Shape", "Param #", "Connected to");
        }
        sb.append("=".repeat(lineLength)).append('\n');
        List<Row> rows = model.summaryRows();
        for (int i = 0; i < rows.size(); i++) {
            Layer l = rows.get(i).layer();
            String params = l.isBuilt() ? Long.toString(l.countParams()) : "0 (unused)";
            String layerType = l.name() + " (" + l.className() + ")";
            if (stack) {
                row(sb, positions, layerType, rows.get(i).outputShape(), params);
            } else {
                List<String> connections = rows.get(i).connections();
                row(sb, positions, layerType, rows.get(i).outputShape(), params,
                        connections.isEmpty() ? "" : connections.getFirst());
                for (int c = 1; c < connections.size(); c++) {
                    row(sb, positions, "", "", "", connections.get(c));
                }
            }
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

    /**
     * A layer's output shape as Keras prints it in a graph: one tuple while every node agrees,
     * a list for several outputs (and for an input layer, {@code [(None, 784)]}), else
     * {@code multiple}.
     */
    static String outputShapeText(Layer layer) {
        List<dev.horn.keras.layers.Node> nodes = layer.inboundNodes();
        if (nodes.isEmpty()) {
            return "multiple";
        }
        List<dev.horn.Shape> first = nodes.getFirst().outputShapes();
        for (dev.horn.keras.layers.Node n : nodes) {
            if (!n.outputShapes().equals(first)) {
                return "multiple";
            }
        }
        if (first.size() == 1 && !(layer instanceof dev.horn.keras.layers.InputLayer)) {
            return Shapes.tuple(first.getFirst());
        }
        return "[" + String.join(", ", first.stream().map(Shapes::tuple).toList()) + "]";
    }

    private static long count(List<Variable> vars) {
        long n = 0;
        for (Variable v : vars) {
            n += v.shape().size();
        }
        return n;
    }
}
