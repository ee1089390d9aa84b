package dev.horn.ops.state;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.Variable;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import dev.horn.ops.StateAccess;

/**
 * Reads a variable's current value; in a graph, each run reads the value of that moment.
 * Computed eagerly it hands out a snapshot ({@link Variable#storedValue}); a compiled program
 * instead {@linkplain #computeBorrowed borrows} it and gives it back after its last use, so
 * that the program's own updates may still write the variable in place.
 */
public final class ReadVariable extends Op {
    private final Variable variable;

    public ReadVariable(Variable variable) {
        super("read_variable");
        this.variable = variable;
    }

    public Variable variable() {
        return variable;
    }

    @Override
    public String attributes() {
        return variable.name();
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    public StateAccess stateAccess() {
        return StateAccess.reads(variable);
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 0);
        return new TensorSpec[] {new TensorSpec(variable.dtype(), variable.shape())};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        return new Tensor[] {variable.storedValue()};
    }

    /** The value, pinned against in-place updates until {@link Variable#giveBack}. */
    public Tensor computeBorrowed() {
        return variable.borrow();
    }
}
