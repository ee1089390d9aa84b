package dev.horn.ops.math;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.ops.ShapeRules;
import java.util.Objects;
import java.util.function.Function;

/** What equal and not_equal add to the numeric comparisons: bool and string inputs. */
final class EqualityRules {
    private EqualityRules() {}

    static TensorSpec[] infer(String op, TensorSpec[] inputs, Function<TensorSpec[], TensorSpec[]> numeric) {
        ShapeRules.arity(op, inputs, 2);
        DType dtype = inputs[0].dtype();
        if (dtype != DType.BOOL && dtype != DType.STRING) {
            return numeric.apply(inputs);
        }
        ShapeRules.sameDType(op, inputs[0], inputs[1]);
        return new TensorSpec[] {new TensorSpec(DType.BOOL, ShapeRules.broadcast(op, inputs[0].shape(), inputs[1].shape()))};
    }

    /** The result for bool or string inputs, or null for numbers (the comparison base computes those). */
    static Tensor compute(Tensor[] inputs, TensorSpec out, boolean equal) {
        Tensor a = inputs[0].contiguous();
        Tensor b = inputs[1].contiguous();
        return switch (a.dtype()) {
            case BOOL -> {
                boolean[] x = (boolean[]) a.storage();
                boolean[] y = (boolean[]) b.storage();
                yield BoolBinaryOp.pairwise(out.shape(), a, b, (i, j) -> (x[i] == y[j]) == equal);
            }
            case STRING -> {
                String[] x = (String[]) a.storage();
                String[] y = (String[]) b.storage();
                yield BoolBinaryOp.pairwise(out.shape(), a, b, (i, j) -> Objects.equals(x[i], y[j]) == equal);
            }
            default -> null;
        };
    }
}
