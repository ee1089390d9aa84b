package dev.horn.v1;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SessionTest {
    @AfterEach
    void backToEager() {
        V1.enableEagerExecution();
    }

    @Test
    void opsBuildNodesAndTheSessionRunsThem() {
        V1.disableEagerExecution();
        Tensor x = V1.placeholder(DType.FLOAT32, -1, 3);
        Tensor y = tf.reduceSum(tf.mul(x, x), 1);
        assertThat(y.isSymbolic()).isTrue();
        try (Session sess = new Session()) {
            Tensor out = sess.run(y, Map.of(x, Tensor.of(new float[][] {{1, 2, 3}, {1, 1, 1}})));
            assertThat(out.toFloatArray()).containsExactly(14, 3);
        }
    }

    @Test
    void missingFeedNamesThePlaceholder() {
        V1.disableEagerExecution();
        Tensor x = V1.placeholder(DType.FLOAT32, 2);
        Tensor y = tf.neg(x);
        try (Session sess = new Session()) {
            assertThatThrownBy(() -> sess.run(y))
                    .hasMessageContaining("You must feed a value for placeholder tensor 'placeholder'");
        }
    }

    @Test
    void uninitialisedVariableIsAnError() {
        V1.disableEagerExecution();
        Variable v = V1.variable(tf.neg(V1.placeholder(DType.FLOAT32, 1)));
        try (Session sess = new Session()) {
            assertThatThrownBy(() -> sess.run(v)).hasMessageContaining("uninitialized");
        }
    }

    @Test
    void gradientDescentFitsALine() {
        // the seed's Core API example: y = 0.1 x + 0.3, W and b learned with step 0.5
        V1.disableEagerExecution();
        float[] xs = new float[100];
        float[] ys = new float[100];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 100; i++) {
            xs[i] = r.nextFloat();
            ys[i] = xs[i] * 0.1f + 0.3f;
        }
        Tensor xData = Tensor.of(xs);
        Tensor yData = Tensor.of(ys);
        Variable w = V1.variable(Tensor.of(new float[] {-0.7f}));
        Variable b = V1.variable(tf.zeros(1));
        Tensor loss = tf.reduceMean(tf.pow(tf.sub(tf.add(w.mul(xData), b.read()), yData), Tensor.scalar(2f)));
        Operation train = new GradientDescentOptimizer(0.5).minimize(loss);
        try (Session sess = new Session()) {
            sess.run(V1.globalVariablesInitializer());
            double first = sess.run(loss).item();
            for (int step = 0; step < 201; step++) {
                sess.run(train);
            }
            assertThat(sess.run(loss).item()).isLessThan(first);
            assertThat(sess.run(w).item()).isCloseTo(0.1, within(1e-3));
            assertThat(sess.run(b).item()).isCloseTo(0.3, within(1e-3));
            List<Tensor> both = sess.run(List.of(w, b, train), Map.of());
            assertThat(both.get(2)).isNull();
        }
    }
}
