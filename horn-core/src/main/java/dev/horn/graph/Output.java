package dev.horn.graph;

/** Output {@code index} of a graph node: what a symbolic tensor stands for. */
public record Output(Node node, int index) {
    @Override
    public String toString() {
        return node.outputs().length == 1 ? node.name() : node.name() + ":" + index;
    }
}
