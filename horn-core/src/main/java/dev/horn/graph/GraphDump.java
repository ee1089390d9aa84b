package dev.horn.graph;

import java.util.List;
import java.util.stream.Collectors;

/** Readable forms of a graph for debugging: text, one node per line, and Graphviz dot. */
final class GraphDump {
    private GraphDump() {}

    static String text(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) {
            String outs = java.util.Arrays.stream(n.outputs()).map(Object::toString).collect(Collectors.joining(", "));
            String ins = n.inputs().stream().map(Output::toString).collect(Collectors.joining(", "));
            String attrs = n.op().attributes();
            sb.append(n.name()).append(" = ").append(n.op().name()).append('(').append(ins).append(')');
            if (!attrs.isEmpty()) {
                sb.append(" [").append(attrs).append(']');
            }
            sb.append(" : ").append(outs.isEmpty() ? "()" : outs).append('\n');
        }
        return sb.toString();
    }

    static String dot(List<Node> nodes) {
        StringBuilder sb = new StringBuilder("digraph horn {\n  rankdir=TB;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        for (Node n : nodes) {
            String shape = n.op() instanceof Placeholder ? "ellipse" : n.op() instanceof Const ? "note" : "box";
            String label = n.name() + "\\n" + java.util.Arrays.stream(n.outputs()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            sb.append("  n").append(n.id()).append(" [label=\"").append(label.replace("\"", "'"))
                    .append("\", shape=").append(shape).append("];\n");
        }
        for (Node n : nodes) {
            for (Output in : n.inputs()) {
                sb.append("  n").append(in.node().id()).append(" -> n").append(n.id()).append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }
}
