package dev.horn.graph.compiler;

import dev.horn.Tensor;
import dev.horn.autodiff.GradientTape;
import dev.horn.graph.Function;
import dev.horn.ops.GradCheck;
import dev.horn.ops.GradSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the op tables, forward and tape gradient traced into one graph, run with every
 * step handed to helper threads where it can be: the same values as the sequential schedule,
 * call after call. Float64 only: the float32 vector forms of tanh, exp and the like may round
 * differently once the JIT compiles them, which would show whatever the schedule.
 */
class EveryOpInParallelTest {
    static Stream<GradSpec> specs() {
        List<GradSpec> all = new ArrayList<>();
        all.addAll(dev.horn.ops.math.MathGradSpecs.specs());
        all.addAll(dev.horn.ops.reduce.ReduceGradSpecs.specs());
        all.addAll(dev.horn.ops.array.ArrayGradSpecs.specs());
        all.addAll(dev.horn.ops.linalg.LinalgGradSpecs.specs());
        all.addAll(dev.horn.ops.nn.NnGradSpecs.specs());
        all.addAll(dev.horn.ops.sort.SortGradSpecs.specs());
        return all.stream();
    }

    @BeforeAll
    static void handEveryStepToHelpers() {
        ParallelRun.dispatchCost = 0;
    }

    private static int onHelpers;

    @AfterAll
    static void restore() {
        ParallelRun.dispatchCost = ParallelRun.DISPATCH_COST;
        if (dev.horn.internal.cpu.Parallel.THREADS > 1) {
            assertThat(onHelpers).as("steps run on helper threads, all rows together").isPositive();
        }
        System.out.println("EveryOpInParallelTest: " + onHelpers + " steps ran on helpers");
    }

    private static Tensor[] valueAndGradients(GradSpec spec, Tensor[] x) {
        GradientTape tape = new GradientTape();
        Tensor y;
        Tensor loss;
        try (tape) {
            tape.watch(x);
            y = spec.fn().apply(x);
            loss = tf.reduceSum(tf.mul(y, y));
        }
        Tensor[] g = tape.gradient(loss, x);
        Tensor[] out = new Tensor[x.length + 1];
        out[0] = y;
        for (int i = 0; i < g.length; i++) {
            out[i + 1] = g[i] == null ? tf.zerosLike(x[i]) : g[i];
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void parallelScheduleComputesWhatTheSequentialOneDoes(GradSpec spec) {
        Tensor[] x = GradCheck.randomInputs(spec, new Random(13));
        Function parallel = Function.ofMany(in -> valueAndGradients(spec, in));
        Function sequential = Function.ofMany(in -> valueAndGradients(spec, in))
                .withOptions(CompilerOptions.ALL.withParallelSchedule(false));
        Tensor[] expected = sequential.callMany(x);
        for (int call = 0; call < 3; call++) {
            Tensor[] got = parallel.callMany(x);
            for (int i = 0; i < expected.length; i++) {
                assertThat(got[i].toDoubleArray()).as("%s output %d, call %d", spec, i, call)
                        .containsExactly(expected[i].toDoubleArray());
            }
            onHelpers += parallel.concrete(java.util.Arrays.stream(x).map(Tensor::spec).toList())
                    .program().lastScheduleStats().onHelpers();
        }
    }
}
