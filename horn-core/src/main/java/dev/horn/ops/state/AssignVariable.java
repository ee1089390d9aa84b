package dev.horn.ops.state;

import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.Variable;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import dev.horn.ops.StateAccess;
import dev.horn.ops.math.Add;
import dev.horn.ops.math.Sub;

/**
 * Sets, adds to or subtracts from a variable's value. Has no outputs; never pruned or merged.
 * Add and subtract write in place when the variable allows it ({@link Variable#updateTarget}).
 */
public final class AssignVariable extends Op {
    public enum Mode { SET, ADD, SUB }

    private final Variable variable;
    private final Mode mode;

    public AssignVariable(Variable variable, Mode mode) {
        super(switch (mode) {
            case SET -> "assign_variable";
            case ADD -> "assign_add_variable";
            case SUB -> "assign_sub_variable";
        });
        this.variable = variable;
        this.mode = mode;
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

    /** Every mode writes the variable (add and sub read it too, which a write already orders). */
    @Override
    public StateAccess stateAccess() {
        return StateAccess.writes(variable);
    }

    /** Only a set stores its input; add and subtract read it. */
    @Override
    public boolean keepsInputs() {
        return mode == Mode.SET;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 1);
        TensorSpec v = inputs[0];
        if (v.dtype() != variable.dtype() || (v.shape().isFullyDefined() && !v.shape().equals(variable.shape()))) {
            throw new IllegalArgumentException(name() + ": variable " + variable.name() + " is "
                    + variable.dtype() + variable.shape() + " but the value is " + v);
        }
        return new TensorSpec[0];
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        if (mode == Mode.SET) {
            variable.store(inputs[0].contiguous());
            return new Tensor[0];
        }
        Op update = mode == Mode.ADD ? new Add() : new Sub();
        // the element-wise kernel allocates its result first: give it the variable's update target
        Object target = variable.updateTarget();
        HeapArrays.Allocator previous = HeapArrays.install(HeapArrays.into(target));
        Tensor next;
        try {
            next = update.compute(new Tensor[] {variable.updateSource(), inputs[0]},
                    new TensorSpec[] {new TensorSpec(variable.dtype(), variable.shape())})[0];
        } finally {
            HeapArrays.install(previous);
        }
        if (next.storage() == target && next.offset() == 0 && next.isContiguous()) {
            variable.storeUpdate(target);
        } else {
            variable.store(next.contiguous());
        }
        return new Tensor[0];
    }
}
