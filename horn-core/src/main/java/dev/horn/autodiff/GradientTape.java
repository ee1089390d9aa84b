package dev.horn.autodiff;

import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.ops.Op;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.horn.Tf.tf;

/**
 * Reverse-mode automatic differentiation, as TensorFlow's {@code tf.GradientTape}: while open,
 * a tape records every differentiable op whose inputs it watches; {@link #gradient} then walks
 * the record backwards, applying each op's gradient rule and summing where a tensor fed several
 * ops.
 * {@snippet :
 * var x = Tensor.scalar(3.0);
 * GradientTape tape;
 * try (var t = new GradientTape()) {
 *     tape = t;
 *     t.watch(x);
 *     var y = x.mul(x);                 // y = x^2
 * }
 * tape.gradient(y, x);                  // 6.0
 * }
 * Gradients are computed with ops, so a tape that is open around another tape's
 * {@code gradient} call records them, giving gradients of gradients. A tape is used once unless
 * it is persistent.
 */
public final class GradientTape implements AutoCloseable {
    private static final ThreadLocal<ArrayDeque<GradientTape>> ACTIVE = ThreadLocal.withInitial(ArrayDeque::new);

    private final boolean persistent;
    private final Set<Tensor> watched = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Backprop.Entry> entries = new ArrayList<>();
    private final Map<Variable, List<Tensor>> variableReads = new IdentityHashMap<>();
    private boolean recording = true;
    private boolean closed;
    private boolean used;

    /** Opens a tape that can compute gradients once. */
    public GradientTape() {
        this(false);
    }

    /** Opens a tape; a persistent one can compute gradients any number of times. */
    public GradientTape(boolean persistent) {
        this.persistent = persistent;
        ACTIVE.get().push(this);
    }

    public static GradientTape persistent() {
        return new GradientTape(true);
    }

    /** Starts tracking tensors as sources (variables are watched automatically once they exist). */
    public void watch(Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t.dtype().isFloating()) {
                watched.add(t);
            }
        }
    }

    /** Called when a trainable variable is read: every open tape watches the value read. */
    public static void watchVariable(Variable variable, Tensor read) {
        for (GradientTape tape : ACTIVE.get()) {
            if (tape.recording && read.dtype().isFloating()) {
                tape.watch(read);
                List<Tensor> reads = tape.variableReads.computeIfAbsent(variable, v -> new ArrayList<>());
                if (reads.stream().noneMatch(r -> r == read)) { // an eager variable reads the same tensor until assigned
                    reads.add(read);
                }
            }
        }
    }

    /** Called by every op application: records it on each open tape that watches one of its inputs. */
    public static void record(Op op, Tensor[] inputs, Tensor[] outputs) {
        ArrayDeque<GradientTape> tapes = ACTIVE.get();
        if (tapes.isEmpty()) {
            return;
        }
        for (GradientTape tape : tapes) {
            if (tape.recording && tape.watchesAny(inputs)) {
                if (!op.isDifferentiable()) {
                    continue;
                }
                tape.entries.add(new Backprop.Entry(op, inputs, outputs));
                tape.watch(outputs);
            }
        }
    }

    private boolean watchesAny(Tensor[] inputs) {
        for (Tensor t : inputs) {
            if (watched.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** d target / d source; null when source does not influence target. */
    public Tensor gradient(Tensor target, Tensor source) {
        return gradient(List.of(target), List.of(source)).getFirst();
    }

    /** d target / d each source, in order. */
    public Tensor[] gradient(Tensor target, Tensor... sources) {
        return gradient(List.of(target), List.of(sources)).toArray(Tensor[]::new);
    }

    /**
     * d target / d each variable, summed over every read of it while recording; null for a
     * variable the target does not depend on.
     */
    public Tensor[] gradient(Tensor target, Variable... variables) {
        return gradient(target, List.of(variables));
    }

    public Tensor[] gradient(Tensor target, List<Variable> variables) {
        List<Tensor> reads = new ArrayList<>();
        for (Variable v : variables) {
            reads.addAll(variableReads.getOrDefault(v, List.of()));
        }
        List<Tensor> grads = gradient(List.of(target), reads);
        Tensor[] result = new Tensor[variables.size()];
        int k = 0;
        for (int i = 0; i < variables.size(); i++) {
            for (int r = 0; r < variableReads.getOrDefault(variables.get(i), List.of()).size(); r++) {
                Tensor g = grads.get(k++);
                if (g != null) {
                    result[i] = result[i] == null ? g : tf.add(result[i], g);
                }
            }
        }
        return result;
    }

    /** Gradients of the sum of the targets (each seeded with ones) with respect to each source. */
    public List<Tensor> gradient(List<Tensor> targets, List<Tensor> sources) {
        if (used && !persistent) {
            throw new IllegalStateException("this GradientTape was already used to compute gradients; "
                    + "open it with GradientTape.persistent() to call gradient() more than once");
        }
        used = true;
        boolean wasRecording = recording;
        recording = false;
        try {
            return Backprop.gradients(entries, targets, sources, watched::contains);
        } finally {
            recording = wasRecording;
            if (!persistent) {
                entries.clear();
            }
        }
    }

    /** Stops recording; gradients can still be computed after closing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            recording = false;
            ACTIVE.get().remove(this);
        }
    }
}
