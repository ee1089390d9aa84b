package dev.horn.ops.state;

import dev.horn.Variable;
import jdk.incubator.vector.FloatVector;

/**
 * Adagrad's step, as Keras writes it: for each element,
 * <pre>
 * accumulator = accumulator + g * g
 * w = w - (lr * g) / sqrt(accumulator + epsilon)
 * </pre>
 * Inputs: the gradient and the learning rate. See {@link FusedUpdate}.
 */
public final class ApplyAdagrad extends FusedUpdate {
    private final double epsilon;

    public ApplyAdagrad(Variable weight, Variable accumulator, double epsilon) {
        super("apply_adagrad", weight, accumulator);
        this.epsilon = epsilon;
    }

    @Override
    protected String hyperParameters() {
        return "epsilon=" + epsilon;
    }

    @Override
    protected void float32(float[] g, int go, float[][] old, int[] off, float[][] out, float[] scalars, int s, int e) {
        float eps = (float) epsilon;
        float lr = scalars[0];
        int i = s;
        for (int bound = s + F.loopBound(e - s); i < bound; i += F.length()) {
            FloatVector gv = FloatVector.fromArray(F, g, go + i);
            FloatVector acc = FloatVector.fromArray(F, old[1], off[1] + i).add(gv.mul(gv));
            FloatVector w0 = FloatVector.fromArray(F, old[0], off[0] + i);
            acc.intoArray(out[1], i);
            w0.sub(gv.mul(lr).div(acc.add(eps).sqrt())).intoArray(out[0], i);
        }
        for (; i < e; i++) {
            float gi = g[go + i];
            float acc = old[1][off[1] + i] + gi * gi;
            float w0 = old[0][off[0] + i];
            out[1][i] = acc;
            out[0][i] = w0 - (lr * gi) / (float) Math.sqrt(acc + eps);
        }
    }

    @Override
    protected void float64(double[] g, double[][] old, double[][] out, double[] scalars, int n) {
        double lr = scalars[0];
        for (int i = 0; i < n; i++) {
            double acc = old[1][i] + g[i] * g[i];
            double w0 = old[0][i];
            out[1][i] = acc;
            out[0][i] = w0 - (lr * g[i]) / Math.sqrt(acc + epsilon);
        }
    }
}
