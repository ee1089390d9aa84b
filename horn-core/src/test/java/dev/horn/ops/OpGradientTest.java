package dev.horn.ops;

import dev.horn.ops.array.ArrayGradSpecs;
import dev.horn.ops.linalg.LinalgGradSpecs;
import dev.horn.ops.math.MathGradSpecs;
import dev.horn.ops.nn.NnGradSpecs;
import dev.horn.ops.reduce.ReduceGradSpecs;
import dev.horn.ops.sort.SortGradSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every differentiable op in the registry, checked by finite differences from one table. */
class OpGradientTest {
    static List<GradSpec> allSpecs() {
        List<GradSpec> all = new ArrayList<>();
        all.addAll(MathGradSpecs.specs());
        all.addAll(ReduceGradSpecs.specs());
        all.addAll(ArrayGradSpecs.specs());
        all.addAll(LinalgGradSpecs.specs());
        all.addAll(NnGradSpecs.specs());
        all.addAll(dev.horn.ops.sort.SortGradSpecs.specs());
        all.addAll(dev.horn.ops.rnn.RnnGradSpecs.specs());
        return all;
    }

    static Stream<GradSpec> specs() {
        return allSpecs().stream();
    }

    static Stream<GradSpec> secondOrderSpecs() {
        return allSpecs().stream().filter(GradSpec::secondOrder);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void gradientMatchesFiniteDifferences(GradSpec spec) {
        GradCheck.check(spec);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secondOrderSpecs")
    void secondOrderGradientMatchesFiniteDifferences(GradSpec spec) {
        GradCheck.checkSecondOrder(spec);
    }

    @Test
    void everyDifferentiableOpHasAGradientCheck() {
        Set<Class<? extends Op>> covered = allSpecs().stream().map(GradSpec::op).collect(Collectors.toSet());
        List<String> missing = OpRegistry.differentiable().stream()
                .filter(kind -> !covered.contains(kind))
                .map(Class::getSimpleName)
                .toList();
        assertThat(missing).as("differentiable ops without a row in a *GradSpecs table").isEmpty();
    }

    @Test
    void everySpecAppliesTheOpItClaimsToCheck() {
        List<String> wrong = allSpecs().stream()
                .filter(spec -> !GradCheck.opsUsedBy(spec).contains(spec.op()))
                .map(GradSpec::toString)
                .toList();
        assertThat(wrong).as("specs whose function never applies their op").isEmpty();
    }

    @Test
    void everyRegisteredOpIsListedOnce() {
        assertThat(OpRegistry.all()).doesNotHaveDuplicates();
        assertThat(OpRegistry.differentiable()).isNotEmpty();
    }
}
