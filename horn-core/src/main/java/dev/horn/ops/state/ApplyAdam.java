package dev.horn.ops.state;

import dev.horn.Variable;
import jdk.incubator.vector.FloatVector;

/**
 * Adam's step in Keras' form (epsilon added after the square root, the bias corrections folded
 * into {@code alpha}), as TensorFlow's {@code ResourceApplyAdam} fuses it: for each element,
 * <pre>
 * m = m + (g - m) * (1 - beta_1)
 * v = v + (g * g - v) * (1 - beta_2)
 * v_hat = max(v_hat, v); v = v_hat                      (amsgrad)
 * w = w - (m * alpha) / (sqrt(v) + epsilon)
 * </pre>
 * Inputs: the gradient and {@code alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)}, which
 * the optimizer computes once per step. See {@link FusedUpdate}.
 */
public final class ApplyAdam extends FusedUpdate {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final boolean amsgrad;

    /** Slots: momentum, velocity and, when amsgrad, velocity_hat (else null). */
    public ApplyAdam(Variable weight, Variable momentum, Variable velocity, Variable velocityHat,
                     double beta1, double beta2, double epsilon) {
        super("apply_adam", weight, velocityHat == null ? new Variable[] {momentum, velocity}
                : new Variable[] {momentum, velocity, velocityHat});
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.amsgrad = velocityHat != null;
    }

    @Override
    protected String[] scalarNames() {
        return new String[] {"alpha"};
    }

    @Override
    protected String hyperParameters() {
        return "beta_1=" + beta1 + ", beta_2=" + beta2 + ", epsilon=" + epsilon + (amsgrad ? ", amsgrad" : "");
    }

    @Override
    protected void float32(float[] g, int go, float[][] old, int[] off, float[][] out, float[] scalars, int s, int e) {
        float c1 = (float) (1 - beta1);
        float c2 = (float) (1 - beta2);
        float eps = (float) epsilon;
        float alpha = scalars[0];
        float[] w = old[0];
        float[] m = old[1];
        float[] v = old[2];
        float[] vh = amsgrad ? old[3] : null;
        int i = s;
        for (int bound = s + F.loopBound(e - s); i < bound; i += F.length()) {
            FloatVector gv = FloatVector.fromArray(F, g, go + i);
            FloatVector m0 = FloatVector.fromArray(F, m, off[1] + i);
            FloatVector v0 = FloatVector.fromArray(F, v, off[2] + i);
            FloatVector mv = m0.add(gv.sub(m0).mul(c1));
            FloatVector vv = v0.add(gv.mul(gv).sub(v0).mul(c2));
            FloatVector w0 = FloatVector.fromArray(F, w, off[0] + i);
            mv.intoArray(out[1], i);
            vv.intoArray(out[2], i);
            if (amsgrad) {
                vv = FloatVector.fromArray(F, vh, off[3] + i).max(vv);
                vv.intoArray(out[3], i);
            }
            w0.sub(mv.mul(alpha).div(vv.sqrt().add(eps))).intoArray(out[0], i);
        }
        for (; i < e; i++) {
            float gi = g[go + i];
            float m0 = m[off[1] + i];
            float v0 = v[off[2] + i];
            float mi = m0 + (gi - m0) * c1;
            float vi = v0 + (gi * gi - v0) * c2;
            float w0 = w[off[0] + i];
            out[1][i] = mi;
            out[2][i] = vi;
            if (amsgrad) {
                vi = Math.max(vh[off[3] + i], vi);
                out[3][i] = vi;
            }
            out[0][i] = w0 - (mi * alpha) / ((float) Math.sqrt(vi) + eps);
        }
    }

    @Override
    protected void float64(double[] g, double[][] old, double[][] out, double[] scalars, int n) {
        double alpha = scalars[0];
        for (int i = 0; i < n; i++) {
            double mi = old[1][i] + (g[i] - old[1][i]) * (1 - beta1);
            double vi = old[2][i] + (g[i] * g[i] - old[2][i]) * (1 - beta2);
            double w0 = old[0][i];
            out[1][i] = mi;
            out[2][i] = vi;
            if (amsgrad) {
                vi = Math.max(old[3][i], vi);
                out[3][i] = vi;
            }
            out[0][i] = w0 - (mi * alpha) / (Math.sqrt(vi) + epsilon);
        }
    }
}
