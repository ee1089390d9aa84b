package dev.horn.ops.state;

import dev.horn.Variable;
import jdk.incubator.vector.FloatVector;

/**
 * Adamax's step, as Keras writes it: for each element,
 * <pre>
 * m = m + (g - m) * (1 - beta_1)
 * u = max(beta_2 * u, |g|)
 * w = w - (lr * m) / ((1 - beta_1^t) * (u + epsilon))
 * </pre>
 * Inputs: the gradient, the learning rate and {@code 1 - beta_1^t}. See {@link FusedUpdate}.
 */
public final class ApplyAdamax extends FusedUpdate {
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    public ApplyAdamax(Variable weight, Variable momentum, Variable norm, double beta1, double beta2, double epsilon) {
        super("apply_adamax", weight, momentum, norm);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    protected String[] scalarNames() {
        return new String[] {"learning rate", "bias correction 1 - beta_1^t"};
    }

    @Override
    protected String hyperParameters() {
        return "beta_1=" + beta1 + ", beta_2=" + beta2 + ", epsilon=" + epsilon;
    }

    @Override
    protected void float32(float[] g, int go, float[][] old, int[] off, float[][] out, float[] scalars, int s, int e) {
        float c1 = (float) (1 - beta1);
        float b2 = (float) beta2;
        float eps = (float) epsilon;
        float lr = scalars[0];
        float correction = scalars[1];
        int i = s;
        for (int bound = s + F.loopBound(e - s); i < bound; i += F.length()) {
            FloatVector gv = FloatVector.fromArray(F, g, go + i);
            FloatVector m0 = FloatVector.fromArray(F, old[1], off[1] + i);
            FloatVector m = m0.add(gv.sub(m0).mul(c1));
            FloatVector u = FloatVector.fromArray(F, old[2], off[2] + i).mul(b2).max(gv.abs());
            FloatVector w0 = FloatVector.fromArray(F, old[0], off[0] + i);
            m.intoArray(out[1], i);
            u.intoArray(out[2], i);
            w0.sub(m.mul(lr).div(u.add(eps).mul(correction))).intoArray(out[0], i);
        }
        for (; i < e; i++) {
            float gi = g[go + i];
            float m0 = old[1][off[1] + i];
            float m = m0 + (gi - m0) * c1;
            float u = Math.max(b2 * old[2][off[2] + i], Math.abs(gi));
            float w0 = old[0][off[0] + i];
            out[1][i] = m;
            out[2][i] = u;
            out[0][i] = w0 - (lr * m) / (correction * (u + eps));
        }
    }

    @Override
    protected void float64(double[] g, double[][] old, double[][] out, double[] scalars, int n) {
        double lr = scalars[0];
        double correction = scalars[1];
        for (int i = 0; i < n; i++) {
            double m = old[1][i] + (g[i] - old[1][i]) * (1 - beta1);
            double u = Math.max(beta2 * old[2][i], Math.abs(g[i]));
            double w0 = old[0][i];
            out[1][i] = m;
            out[2][i] = u;
            out[0][i] = w0 - (lr * m) / (correction * (u + epsilon));
        }
    }
}
