package dev.horn.ops.math;

import dev.horn.Tensor;
import dev.horn.ops.BinaryOp;
import jdk.incubator.vector.FloatVector;

/** a + b, broadcasting. */
public final class Add extends BinaryOp {
    public Add() {
        super("add");
    }

    @Override
    protected double apply(double a, double b) {
        return a + b;
    }

    @Override
    protected FloatVector apply(FloatVector a, FloatVector b) {
        return a.add(b);
    }

    @Override
    protected boolean acceptsIntegers() {
        return true;
    }

    @Override
    protected long apply(long a, long b) {
        return a + b;
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        return new Tensor[] {unbroadcast(g[0], in[0].shape()), unbroadcast(g[0], in[1].shape())};
    }
}
