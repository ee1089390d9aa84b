package dev.horn.ops.state;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.Variable;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.Gemm;
import dev.horn.internal.cpu.GemmSink;
import dev.horn.internal.cpu.PackedOperands;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import dev.horn.ops.StateAccess;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import java.util.concurrent.atomic.LongAdder;

/**
 * An optimizer's update of one weight and its slot variables in one pass over memory, as
 * TensorFlow's {@code ResourceApply*} kernels fuse them. Each subclass writes its rule once for
 * float32 (vector lanes plus a scalar tail, over a range of elements) and once for float64,
 * with the same float operations in the same order as the optimizer's composed ops, so the
 * results are bit-identical to them. The composed form reads and writes the weight-sized
 * arrays once per op.
 *
 * <p>Inputs: the gradient, then the {@link #scalarNames} scalars of the weight's dtype (the
 * learning rate, ...); no outputs. State {@code 0} is the weight, {@code 1..} the slots in
 * constructor order; each is written in place when its variable allows it
 * ({@link Variable#updateTarget}): a kernel reads element i of every state before writing
 * element i.
 */
public abstract class FusedUpdate extends Op {
    protected static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private final Variable[] state;

    protected FusedUpdate(String name, Variable weight, Variable... slots) {
        super(name);
        state = new Variable[slots.length + 1];
        state[0] = weight;
        for (int i = 0; i < slots.length; i++) {
            Variable s = slots[i];
            if (!weight.shape().equals(s.shape()) || weight.dtype() != s.dtype()) {
                throw new IllegalArgumentException(name + ": slot " + s.name() + " " + s.dtype() + s.shape()
                        + " does not match weight " + weight.name() + " " + weight.dtype() + weight.shape());
            }
            state[i + 1] = s;
        }
    }

    /** The scalar inputs after the gradient, by name, for error messages: by default the learning rate alone. */
    protected String[] scalarNames() {
        return new String[] {"learning rate"};
    }

    /** The hyper-parameters, for {@link #attributes}. */
    protected abstract String hyperParameters();

    /**
     * Elements [s, e) in float32: {@code old[k]} (from {@code off[k]}) and {@code out[k]} (from
     * 0) are state k before and after; g starts at {@code go}.
     */
    protected abstract void float32(float[] g, int go, float[][] old, int[] off, float[][] out, float[] scalars, int s, int e);

    /** All n elements in float64, every array from 0. */
    protected abstract void float64(double[] g, double[][] old, double[][] out, double[] scalars, int n);

    @Override
    public String attributes() {
        return state[0].name() + ", " + hyperParameters();
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    /** It writes several variables; one state object cannot name them all, so it keeps its place among all state. */
    @Override
    public StateAccess stateAccess() {
        return StateAccess.ANY;
    }

    /** It reads the gradient and keeps nothing, so the executor may reuse the gradient's buffer. */
    @Override
    public boolean keepsInputs() {
        return false;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        String[] scalars = scalarNames();
        ShapeRules.arity(name(), inputs, 1 + scalars.length);
        Variable weight = state[0];
        TensorSpec g = inputs[0];
        if (g.dtype() != weight.dtype() || !g.dtype().isFloating()
                || (g.shape().isFullyDefined() && !g.shape().equals(weight.shape()))) {
            throw new IllegalArgumentException(name() + ": gradient " + g + " does not match weight " + weight.name()
                    + " " + weight.dtype() + weight.shape());
        }
        for (int i = 0; i < scalars.length; i++) {
            if (inputs[i + 1].dtype() != weight.dtype() || !inputs[i + 1].shape().equals(Shape.scalar())) {
                throw new IllegalArgumentException(name() + ": the " + scalars[i] + " must be a " + weight.dtype()
                        + " scalar, got " + inputs[i + 1]);
            }
        }
        return new TensorSpec[0];
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor g = inputs[0].contiguous();
        Tensor[] scalars = java.util.Arrays.copyOfRange(inputs, 1, inputs.length);
        if (state[0].dtype() == DType.FLOAT32) {
            Pass pass = begin(scalars);
            float[] gs = (float[]) g.storage();
            int go = g.offset();
            Parallel.forRangeBalanced(pass.size(), BroadcastLoop.GRAIN, (s, e) -> pass.range(gs, go, s, e));
            pass.finish();
            return new Tensor[0];
        }
        int n = state[0].shape().size();
        int k = state.length;
        double[][] olds = new double[k][];
        Object[] out = new Object[k];
        double[][] outs = new double[k][];
        for (int i = 0; i < k; i++) {
            olds[i] = state[i].updateSource().contiguous().toDoubleArray();
            out[i] = state[i].updateTarget();
            outs[i] = (double[]) out[i];
        }
        double[] values = new double[scalars.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = scalars[i].item();
        }
        float64(g.toDoubleArray(), olds, outs, values, n);
        for (int i = k - 1; i >= 0; i--) {
            state[i].storeUpdate(out[i]);
        }
        return new Tensor[0];
    }

    /** The weight's shape: a GEMM feeding a {@link Pass} computes a C of this shape. */
    public Shape weightShape() {
        return state[0].shape();
    }

    /**
     * Whether {@code array} holds the current value of the weight or a slot: a GEMM feeding a
     * {@link Pass} must not read one, since the pass may write it in place while the GEMM runs.
     */
    public boolean holdsState(Object array) {
        for (Variable v : state) {
            if (v.updateSource().storage() == array) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts one float32 update with these scalar inputs (the learning rate, ...): the states'
     * arrays before and after are fixed here, the gradient comes range by range
     * ({@link Pass#range}) or tile by tile from a GEMM ({@link Pass} is a {@link GemmSink}), and
     * {@link Pass#finish} stores the new values once every element has been updated.
     */
    public Pass begin(Tensor[] scalars) {
        if (state[0].dtype() != DType.FLOAT32) {
            throw new IllegalStateException(name() + ": a pass is float32 only, " + state[0].name() + " is " + state[0].dtype());
        }
        return new Pass(scalars);
    }

    /** One float32 update under way; see {@link #begin}. */
    public final class Pass implements GemmSink {
        private final float[][] olds;
        private final float[][] outs;
        private final int[] off;
        private final Object[] out;
        private final float[] scalars;
        private final int columns;
        /** The weight's packed copy to keep current ({@link PackedOperands}), or null. */
        private final PackedOperands.Copy packed;
        /** Weight elements written into {@code packed} so far; it is current once all are. */
        private final LongAdder packedElements = new LongAdder();

        private Pass(Tensor[] scalarInputs) {
            int k = state.length;
            olds = new float[k][];
            outs = new float[k][];
            off = new int[k];
            out = new Object[k];
            for (int i = 0; i < k; i++) {
                Tensor old = state[i].updateSource().contiguous();
                olds[i] = (float[]) old.storage();
                off[i] = old.offset();
                out[i] = state[i].updateTarget();
                outs[i] = (float[]) out[i];
            }
            scalars = new float[scalarInputs.length];
            for (int i = 0; i < scalars.length; i++) {
                scalars[i] = (float) scalarInputs[i].item();
            }
            Shape shape = state[0].shape();
            columns = shape.rank() == 0 ? 1 : shape.dim(-1);
            // a product reading the weight as its B gets the new weights packed as the GEMM hands rows over
            packed = shape.rank() == 2 ? PackedOperands.begin(olds[0], outs[0], shape.dim(0), columns) : null;
        }

        /** The weight's element count. */
        public int size() {
            return state[0].shape().size();
        }

        /** Elements [s, e) of the flattened weight, their gradient from {@code g[go + s]} on. */
        public void range(float[] g, int go, int s, int e) {
            float32(g, go, olds, off, outs, scalars, s, e);
        }

        /** A block of the gradient as C of a GEMM whose C has the weight's shape, its last axis C's columns. */
        @Override
        public void accept(int i, int j, int rows, int cols, float[] sums, int sumsOff, int stride) {
            for (int r = 0; r < rows; r++) {
                int first = (i + r) * columns + j;
                float32(sums, sumsOff + r * stride - first, olds, off, outs, scalars, first, first + cols);
            }
            if (packed != null) {
                int k = state[0].shape().dim(0);
                Gemm.packRows(outs[0], i * columns + j, columns, k, columns, i, rows, j, cols, packed.floats(), packed.start());
                packedElements.add((long) rows * cols);
            }
        }

        /** Stores every state's new value; call once, after every element has been updated. */
        public void finish() {
            for (int i = state.length - 1; i >= 0; i--) {
                state[i].storeUpdate(out[i]);
            }
            // a pass fed by ranges wrote no packed rows: the copy then stays stale and products pack the weight
            if (packed != null && packedElements.sum() == outs[0].length) {
                PackedOperands.publish(outs[0], packed);
            }
        }
    }
}
