package dev.horn.ops.state;

import dev.horn.Variable;
import dev.horn.internal.cpu.SubnormalAssists;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * RMSprop's plain step (no momentum, not centered), as TensorFlow's
 * {@code ResourceApplyRMSProp}: for each element,
 * <pre>
 * velocity = rho * velocity + (1 - rho) * (g * g)
 * weight   = weight - (lr * g) / sqrt(velocity + epsilon)
 * </pre>
 * Inputs: the gradient and the learning rate. See {@link FusedUpdate}.
 *
 * <p>Subnormal velocities: a weight whose gradient is mostly zero (a ReLU unit that rarely
 * fires, a border pixel of MNIST) has its velocity decay by rho every step until it falls below
 * the smallest normal float and takes some 150 steps more to reach zero. A vector multiply with
 * a subnormal lane takes a microcode assist on Intel cores, eight times the vector's normal
 * cost, and in the seed MLP's later epochs 3,700 of the 25,000 vectors of the first kernel's
 * velocity held one. TensorFlow's CPU kernels avoid that by flushing subnormals to zero, which
 * changes the results; here a vector with a subnormal velocity lane computes the velocity in
 * double lanes, rounding to float after each operation. A float operation computed in double
 * and rounded once gives the float result exactly (53 bits is more than 2 * 24 + 2, so the
 * double rounding is innocuous, subnormal results included), so the bits are those of the
 * float operations, at a fifth of the assists' cost. Only where subnormals cost assists
 * ({@link SubnormalAssists}): on AMD's cores the float lanes are faster as they are.
 */
public final class ApplyRmsProp extends FusedUpdate {
    /** Half a float vector: the float lanes of one double vector of the preferred size. */
    private static final VectorSpecies<Float> HALF =
            VectorSpecies.of(float.class, VectorShape.forBitSize(F.vectorBitSize() / 2));
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class, F.vectorShape());
    /** Velocities below this may make {@code rho * velocity} subnormal (for rho >= 1/16; smaller rho only costs speed). */
    private static final float SUBNORMAL_RISK = 16 * Float.MIN_NORMAL;

    private final float rho;
    private final float oneMinusRho;
    private final float epsilon;
    private final double rho64;
    private final double epsilon64;
    /** Whether a velocity vector with a subnormal lane is computed in double lanes. */
    private final boolean doubleLanes;

    public ApplyRmsProp(Variable weight, Variable velocity, double rho, double epsilon) {
        this(weight, velocity, rho, epsilon, SubnormalAssists.COSTLY);
    }

    /** With the way around subnormal velocities chosen, not left to the CPU: for tests of both ways. */
    ApplyRmsProp(Variable weight, Variable velocity, double rho, double epsilon, boolean doubleLanes) {
        super("apply_rms_prop", weight, velocity);
        this.doubleLanes = doubleLanes;
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
            FloatVector before = FloatVector.fromArray(F, v, vo + i);
            FloatVector vel;
            if (doubleLanes && before.compare(VectorOperators.LT, SUBNORMAL_RISK).and(before.compare(VectorOperators.GT, 0f)).anyTrue()) {
                for (int h = 0; h < F.length(); h += HALF.length()) {
                    velocityInDouble(g, go + i + h, v, vo + i + h, nv, i + h);
                }
                vel = FloatVector.fromArray(F, nv, i);
            } else {
                vel = before.mul(rho).add(gv.mul(gv).mul(oneMinusRho));
                vel.intoArray(nv, i);
            }
            FloatVector inc = gv.mul(rate).div(vel.add(epsilon).sqrt());
            FloatVector wv = FloatVector.fromArray(F, w, wo + i);
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

    /**
     * {@code nv[at..] = rho * v + (1 - rho) * (g * g)} for half a vector, each float operation
     * done in double and rounded to float (see the class comment): the bits of the float path
     * without its subnormal assists.
     */
    private void velocityInDouble(float[] g, int gAt, float[] v, int vAt, float[] nv, int at) {
        DoubleVector gd = widen(FloatVector.fromArray(HALF, g, gAt));
        DoubleVector vd = widen(FloatVector.fromArray(HALF, v, vAt));
        DoubleVector decayed = toFloat(vd.mul(rho));
        DoubleVector fresh = toFloat(toFloat(gd.mul(gd)).mul(oneMinusRho));
        narrow(decayed.add(fresh)).intoArray(nv, at);
    }

    private static DoubleVector widen(FloatVector x) {
        return (DoubleVector) x.convertShape(VectorOperators.F2D, D, 0);
    }

    private static FloatVector narrow(DoubleVector x) {
        return (FloatVector) x.convertShape(VectorOperators.D2F, HALF, 0);
    }

    /** x rounded to the nearest float, kept in double lanes. */
    private static DoubleVector toFloat(DoubleVector x) {
        return widen(narrow(x));
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
