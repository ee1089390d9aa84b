package dev.horn.ops.state;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.Variable;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.Parallel;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import dev.horn.ops.StateAccess;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * RMSprop's plain step (no momentum, not centered) on one weight, in one pass over memory, as
 * TensorFlow's {@code ResourceApplyRMSProp} fuses it: for each element,
 * <pre>
 * velocity = rho * velocity + (1 - rho) * (g * g)
 * weight   = weight - (lr * g) / sqrt(velocity + epsilon)
 * </pre>
 * with the same float operations in the same order as the composed ops, so the result is
 * bit-identical to them; the composed form read and wrote the weight-sized arrays three times
 * (the update of the 784 x 512 kernel was a third of the seed MLP's train step).
 * Inputs: the gradient and the learning rate (a scalar); no outputs.
 */
public final class ApplyRmsProp extends Op {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private final Variable weight;
    private final Variable velocity;
    private final double rho;
    private final double epsilon;

    public ApplyRmsProp(Variable weight, Variable velocity, double rho, double epsilon) {
        super("apply_rms_prop");
        if (!weight.shape().equals(velocity.shape()) || weight.dtype() != velocity.dtype()) {
            throw new IllegalArgumentException(name() + ": velocity " + velocity.name() + " " + velocity.dtype()
                    + velocity.shape() + " does not match weight " + weight.name() + " " + weight.dtype() + weight.shape());
        }
        this.weight = weight;
        this.velocity = velocity;
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    public String attributes() {
        return weight.name() + ", rho=" + rho + ", epsilon=" + epsilon;
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    /** It writes two variables; one state object cannot name both, so it keeps its place among all state. */
    @Override
    public StateAccess stateAccess() {
        return StateAccess.ANY;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        TensorSpec g = inputs[0];
        if (g.dtype() != weight.dtype() || !g.dtype().isFloating()
                || (g.shape().isFullyDefined() && !g.shape().equals(weight.shape()))) {
            throw new IllegalArgumentException(name() + ": gradient " + g + " does not match weight " + weight.name()
                    + " " + weight.dtype() + weight.shape());
        }
        if (inputs[1].dtype() != weight.dtype() || !inputs[1].shape().equals(Shape.scalar())) {
            throw new IllegalArgumentException(name() + ": the learning rate must be a " + weight.dtype()
                    + " scalar, got " + inputs[1]);
        }
        return new TensorSpec[0];
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        int n = weight.shape().size();
        Tensor g = inputs[0].contiguous();
        Tensor w = weight.updateSource().contiguous();
        Tensor v = velocity.updateSource().contiguous();
        double lr = inputs[1].item();
        // in place when the variables allow it: element i is read before element i is written
        Object newWeight = weight.updateTarget();
        Object newVelocity = velocity.updateTarget();
        if (weight.dtype() == DType.FLOAT32) {
            float[] gs = (float[]) g.storage();
            float[] ws = (float[]) w.storage();
            float[] vs = (float[]) v.storage();
            float[] nw = (float[]) newWeight;
            float[] nv = (float[]) newVelocity;
            int go = g.offset();
            int wo = w.offset();
            int vo = v.offset();
            float r = (float) rho;
            float omr = (float) (1 - rho);
            float eps = (float) epsilon;
            float rate = (float) lr;
            Parallel.forRange(n, BroadcastLoop.GRAIN, (s, e) -> {
                int i = s;
                for (int bound = s + F.loopBound(e - s); i < bound; i += F.length()) {
                    FloatVector gv = FloatVector.fromArray(F, gs, go + i);
                    FloatVector vel = FloatVector.fromArray(F, vs, vo + i).mul(r).add(gv.mul(gv).mul(omr));
                    FloatVector inc = gv.mul(rate).div(vel.add(eps).sqrt());
                    FloatVector wv = FloatVector.fromArray(F, ws, wo + i);
                    vel.intoArray(nv, i);
                    wv.sub(inc).intoArray(nw, i);
                }
                for (; i < e; i++) {
                    float gi = gs[go + i];
                    float vel = r * vs[vo + i] + omr * (gi * gi);
                    float wi = ws[wo + i];
                    nv[i] = vel;
                    nw[i] = wi - (rate * gi) / (float) Math.sqrt(vel + eps);
                }
            });
        } else {
            double[] gs = g.toDoubleArray();
            double[] ws = w.toDoubleArray();
            double[] vs = v.toDoubleArray();
            double[] nw = (double[]) newWeight;
            double[] nv = (double[]) newVelocity;
            for (int i = 0; i < n; i++) {
                double vel = rho * vs[i] + (1 - rho) * (gs[i] * gs[i]);
                nv[i] = vel;
                nw[i] = ws[i] - (lr * gs[i]) / Math.sqrt(vel + epsilon);
            }
        }
        velocity.storeUpdate(newVelocity);
        weight.storeUpdate(newWeight);
        return new Tensor[0];
    }
}
