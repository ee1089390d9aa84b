package dev.horn.graph;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

/** A graph input, fed a value at run time; its shape may have unknown (-1) dimensions. */
public final class Placeholder extends Op {
    private final TensorSpec spec;

    public Placeholder(TensorSpec spec) {
        super("placeholder");
        this.spec = spec;
    }

    public TensorSpec spec() {
        return spec;
    }

    @Override
    public String attributes() {
        return spec.toString();
    }

    @Override
    public boolean isStateful() {
        return true; // two placeholders of one spec are still different inputs
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 0);
        return new TensorSpec[] {spec};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        throw new IllegalStateException("placeholder " + spec + " must be fed a value");
    }

    /** Checks a fed value against the placeholder's dtype and known dimensions. */
    public void checkFeed(String name, Tensor value) {
        boolean ok = value.dtype() == spec.dtype() && value.rank() == spec.shape().rank();
        for (int i = 0; ok && i < value.rank(); i++) {
            int d = spec.shape().dim(i);
            ok = d == -1 || d == value.shape().dim(i);
        }
        if (!ok) {
            throw new IllegalArgumentException("cannot feed a value of " + value.spec() + " to placeholder '"
                    + name + "', which has " + spec);
        }
    }
}
