package dev.horn.ops.state;

import dev.horn.Variable;
import jdk.incubator.vector.FloatVector;

/**
 * Nadam's step, as Keras writes it: for each element,
 * <pre>
 * m = m + (g - m) * (1 - beta_1)
 * v = v + (g * g - v) * (1 - beta_2)
 * m_hat = (u_t1 * m) / (1 - u_product_t1) + ((1 - u_t) * g) / (1 - u_product_t)
 * w = w - (m_hat * lr) / (sqrt(v / (1 - beta_2^t)) + epsilon)
 * </pre>
 * Inputs: the gradient, then the scalars of {@link #scalarNames} as the optimizer computes them
 * once per step (in the weight's dtype, so {@code 1 - beta_1} is rounded as the composed ops
 * round it). See {@link FusedUpdate}.
 */
public final class ApplyNadam extends FusedUpdate {
    private final double epsilon;

    public ApplyNadam(Variable weight, Variable momentum, Variable velocity, double epsilon) {
        super("apply_nadam", weight, momentum, velocity);
        this.epsilon = epsilon;
    }

    @Override
    protected String[] scalarNames() {
        return new String[] {"learning rate", "1 - beta_1", "1 - beta_2", "u_t1", "1 - u_product_t1", "1 - u_t",
            "1 - u_product_t", "1 - beta_2^t"};
    }

    @Override
    protected String hyperParameters() {
        return "epsilon=" + epsilon;
    }

    @Override
    protected void float32(float[] g, int go, float[][] old, int[] off, float[][] out, float[] k, int s, int e) {
        float eps = (float) epsilon;
        int i = s;
        for (int bound = s + F.loopBound(e - s); i < bound; i += F.length()) {
            FloatVector gv = FloatVector.fromArray(F, g, go + i);
            FloatVector m0 = FloatVector.fromArray(F, old[1], off[1] + i);
            FloatVector v0 = FloatVector.fromArray(F, old[2], off[2] + i);
            FloatVector m = m0.add(gv.sub(m0).mul(k[1]));
            FloatVector v = v0.add(gv.mul(gv).sub(v0).mul(k[2]));
            FloatVector mHat = m.mul(k[3]).div(k[4]).add(gv.mul(k[5]).div(k[6]));
            FloatVector w0 = FloatVector.fromArray(F, old[0], off[0] + i);
            m.intoArray(out[1], i);
            v.intoArray(out[2], i);
            w0.sub(mHat.mul(k[0]).div(v.div(k[7]).sqrt().add(eps))).intoArray(out[0], i);
        }
        for (; i < e; i++) {
            float gi = g[go + i];
            float m0 = old[1][off[1] + i];
            float v0 = old[2][off[2] + i];
            float m = m0 + (gi - m0) * k[1];
            float v = v0 + (gi * gi - v0) * k[2];
            float mHat = (k[3] * m) / k[4] + (k[5] * gi) / k[6];
            float w0 = old[0][off[0] + i];
            out[1][i] = m;
            out[2][i] = v;
            out[0][i] = w0 - (mHat * k[0]) / ((float) Math.sqrt(v / k[7]) + eps);
        }
    }

    @Override
    protected void float64(double[] g, double[][] old, double[][] out, double[] k, int n) {
        for (int i = 0; i < n; i++) {
            double m = old[1][i] + (g[i] - old[1][i]) * k[1];
            double v = old[2][i] + (g[i] * g[i] - old[2][i]) * k[2];
            double mHat = (k[3] * m) / k[4] + (k[5] * g[i]) / k[6];
            double w0 = old[0][i];
            out[1][i] = m;
            out[2][i] = v;
            out[0][i] = w0 - (mHat * k[0]) / (Math.sqrt(v / k[7]) + epsilon);
        }
    }
}
