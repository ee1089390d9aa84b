package dev.horn.ops.state;

import dev.horn.Variable;
import jdk.incubator.vector.FloatVector;

/**
 * SGD's step with momentum in Keras' form, as TensorFlow's {@code ResourceApplyKerasMomentum}:
 * for each element,
 * <pre>
 * m = m * momentum - g * lr
 * w = w + m                                   (plain)
 * w = w + (m * momentum - g * lr)             (nesterov)
 * </pre>
 * Inputs: the gradient and the learning rate. See {@link FusedUpdate}.
 */
public final class ApplyMomentum extends FusedUpdate {
    private final double momentum;
    private final boolean nesterov;

    public ApplyMomentum(Variable weight, Variable momentumSlot, double momentum, boolean nesterov) {
        super("apply_momentum", weight, momentumSlot);
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    protected String hyperParameters() {
        return "momentum=" + momentum + (nesterov ? ", nesterov" : "");
    }

    @Override
    protected void float32(float[] g, int go, float[][] old, int[] off, float[][] out, float[] scalars, int s, int e) {
        float mom = (float) momentum;
        float lr = scalars[0];
        float[] w = old[0];
        float[] m = old[1];
        int i = s;
        for (int bound = s + F.loopBound(e - s); i < bound; i += F.length()) {
            FloatVector step = FloatVector.fromArray(F, g, go + i).mul(lr);
            FloatVector mv = FloatVector.fromArray(F, m, off[1] + i).mul(mom).sub(step);
            FloatVector w0 = FloatVector.fromArray(F, w, off[0] + i);
            mv.intoArray(out[1], i);
            w0.add(nesterov ? mv.mul(mom).sub(step) : mv).intoArray(out[0], i);
        }
        for (; i < e; i++) {
            float step = g[go + i] * lr;
            float mi = m[off[1] + i] * mom - step;
            float w0 = w[off[0] + i];
            out[1][i] = mi;
            out[0][i] = w0 + (nesterov ? mi * mom - step : mi);
        }
    }

    @Override
    protected void float64(double[] g, double[][] old, double[][] out, double[] scalars, int n) {
        double lr = scalars[0];
        for (int i = 0; i < n; i++) {
            double step = g[i] * lr;
            double mi = old[1][i] * momentum - step;
            double w0 = old[0][i];
            out[1][i] = mi;
            out[0][i] = w0 + (nesterov ? mi * momentum - step : mi);
        }
    }
}
