package dev.horn.keras.models;

import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.horn.keras.layers.InputLayer;
import dev.horn.keras.layers.KerasTensor;
import dev.horn.keras.layers.Layer;
import dev.horn.keras.layers.Node;
import dev.horn.keras.layers.Shapes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Keras' {@code plot_model}: the model's layers as boxes ({@code dense: Dense}, with input and
 * output shapes when asked) and an arrow for every tensor passed between them. The file's
 * extension picks the format: {@code .dot}/{@code .gv} writes Graphviz text (what Keras hands
 * to Graphviz), {@code .png} and {@code .svg} are drawn here, rank by rank from the inputs, so no
 * Graphviz installation is needed. Files are written to a temporary file and moved into place.
 */
public final class ModelPlot {
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final int PAD = 10;
    private static final int ROW_GAP = 40;
    private static final int COL_GAP = 24;

    private ModelPlot() {}

    /** The layers and the edges between them: a functional model's graph, or a stack's chain. */
    private record Graph(List<Layer> layers, List<Layer[]> edges) {}

    private static Graph graph(Model model) {
        List<Layer> layers = new ArrayList<>(model.layers());
        List<Layer[]> edges = new ArrayList<>();
        if (model instanceof Functional f) {
            Set<Node> nodes = f.graphNodes();
            for (Layer l : layers) {
                for (Node n : l.inboundNodes()) {
                    if (nodes.contains(n)) {
                        Set<Layer> from = new LinkedHashSet<>();
                        for (KerasTensor t : n.inputs()) {
                            from.add(t.layer());
                        }
                        for (Layer src : from) {
                            edges.add(new Layer[] {src, l});
                        }
                    }
                }
            }
        } else {
            for (int i = 1; i < layers.size(); i++) {
                edges.add(new Layer[] {layers.get(i - 1), layers.get(i)});
            }
        }
        return new Graph(layers, edges);
    }

    /** The Graphviz text Keras' {@code model_to_dot} makes: one record node per layer, top to bottom. */
    public static String dot(Model model, boolean showShapes) {
        Graph g = graph(model);
        Map<Layer, String> ids = ids(g);
        StringBuilder sb = new StringBuilder("digraph G {\nconcentrate=True;\ndpi=96;\nrankdir=TB;\nnode [shape=record];\n");
        for (Layer l : g.layers()) {
            String label = title(l);
            if (showShapes) {
                label = label + "|{input:|output:}|{{" + inputShapes(l) + "}|{" + Summary.outputShapeText(l) + "}}";
            }
            sb.append(ids.get(l)).append(" [label=\"").append(escape(label)).append("\"];\n");
        }
        for (Layer[] e : g.edges()) {
            sb.append(ids.get(e[0])).append(" -> ").append(ids.get(e[1])).append(";\n");
        }
        return sb.append("}\n").toString();
    }

    private static Map<Layer, String> ids(Graph g) {
        Map<Layer, String> ids = new IdentityHashMap<>();
        for (Layer l : g.layers()) {
            ids.put(l, "layer_" + ids.size());
        }
        return ids;
    }

    private static String title(Layer l) {
        return l.name() + ": " + l.className();
    }

    private static String inputShapes(Layer l) {
        if (l instanceof InputLayer) {
            return Summary.outputShapeText(l);
        }
        List<Node> nodes = l.inboundNodes();
        if (nodes.isEmpty()) {
            return "multiple";
        }
        List<dev.horn.Shape> first = nodes.getFirst().inputShapes();
        for (Node n : nodes) {
            if (!n.inputShapes().equals(first)) {
                return "multiple";
            }
        }
        return first.size() == 1 ? Shapes.tuple(first.getFirst())
                : "[" + String.join(", ", first.stream().map(Shapes::tuple).toList()) + "]";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Writes the plot to {@code file}: .dot/.gv text, or a .png/.svg drawing. */
    public static void write(Model model, Path file, boolean showShapes) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean text = name.endsWith(".dot") || name.endsWith(".gv");
        boolean png = name.endsWith(".png");
        if (!text && !png && !name.endsWith(".svg")) {
            throw new IllegalArgumentException("plotModel: cannot tell the format of " + file
                    + "; the name must end in .dot, .gv, .png or .svg");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            Files.createDirectories(dir);
            try {
                if (text) {
                    Files.writeString(tmp, dot(model, showShapes), StandardCharsets.UTF_8);
                } else {
                    draw(model, showShapes, tmp, png);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("plotModel: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A box per layer, laid out in ranks (the longest path from an input), arrows between ranks. */
    private static void draw(Model model, boolean showShapes, Path out, boolean png) throws IOException {
        Graph g = graph(model);
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(FONT);
        Map<Layer, Integer> rank = new IdentityHashMap<>();
        for (Layer l : g.layers()) {
            rank.put(l, 0);
        }
        // layers come deepest first, so one pass in order settles every rank
        for (Layer l : g.layers()) {
            for (Layer[] e : g.edges()) {
                if (e[1] == l) {
                    rank.put(l, Math.max(rank.get(l), rank.get(e[0]) + 1));
                }
            }
        }
        // an input joining late (aux_input) sits just above the first layer that reads it, as Graphviz places it
        for (Layer l : g.layers()) {
            boolean source = g.edges().stream().noneMatch(e -> e[1] == l);
            int firstUse = g.edges().stream().filter(e -> e[0] == l).mapToInt(e -> rank.get(e[1])).min().orElse(0);
            if (source && firstUse > 0) {
                rank.put(l, firstUse - 1);
            }
        }
        int ranks = rank.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        List<List<Layer>> rows = new ArrayList<>();
        for (int r = 0; r < ranks; r++) {
            rows.add(new ArrayList<>());
        }
        for (Layer l : g.layers()) {
            rows.get(rank.get(l)).add(l);
        }
        Map<Layer, String[]> labels = new IdentityHashMap<>();
        Map<Layer, Integer> widths = new IdentityHashMap<>();
        for (Layer l : g.layers()) {
            String[] lines = showShapes
                    ? new String[] {title(l), "input: " + inputShapes(l), "output: " + Summary.outputShapeText(l)}
                    : new String[] {title(l)};
            labels.put(l, lines);
            int w = 0;
            for (String s : lines) {
                w = Math.max(w, fm.stringWidth(s));
            }
            widths.put(l, w + 2 * PAD);
        }
        int lineHeight = fm.getHeight();
        int boxHeight = labels.get(g.layers().getFirst()).length * lineHeight + 2 * PAD;
        int width = 0;
        for (List<Layer> row : rows) {
            width = Math.max(width, row.stream().mapToInt(widths::get).sum() + COL_GAP * (row.size() - 1));
        }
        width += 2 * COL_GAP;
        int height = ranks * boxHeight + (ranks - 1) * ROW_GAP + 2 * COL_GAP;
        Map<Layer, int[]> boxes = new IdentityHashMap<>();
        for (int r = 0; r < ranks; r++) {
            List<Layer> row = rows.get(r);
            int rowWidth = row.stream().mapToInt(widths::get).sum() + COL_GAP * (row.size() - 1);
            int x = (width - rowWidth) / 2;
            int y = COL_GAP + r * (boxHeight + ROW_GAP);
            for (Layer l : row) {
                boxes.put(l, new int[] {x, y, widths.get(l), boxHeight});
                x += widths.get(l) + COL_GAP;
            }
        }
        if (png) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D gr = image.createGraphics();
            gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paint(gr, width, height, g, boxes, labels, fm);
            gr.dispose();
            if (!ImageIO.write(image, "png", out.toFile())) {
                throw new IllegalStateException("plotModel: this Java runtime has no PNG writer");
            }
        } else {
            VectorGraphics2D gr = new VectorGraphics2D();
            paint(gr, width, height, g, boxes, labels, fm);
            try (OutputStream os = Files.newOutputStream(out)) {
                Processors.get("svg").getDocument(gr.getCommands(), new PageSize(0, 0, width, height)).writeTo(os);
            }
        }
    }

    private static void paint(Graphics2D g, int width, int height, Graph graph, Map<Layer, int[]> boxes,
                              Map<Layer, String[]> labels, FontMetrics fm) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(FONT);
        g.setStroke(new BasicStroke(1.2f));
        g.setColor(Color.BLACK);
        for (Layer[] e : graph.edges()) {
            int[] a = boxes.get(e[0]);
            int[] b = boxes.get(e[1]);
            int x1 = a[0] + a[2] / 2;
            int y1 = a[1] + a[3];
            int x2 = b[0] + b[2] / 2;
            int y2 = b[1];
            g.drawLine(x1, y1, x2, y2);
            double angle = Math.atan2(y2 - y1, x2 - x1);
            int[] xs = {x2, (int) Math.round(x2 - 9 * Math.cos(angle - 0.4)), (int) Math.round(x2 - 9 * Math.cos(angle + 0.4))};
            int[] ys = {y2, (int) Math.round(y2 - 9 * Math.sin(angle - 0.4)), (int) Math.round(y2 - 9 * Math.sin(angle + 0.4))};
            g.fillPolygon(xs, ys, 3);
        }
        for (Map.Entry<Layer, int[]> box : boxes.entrySet()) {
            int[] r = box.getValue();
            g.setColor(Color.WHITE);
            g.fillRect(r[0], r[1], r[2], r[3]);
            g.setColor(Color.BLACK);
            g.drawRect(r[0], r[1], r[2], r[3]);
            String[] lines = labels.get(box.getKey());
            for (int i = 0; i < lines.length; i++) {
                int tx = r[0] + (r[2] - fm.stringWidth(lines[i])) / 2;
                int ty = r[1] + PAD + fm.getAscent() + i * fm.getHeight();
                g.drawString(lines[i], tx, ty);
            }
        }
    }
}
