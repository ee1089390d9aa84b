package dev.horn.graph;

import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import java.util.List;

/**
 * One op application in a graph: the op (with its attributes), the outputs it reads, and the
 * specs of what it produces. Nodes are immutable; compiler passes build new ones.
 */
public final class Node {
    private final int id;
    private final String name;
    private final Op op;
    private final List<Output> inputs;
    private final TensorSpec[] outputs;
    /** The symbolic tensor of each output, made once: tapes and maps key tensors by identity. */
    private final dev.horn.Tensor[] symbols;

    Node(int id, String name, Op op, List<Output> inputs, TensorSpec[] outputs) {
        this.id = id;
        this.name = name;
        this.op = op;
        this.inputs = List.copyOf(inputs);
        this.outputs = outputs.clone();
        this.symbols = new dev.horn.Tensor[outputs.length];
    }

    public int id() {
        return id;
    }

    /** Unique within its graph, TensorFlow-style: {@code matmul}, {@code matmul_1}, ... */
    public String name() {
        return name;
    }

    public Op op() {
        return op;
    }

    public List<Output> inputs() {
        return inputs;
    }

    public TensorSpec[] outputs() {
        return outputs.clone();
    }

    public Output output(int index) {
        return new Output(this, index);
    }

    /** The symbolic tensor standing for output {@code index}, the same instance on every call. */
    synchronized dev.horn.Tensor symbolic(int index) {
        if (symbols[index] == null) {
            symbols[index] = dev.horn.Tensor.symbolic(outputs[index].dtype(), outputs[index].shape(), output(index));
        }
        return symbols[index];
    }

    @Override
    public String toString() {
        return name;
    }
}
