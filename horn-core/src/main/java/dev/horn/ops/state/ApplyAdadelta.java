package dev.horn.ops.state;

import dev.horn.Variable;
import jdk.incubator.vector.FloatVector;

/**
 * Adadelta's step, as Keras writes it: for each element,
 * <pre>
 * accumulated_grad = rho * accumulated_grad + (1 - rho) * g * g
 * delta = -(sqrt(accumulated_delta_var + epsilon) * g) / sqrt(accumulated_grad + epsilon)
 * accumulated_delta_var = rho * accumulated_delta_var + (1 - rho) * delta * delta
 * w = w + lr * delta
 * </pre>
 * Inputs: the gradient and the learning rate. See {@link FusedUpdate}.
 */
public final class ApplyAdadelta extends FusedUpdate {
    private final double rho;
    private final double epsilon;

    public ApplyAdadelta(Variable weight, Variable accumulatedGrad, Variable accumulatedDelta, double rho, double epsilon) {
        super("apply_adadelta", weight, accumulatedGrad, accumulatedDelta);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    protected String hyperParameters() {
        return "rho=" + rho + ", epsilon=" + epsilon;
    }

    @Override
    protected void float32(float[] g, int go, float[][] old, int[] off, float[][] out, float[] scalars, int s, int e) {
        float r = (float) rho;
        float omr = (float) (1 - rho);
        float eps = (float) epsilon;
        float lr = scalars[0];
        int i = s;
        for (int bound = s + F.loopBound(e - s); i < bound; i += F.length()) {
            FloatVector gv = FloatVector.fromArray(F, g, go + i);
            FloatVector accGrad = FloatVector.fromArray(F, old[1], off[1] + i).mul(r).add(gv.mul(gv).mul(omr));
            FloatVector accDelta0 = FloatVector.fromArray(F, old[2], off[2] + i);
            FloatVector delta = accDelta0.add(eps).sqrt().mul(gv).div(accGrad.add(eps).sqrt()).neg();
            FloatVector w0 = FloatVector.fromArray(F, old[0], off[0] + i);
            accGrad.intoArray(out[1], i);
            accDelta0.mul(r).add(delta.mul(delta).mul(omr)).intoArray(out[2], i);
            w0.add(delta.mul(lr)).intoArray(out[0], i);
        }
        for (; i < e; i++) {
            float gi = g[go + i];
            float accGrad = r * old[1][off[1] + i] + omr * (gi * gi);
            float accDelta0 = old[2][off[2] + i];
            float delta = -(((float) Math.sqrt(accDelta0 + eps) * gi) / (float) Math.sqrt(accGrad + eps));
            float w0 = old[0][off[0] + i];
            out[1][i] = accGrad;
            out[2][i] = r * accDelta0 + omr * (delta * delta);
            out[0][i] = w0 + lr * delta;
        }
    }

    @Override
    protected void float64(double[] g, double[][] old, double[][] out, double[] scalars, int n) {
        double lr = scalars[0];
        for (int i = 0; i < n; i++) {
            double accGrad = rho * old[1][i] + (1 - rho) * (g[i] * g[i]);
            double accDelta0 = old[2][i];
            double delta = -((Math.sqrt(accDelta0 + epsilon) * g[i]) / Math.sqrt(accGrad + epsilon));
            double w0 = old[0][i];
            out[1][i] = accGrad;
            out[2][i] = rho * accDelta0 + (1 - rho) * (delta * delta);
            out[0][i] = w0 + lr * delta;
        }
    }
}
