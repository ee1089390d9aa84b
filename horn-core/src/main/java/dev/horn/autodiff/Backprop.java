package dev.horn.autodiff;

import dev.horn.Tensor;
import dev.horn.ops.Op;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.horn.Tf.tf;

/**
 * The reverse walk shared by {@link GradientTape} and graph-to-graph gradients: seed the
 * targets with ones, visit recorded op applications from last to first, apply each op's
 * gradient rule to the gradients of its outputs, and sum what flows into each input.
 */
public final class Backprop {
    /** One recorded op application; tensors are compared by identity. */
    public record Entry(Op op, Tensor[] inputs, Tensor[] outputs) {}

    private Backprop() {}

    /**
     * Gradients of sum(targets) with respect to each source (null where none flows).
     *
     * @param entries op applications in the order they ran
     * @param tracked inputs that gradients may flow into (watched tensors and recorded outputs)
     */
    public static List<Tensor> gradients(List<Entry> entries, List<Tensor> targets, List<Tensor> sources,
                                         Predicate<Tensor> tracked) {
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        for (Tensor t : targets) {
            grads.merge(t, tf.onesLike(t), tf::add);
        }
        for (int e = entries.size() - 1; e >= 0; e--) {
            Entry entry = entries.get(e);
            Tensor[] upstream = new Tensor[entry.outputs().length];
            boolean any = false;
            for (int i = 0; i < upstream.length; i++) {
                upstream[i] = grads.get(entry.outputs()[i]);
                any |= upstream[i] != null;
            }
            if (!any) {
                continue;
            }
            for (int i = 0; i < upstream.length; i++) {
                if (upstream[i] == null) {
                    upstream[i] = tf.zerosLike(entry.outputs()[i]);
                }
            }
            Tensor[] inputGrads = entry.op().gradient(entry.inputs(), entry.outputs(), upstream);
            for (int i = 0; i < entry.inputs().length; i++) {
                Tensor in = entry.inputs()[i];
                if (inputGrads[i] != null && tracked.test(in)) {
                    if (!inputGrads[i].shape().equals(in.shape())) {
                        throw new IllegalStateException("gradient of " + entry.op() + " for input " + i + " has shape "
                                + inputGrads[i].shape() + " but the input has shape " + in.shape());
                    }
                    grads.merge(in, inputGrads[i], tf::add);
                }
            }
        }
        List<Tensor> result = new ArrayList<>(sources.size());
        for (Tensor s : sources) {
            result.add(grads.get(s));
        }
        return result;
    }
}
