package dev.horn.keras.losses;

import dev.horn.Tensor;
import org.junit.jupiter.api.Test;

import static dev.horn.keras.Expect.scalar;
import static dev.horn.keras.Expect.t;
import static dev.horn.keras.Expect.values;

/**
 * The other losses against numpy, with Keras' formulas; for each: per-sample values, the mean,
 * and the mean weighted by rw:
 * <pre>
 * eps = 1e-7
 * rt = np.array([[1.0,2.0,0.0],[-1.0,0.5,3.0]]); rp = np.array([[1.5,1.0,0.2],[-0.5,0.5,1.0]]); rw = np.array([0.3, 1.2])
 * def show(v): return v, v.mean(), (v * rw).mean()
 * </pre>
 */
class RegressionAndMarginLossesTest {
    static final Tensor RT = t(new float[][] {{1, 2, 0}, {-1, 0.5f, 3}});
    static final Tensor RP = t(new float[][] {{1.5f, 1, 0.2f}, {-0.5f, 0.5f, 1}});
    static final Tensor RW = t(0.3f, 1.2f);

    private static void check(Loss loss, Tensor yTrue, Tensor yPred, double first, double second, double mean, double weighted) {
        values(loss.perSample(yTrue, yPred), first, second);
        scalar(loss.call(yTrue, yPred), mean);
        scalar(loss.call(yTrue, yPred, RW), weighted);
    }

    @Test
    void meanSquaredError() {
        // show(((rp - rt) ** 2).mean(-1))
        check(new MeanSquaredError(), RT, RP, 0.43, 1.4166666667, 0.9233333333333333, 0.9145);
    }

    @Test
    void meanAbsoluteError() {
        // show(np.abs(rp - rt).mean(-1))
        check(new MeanAbsoluteError(), RT, RP, 0.5666666667, 0.8333333333, 0.7, 0.585);
    }

    @Test
    void meanAbsolutePercentageErrorDividesByAtLeastEpsilon() {
        // show(100 * np.abs((rt - rp) / np.maximum(np.abs(rt), eps)).mean(-1)): the 0 label divides by 1e-7
        check(new MeanAbsolutePercentageError(), RT, RP, 6.66667e7, 38.888888889, 33333369.44444445, 10000028.333333336);
    }

    @Test
    void meanSquaredLogarithmicError() {
        // show(((np.log(np.maximum(rp, eps) + 1) - np.log(np.maximum(rt, eps) + 1)) ** 2).mean(-1))
        check(new MeanSquaredLogarithmicError(), RT, RP, 0.082478704, 0.1601510046, 0.12131485431865932, 0.108462408383328);
    }

    @Test
    void huberIsQuadraticInsideDeltaAndLinearOutside() {
        // def huber(t, p, d): e = p - t; a = np.abs(e); return np.where(a <= d, 0.5 * e**2, d * a - 0.5 * d**2).mean(-1)
        check(new Huber(), RT, RP, 0.215, 0.5416666667, 0.3783333333333333, 0.35724999999999996);
        check(new Huber().delta(0.5), RT, RP, 0.1733333333, 0.3333333333, 0.2533333333333333, 0.22599999999999998);
    }

    @Test
    void logCosh() {
        // show(np.log(np.cosh(rp - rt)).mean(-1))
        check(new LogCosh(), RT, RP, 0.1912544698, 0.4817057514, 0.33648011059957567, 0.31771162132729397);
    }

    @Test
    void logCoshDoesNotOverflowForLargeErrors() {
        // log(cosh(100)) = 100 - log(2)
        values(new LogCosh().perSample(t(0f), t(100f)), 100 - Math.log(2));
    }

    @Test
    void cosineSimilarityIsNegative() {
        // def l2n(v): return v / np.sqrt(np.maximum((v**2).sum(-1, keepdims=True), 1e-12)); show(-(l2n(rt) * l2n(rp)).sum(-1))
        check(new CosineSimilarity(), RT, RP, -0.8629489273, -0.9563650696, -0.9096569984288494, -0.7032613808464082);
    }

    @Test
    void poisson() {
        // pt = np.array([[1,2,0],[0,1,3]], float); pp = np.array([[1.5,1.0,0.2],[0.5,0.5,1.0]]); show((pp - pt * np.log(pp + eps)).mean(-1))
        Tensor pt = t(new float[][] {{1, 2, 0}, {0, 1, 3}});
        Tensor pp = t(new float[][] {{1.5f, 1, 0.2f}, {0.5f, 0.5f, 1}});
        check(new Poisson(), pt, pp, 0.7648448751, 0.8977155602, 0.8312802176308602, 0.653356067373255);
    }

    @Test
    void hingeMapsZeroOneLabelsToMinusOneOne() {
        // ht = np.array([[0,1,1],[1,0,0]], float); hp = np.array([[0.3,-0.8,1.2],[0.9,0.2,-0.4]]); hs = 2 * ht - 1
        // show(np.maximum(1 - hs * hp, 0).mean(-1)), the same for labels given as hs
        Tensor zeroOne = t(new float[][] {{0, 1, 1}, {1, 0, 0}});
        Tensor signed = t(new float[][] {{-1, 1, 1}, {1, -1, -1}});
        Tensor hp = t(new float[][] {{0.3f, -0.8f, 1.2f}, {0.9f, 0.2f, -0.4f}});
        check(new Hinge(), zeroOne, hp, 1.0333333333, 0.6333333333, 0.8333333333333334, 0.5349999999999999);
        check(new Hinge(), signed, hp, 1.0333333333, 0.6333333333, 0.8333333333333334, 0.5349999999999999);
        // show((np.maximum(1 - hs * hp, 0) ** 2).mean(-1))
        check(new SquaredHinge(), zeroOne, hp, 1.6433333333, 0.6033333333, 1.1233333333333335, 0.6085);
    }

    @Test
    void categoricalHinge() {
        // def chinge(t, p): pos = (t * p).sum(-1); neg = ((1 - t) * p).max(-1); return np.maximum(neg - pos + 1, 0)
        // chinge(yt, p) with the crossentropy test's yt and p; mean, (v * w).mean()
        Loss loss = new CategoricalHinge();
        values(loss.perSample(CrossentropyLossesTest.Y, CrossentropyLossesTest.P), 0.5, 0.7, 1.15, 1.1);
        scalar(loss.call(CrossentropyLossesTest.Y, CrossentropyLossesTest.P), 0.8624999999999999);
        scalar(loss.call(CrossentropyLossesTest.Y, CrossentropyLossesTest.P, CrossentropyLossesTest.W), 0.7875);
    }

    @Test
    void klDivergenceClipsBothSides() {
        // kt = np.array([[0.2,0.8,0.0],[0.5,0.25,0.25],[0.0,0.0,1.0],[0.1,0.6,0.3]])
        // def kld(t, p): t = np.clip(t, eps, 1); p = np.clip(p, eps, 1); return (t * np.log(t / p)).sum(-1)
        Tensor kt = t(new float[][] {{0.2f, 0.8f, 0}, {0.5f, 0.25f, 0.25f}, {0, 0, 1}, {0.1f, 0.6f, 0.3f}});
        Loss loss = new KLDivergence();
        values(loss.perSample(kt, CrossentropyLossesTest.P), 0.1068237325, -0.0809552798, 16.1180929166, 0.2197224577);
        scalar(loss.call(kt, CrossentropyLossesTest.P), 4.090920956784921);
        scalar(loss.call(kt, CrossentropyLossesTest.P, CrossentropyLossesTest.W), 8.075632981478485);
    }
}
