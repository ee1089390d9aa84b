package dev.horn.ops;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.ops.array.OneHot;
import dev.horn.ops.array.Size;
import dev.horn.ops.array.StopGradient;
import dev.horn.ops.math.Equal;
import dev.horn.ops.math.FloorDiv;
import dev.horn.ops.math.Greater;
import dev.horn.ops.math.GreaterEqual;
import dev.horn.ops.math.Less;
import dev.horn.ops.math.LessEqual;
import dev.horn.ops.math.LogicalAnd;
import dev.horn.ops.math.LogicalNot;
import dev.horn.ops.math.LogicalOr;
import dev.horn.ops.math.LogicalXor;
import dev.horn.ops.math.NotEqual;
import dev.horn.ops.reduce.ArgMax;
import dev.horn.ops.reduce.ArgMin;
import dev.horn.ops.reduce.ReduceAll;
import dev.horn.ops.reduce.ReduceAny;
import dev.horn.ops.sort.Argsort;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ops without gradients complete the registry-wide check: each has an example here, and
 * the compiled graph computes what eager execution computes. (Stateful ops — variables and
 * random numbers — have their own tests.)
 */
class NonDifferentiableOpsTest {
    record Example(Class<? extends Op> op, Function<Tensor[], Tensor> fn) {
        @Override
        public String toString() {
            return op.getSimpleName();
        }
    }

    private static final Tensor A = Tensor.of(new float[] {1, -2, 3, 0, 5, 5}).reshape(2, 3);
    private static final Tensor B = Tensor.of(new float[] {1, 2, -3});

    static List<Example> examples() {
        return List.of(
                new Example(Greater.class, x -> tf.greater(x[0], x[1])),
                new Example(Equal.class, x -> tf.equal(x[0], x[1])),
                new Example(NotEqual.class, x -> tf.notEqual(x[0], x[1])),
                new Example(Less.class, x -> tf.less(x[0], x[1])),
                new Example(LessEqual.class, x -> tf.lessEqual(x[0], x[1])),
                new Example(GreaterEqual.class, x -> tf.greaterEqual(x[0], x[1])),
                new Example(LogicalAnd.class, x -> tf.logicalAnd(tf.greater(x[0], x[1]), tf.less(x[0], x[1]))),
                new Example(LogicalOr.class, x -> tf.logicalOr(tf.greater(x[0], x[1]), tf.less(x[0], x[1]))),
                new Example(LogicalXor.class, x -> tf.logicalXor(tf.greater(x[0], x[1]), tf.equal(x[0], x[0]))),
                new Example(LogicalNot.class, x -> tf.logicalNot(tf.greater(x[0], x[1]))),
                new Example(ArgMax.class, x -> tf.argmax(x[0], 1)),
                new Example(ArgMin.class, x -> tf.argmin(x[0], 0)),
                new Example(ReduceAll.class, x -> tf.reduceAll(tf.greater(x[0], x[1]), 1)),
                new Example(ReduceAny.class, x -> tf.reduceAny(tf.greater(x[0], x[1]), 0)),
                new Example(StopGradient.class, x -> tf.stopGradient(tf.mul(x[0], x[1]))),
                new Example(OneHot.class, x -> tf.oneHot(tf.cast(tf.abs(x[1]), DType.INT32), 4)),
                new Example(Argsort.class, x -> tf.argsort(x[0])),
                new Example(FloorDiv.class, x -> tf.floorDiv(x[0], x[1])),
                new Example(Size.class, x -> tf.size(tf.matmul(x[0], tf.reshape(x[1], 3, 1)))),
                new Example(dev.horn.ops.rnn.LstmSequenceGrad.class, NonDifferentiableOpsTest::lstmBackward),
                new Example(dev.horn.ops.rnn.GruSequenceGrad.class, NonDifferentiableOpsTest::gruBackward));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void graphResultEqualsEagerResult(Example example) {
        Tensor eager = example.fn().apply(new Tensor[] {A, B});
        Tensor graph = dev.horn.graph.Function.of(example.fn()::apply).call(A, B);
        assertThat(graph.valuesEqual(eager)).as("%s", example).isTrue();
    }

    @Test
    void everyOpInTheRegistryIsCheckedInGraphs() {
        Set<Class<? extends Op>> covered = Stream.concat(
                OpGradientTest.allSpecs().stream().map(GradSpec::op),
                examples().stream().map(Example::op)).collect(Collectors.toSet());
        List<String> missing = OpRegistry.all().stream()
                .filter(kind -> !covered.contains(kind))
                .filter(kind -> !kind.getPackageName().endsWith(".state") && !kind.getPackageName().endsWith(".random"))
                .map(Class::getSimpleName)
                .toList();
        assertThat(missing).as("registered ops with neither a gradient row nor an example here").isEmpty();
    }

    /** The LSTM backward op on a [2, 3] batch and time with one unit, fed from A. */
    private static Tensor lstmBackward(Tensor[] x) {
        Tensor xw = tf.reshape(tf.tile(x[0], 1, 4), 2, 3, 4);
        Tensor kernel = Tensor.of(new float[] {0.5f, -0.25f, 0.1f, 0.3f}).reshape(1, 4);
        Tensor state = tf.zeros(new int[] {2, 1});
        Tensor mask = Tensor.of(new float[] {1, 0, 1, 1, 1, 1}).reshape(2, 3);
        Tensor[] f = tf.lstmSequence(xw, kernel, state, state, mask);
        return new dev.horn.ops.rnn.LstmSequenceGrad().applyAll(kernel, state, state, mask, f[0], f[1], f[2], f[0], f[1])[1];
    }

    /** The GRU backward op on a [2, 3] batch and time with two units, fed from A. */
    private static Tensor gruBackward(Tensor[] x) {
        Tensor xw = tf.reshape(tf.tile(x[0], 1, 6), 2, 3, 6);
        Tensor kernel = tf.reshape(tf.div(tf.tile(x[0], 1, 2), Tensor.scalar(10f)), 2, 6);
        Tensor bias = tf.reshape(x[0], 6);
        Tensor state = tf.zeros(new int[] {2, 2});
        Tensor mask = Tensor.of(new float[] {1, 1, 0, 0, 1, 1}).reshape(2, 3);
        Tensor[] f = tf.gruSequence(xw, kernel, bias, state, mask);
        return new dev.horn.ops.rnn.GruSequenceGrad().applyAll(kernel, state, mask, f[0], f[1], f[2], f[0])[0];
    }
}
