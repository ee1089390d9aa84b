package dev.horn.v1;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.graph.Gradients;
import dev.horn.graph.Graph;
import dev.horn.graph.Node;
import java.util.ArrayList;
import java.util.List;

import static dev.horn.Tf.tf;

/** TF1's {@code tf.train.GradientDescentOptimizer}: var -= learning_rate * d loss / d var. */
public final class GradientDescentOptimizer {
    private final double learningRate;

    public GradientDescentOptimizer(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("GradientDescentOptimizer: learning_rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** Adds the gradient and update nodes for every trainable variable of the default graph. */
    public Operation minimize(Tensor loss) {
        Graph g = V1.getDefaultGraph();
        List<Variable> vars = g.variables().stream().filter(Variable::trainable).toList();
        if (vars.isEmpty()) {
            throw new IllegalArgumentException("No variables to optimize: the default graph has no trainable variables");
        }
        List<Tensor> grads = Gradients.gradients(g, loss, vars);
        List<Node> updates = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            Tensor grad = grads.get(i);
            if (grad != null) {
                Variable v = vars.get(i);
                v.assignSub(tf.mul(grad, Tensor.scalar(v.dtype(), learningRate)));
                updates.add(g.nodes().getLast());
            }
        }
        if (updates.isEmpty()) {
            throw new IllegalArgumentException("No gradients provided for any variable: the loss does not depend on "
                    + vars.stream().map(Variable::name).toList());
        }
        return new Operation("GradientDescent", updates);
    }
}
