package dev.horn.v1;

import dev.horn.graph.Node;
import java.util.List;

/**
 * Graph nodes run for their effects, as a TF1 {@code Operation}: the training op that
 * {@link GradientDescentOptimizer#minimize} returns, or the variables' initializer.
 */
public record Operation(String name, List<Node> nodes) {
    public Operation {
        nodes = List.copyOf(nodes);
    }

    @Override
    public String toString() {
        return "<tf.Operation '" + name + "' (" + nodes.size() + " nodes)>";
    }
}
