package dev.horn.graph;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/** A value fixed in the graph: an eager tensor captured while tracing, or a folded constant. */
public final class Const extends Op {
    private final Tensor value;

    public Const(Tensor value) {
        super("const");
        this.value = value;
    }

    public Tensor value() {
        return value;
    }

    @Override
    public String attributes() {
        if (value.size() <= 4 && value.dtype().isNumeric()) {
            return value.spec() + "=" + java.util.Arrays.toString(value.toDoubleArray());
        }
        return value.spec().toString();
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 0);
        return new TensorSpec[] {value.spec()};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {value};
    }
}
