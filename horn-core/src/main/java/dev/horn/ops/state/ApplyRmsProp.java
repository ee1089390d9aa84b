package dev.horn.ops.state;

import dev.horn.Variable;
import jdk.incubator.vector.FloatVector;

/**
 * RMSprop's plain step (no momentum, not centered), as TensorFlow's
 * {@code ResourceApplyRMSProp}: for each element,
 * <pre>
 * velocity = rho * velocity + (1 - rho) * (g * g)
 * weight   = weight - (lr * g) / sqrt(velocity + epsilon)
 * </pre>
 * Inputs: the gradient and the learning rate. See {@link FusedUpdate}.
 */
public final class ApplyRmsProp extends FusedUpdate {
    private final float rho;
    private final float oneMinusRho;
    private final float epsilon;
    private final double rho64;
    private final double epsilon64;

    public ApplyRmsProp(Variable weight, Variable velocity, double rho, double epsilon) {
        super("apply_rms_prop", weight, velocity);
        this.rho = (float) rho;
        this.oneMinusRho = (float) (1 - rho);
        this.epsilon = (float) epsilon;
        this.rho64 = rho;
        this.epsilon64 = epsilon;
    }

    @Override
    protected String hyperParameters() {
        return "rho=" + rho64 + ", epsilon=" + epsilon64;
    }

    @Override
    protected void float32(float[] g, int go, float[][] old, int[] off, float[][] out, float[] scalars, int s, int e) {
        float[] w = old[0];
        float[] v = old[1];
        float[] nw = out[0];
        float[] nv = out[1];
        int wo = off[0];
        int vo = off[1];
        float rate = scalars[0];
        int i = s;
        for (int bound = s + F.loopBound(e - s); i < bound; i += F.length()) {
            FloatVector gv = FloatVector.fromArray(F, g, go + i);
            FloatVector vel = FloatVector.fromArray(F, v, vo + i).mul(rho).add(gv.mul(gv).mul(oneMinusRho));
            FloatVector inc = gv.mul(rate).div(vel.add(epsilon).sqrt());
            FloatVector wv = FloatVector.fromArray(F, w, wo + i);
            vel.intoArray(nv, i);
            wv.sub(inc).intoArray(nw, i);
        }
        for (; i < e; i++) {
            float gi = g[go + i];
            float vel = rho * v[vo + i] + oneMinusRho * (gi * gi);
            float wi = w[wo + i];
            nv[i] = vel;
            nw[i] = wi - (rate * gi) / (float) Math.sqrt(vel + epsilon);
        }
    }

    @Override
    protected void float64(double[] g, double[][] old, double[][] out, double[] scalars, int n) {
        double lr = scalars[0];
        for (int i = 0; i < n; i++) {
            double vel = rho64 * old[1][i] + (1 - rho64) * (g[i] * g[i]);
            out[1][i] = vel;
            out[0][i] = old[0][i] - (lr * g[i]) / Math.sqrt(vel + epsilon64);
        }
    }
}
