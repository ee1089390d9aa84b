package dev.horn.graph.compiler;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.graph.Function;
import dev.horn.ops.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static org.assertj.core.api.Assertions.assertThat;

/** A program traced with fixed shapes reuses its traced output specs instead of inferring them on every run. */
class KnownOutputsTest {
    /** Doubles its input and counts its shape inferences. */
    static final class Counted extends Op {
        int inferences;

        Counted() {
            super("counted");
        }

        @Override
        public TensorSpec[] infer(TensorSpec... inputs) {
            inferences++;
            return new TensorSpec[] {inputs[0]};
        }

        @Override
        public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
            return new Tensor[] {tf.add(inputs[0], inputs[0])};
        }
    }

    @Test
    void fixedShapesAreInferredAtTraceTimeOnly() {
        Counted op = new Counted();
        Function f = Function.of(x -> op.apply(x[0]));
        Tensor a = Tensor.of(new float[] {1, 2, 3});
        assertThat(f.call(a).toFloatArray()).containsExactly(2, 4, 6);
        int traced = op.inferences;
        for (int i = 0; i < 5; i++) {
            assertThat(f.call(a).toFloatArray()).containsExactly(2, 4, 6);
        }
        assertThat(op.inferences).isEqualTo(traced);
    }

    @Test
    void shapesKnownOnlyAtRunTimeAreInferredOnEachRun() {
        Counted op = new Counted();
        Function f = Function.of(x -> op.apply(x[0]));
        var program = f.concrete(List.of(new TensorSpec(dev.horn.DType.FLOAT32, Shape.of(Shape.UNKNOWN)))).program();
        int traced = op.inferences;
        assertThat(program.run(Tensor.of(new float[] {1, 2}))[0].toFloatArray()).containsExactly(2, 4);
        assertThat(program.run(Tensor.of(new float[] {5}))[0].toFloatArray()).containsExactly(10);
        assertThat(op.inferences).isEqualTo(traced + 2);
    }
}
