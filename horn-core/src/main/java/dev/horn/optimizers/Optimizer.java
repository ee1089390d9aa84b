package dev.horn.optimizers;

import dev.horn.DType;
import dev.horn.Tensor;
import dev.horn.Variable;
import dev.horn.autodiff.GradientTape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static dev.horn.Tf.tf;

/**
 * The base of the optimizers, as Keras' {@code Optimizer}: it filters missing gradients, clips
 * ({@code clipnorm}, {@code clipvalue}, {@code global_clipnorm}), applies decoupled weight decay,
 * runs each subclass' {@link #updateStep} and counts the applied steps in {@link #iterations()}.
 *
 * <p>Every update is written with ops on variables, so a train step that calls
 * {@link #applyGradients} can be traced into a graph: the step count comes from the
 * {@code iterations} variable and the learning rate from a float32 {@code learning_rate}
 * variable (or a {@link LearningRateSchedule} of the step), never from Java numbers read back.
 * Other hyperparameters (betas, rho, epsilon) are constants of the update, as in Keras.
 *
 * <p>Slot variables (Keras' optimizer variables: {@code momentum}, {@code velocity}, ...) are
 * created when a model variable is first updated: non-trainable, of the variable's dtype and
 * shape, named {@code <optimizer>/<variable>_<slot>}.
 */
public abstract class Optimizer {
    private static final System.Logger LOG = System.getLogger(Optimizer.class.getName());
    private static final Map<String, AtomicInteger> NAME_UIDS = new ConcurrentHashMap<>();

    private String name;
    private double learningRate;
    private LearningRateSchedule schedule;
    private Double weightDecay;
    private Double clipnorm;
    private Double clipvalue;
    private Double globalClipnorm;
    private final Set<Variable> excludedFromWeightDecay = Collections.newSetFromMap(new IdentityHashMap<>());
    private Pattern excludedNames;

    private Variable iterations;
    private Variable learningRateVariable;
    private final Map<Variable, Map<String, Variable>> slots = new IdentityHashMap<>();
    private final List<Variable> variables = new ArrayList<>();

    protected Optimizer(double learningRate) {
        learningRate(learningRate);
    }

    /** The class name as Keras writes it in errors: Adam, RMSprop, SGD. */
    protected String kind() {
        return getClass().getSimpleName();
    }

    /**
     * The step: {@code variable} moves against {@code gradient} (already clipped and cast to the
     * variable's dtype) by the rule of the subclass, written with ops on variables.
     * {@code learningRate} is a scalar tensor of the variable's dtype.
     */
    protected abstract void updateStep(Tensor gradient, Variable variable, Tensor learningRate);

    /** Called once per step before the per-variable updates (Nadam's momentum cache). */
    protected void beforeUpdates(List<Variable> variables) {}

    /** This optimizer's own hyperparameters, in Keras' order, for {@link #getConfig()}. */
    protected abstract void addConfig(Map<String, Object> config);

    // ---- applying ----

    /**
     * Applies one step: {@code grads.get(i)} is the gradient of {@code vars.get(i)}. Null
     * gradients are skipped with a warning, as Keras does; all null is an error.
     */
    public void applyGradients(List<Tensor> grads, List<Variable> vars) {
        if (grads.size() != vars.size()) {
            throw new IllegalArgumentException(kind() + ": got " + grads.size() + " gradients for "
                    + vars.size() + " variables; they must match one to one");
        }
        List<Tensor> g = new ArrayList<>();
        List<Variable> v = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < grads.size(); i++) {
            if (grads.get(i) == null) {
                missing.add(vars.get(i).name());
            } else {
                checkGradient(grads.get(i), vars.get(i));
                g.add(grads.get(i));
                v.add(vars.get(i));
            }
        }
        if (g.isEmpty()) {
            throw new IllegalArgumentException(kind() + ": No gradients provided for any variable.");
        }
        if (!missing.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Gradients do not exist for variables " + missing
                    + " when minimizing the loss.");
        }
        iterations(); // the counter exists before the first update reads it
        g = clip(g);
        Tensor lr = currentLearningRate();
        applyWeightDecay(v, lr);
        beforeUpdates(v);
        for (int i = 0; i < g.size(); i++) {
            DType dt = v.get(i).dtype();
            updateStep(tf.cast(g.get(i), dt), v.get(i), tf.cast(lr, dt));
        }
        iterations.assignAdd(Tensor.scalar(1L));
    }

    /** {@link #applyGradients(List, List)} for the array {@code GradientTape.gradient} returns. */
    public void applyGradients(Tensor[] grads, List<Variable> vars) {
        applyGradients(Arrays.asList(grads), vars);
    }

    /** Computes the loss under a tape, its gradients with respect to vars, applies them; returns the loss. */
    public Tensor minimize(Supplier<Tensor> loss, List<Variable> vars) {
        Tensor value;
        GradientTape tape = new GradientTape();
        try (tape) {
            value = loss.get();
        }
        applyGradients(tape.gradient(value, vars), vars);
        return value;
    }

    private void checkGradient(Tensor g, Variable v) {
        if (!g.dtype().isFloating() || !v.dtype().isFloating()) {
            throw new IllegalArgumentException(kind() + ": variable " + v.name() + " (" + v.dtype()
                    + ") and its gradient (" + g.dtype() + ") must be floating point");
        }
        if (g.shape().isFullyDefined() && !g.shape().equals(v.shape())) {
            throw new IllegalArgumentException(kind() + ": gradient of shape " + g.shape()
                    + " for variable " + v.name() + " of shape " + v.shape());
        }
    }

    private List<Tensor> clip(List<Tensor> grads) {
        if (clipnorm != null && clipnorm > 0) {
            return grads.stream().map(t -> GradientClipping.byNorm(t, clipnorm)).toList();
        } else if (globalClipnorm != null && globalClipnorm > 0) {
            return GradientClipping.byGlobalNorm(grads, globalClipnorm);
        } else if (clipvalue != null && clipvalue > 0) {
            return grads.stream().map(t -> GradientClipping.byValue(t, clipvalue)).toList();
        }
        return grads;
    }

    private void applyWeightDecay(List<Variable> vars, Tensor lr) {
        if (weightDecay == null) {
            return;
        }
        for (Variable v : vars) {
            if (usesWeightDecay(v)) {
                Tensor value = v.read();
                Tensor decay = tf.mul(tf.mul(value, Tensor.scalar(v.dtype(), weightDecay)), tf.cast(lr, v.dtype()));
                v.assign(tf.sub(value, decay));
            }
        }
    }

    private boolean usesWeightDecay(Variable v) {
        return !excludedFromWeightDecay.contains(v) && (excludedNames == null || !excludedNames.matcher(v.name()).find());
    }

    // ---- state ----

    /** The optimizer's name: Keras' snake case of the class name, made unique (adam, adam_1, ...). */
    public String name() {
        if (name == null) {
            String base = snakeCase(getClass().getSimpleName());
            int uid = NAME_UIDS.computeIfAbsent(base, k -> new AtomicInteger()).getAndIncrement();
            name = uid == 0 ? base : base + "_" + uid;
        }
        return name;
    }

    /** Keras' to_snake_case: RMSprop -> rm_sprop, AdamW -> adam_w. */
    static String snakeCase(String s) {
        s = s.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Names the optimizer (prefix of its variables); only before its variables exist. */
    public Optimizer name(String name) {
        if (iterations != null) {
            throw new IllegalStateException(kind() + ": cannot rename optimizer " + this.name
                    + " after its variables were created");
        }
        this.name = name;
        return this;
    }

    /** The number of steps applied: a non-trainable int64 scalar variable, starting at 0. */
    public Variable iterations() {
        if (iterations == null) {
            iterations = track(new Variable(Tensor.scalar(0L), name() + "/iteration", false));
            if (schedule == null) {
                learningRateVariable();
            }
        }
        return iterations;
    }

    private Variable learningRateVariable() {
        if (learningRateVariable == null) {
            learningRateVariable = track(new Variable(Tensor.scalar((float) learningRate),
                    name() + "/learning_rate", false));
        }
        return learningRateVariable;
    }

    private Variable track(Variable v) {
        variables.add(v);
        return v;
    }

    /** The optimizer's variables: iteration, learning_rate (unless scheduled), then the slots in creation order. */
    public List<Variable> variables() {
        iterations();
        return List.copyOf(variables);
    }

    /** The slot {@code slotName} of a model variable, as tf.keras' get_slot; fails if it does not exist yet. */
    public Variable slot(Variable variable, String slotName) {
        Variable s = slots.getOrDefault(variable, Map.of()).get(slotName);
        if (s == null) {
            throw new IllegalArgumentException(kind() + ": no slot '" + slotName + "' for variable "
                    + variable.name() + "; slots: " + slots.getOrDefault(variable, Map.of()).keySet());
        }
        return s;
    }

    /** The slot names that exist for a model variable, in creation order. */
    public List<String> slotNames(Variable variable) {
        return List.copyOf(slots.getOrDefault(variable, Map.of()).keySet());
    }

    /** The slot of a model variable, created (filled with zeros) on first use. */
    protected Variable slotFor(Variable variable, String slotName) {
        return slotFor(variable, slotName, 0.0);
    }

    /** The slot of a model variable, created filled with {@code initialValue} on first use. */
    protected Variable slotFor(Variable variable, String slotName, double initialValue) {
        Map<String, Variable> forVariable = slots.computeIfAbsent(variable, k -> new LinkedHashMap<>());
        Variable s = forVariable.get(slotName);
        if (s == null) {
            iterations();
            String ref = variable.name().replace('/', '_').replace(':', '_');
            Tensor init = initialValue == 0 ? tf.zeros(variable.dtype(), variable.shape().dims())
                    : tf.fill(initialValue, variable.dtype(), variable.shape().dims()).contiguous();
            s = track(new Variable(init, name() + "/" + ref + "_" + slotName, false));
            forVariable.put(slotName, s);
        }
        return s;
    }

    /** A non-slot variable of the optimizer (Nadam's u_product), tracked in {@link #variables()}. */
    protected Variable addVariable(Tensor initialValue, String variableName) {
        iterations();
        return track(new Variable(initialValue, name() + "/" + variableName, false));
    }

    /** iterations + offset, cast to dtype: Keras' {@code local_step} is {@code stepAsFloat(dt, 1)}. */
    protected Tensor step(DType dtype, long offset) {
        return tf.cast(tf.add(iterations().read(), Tensor.scalar(offset)), dtype);
    }

    // ---- hyperparameters ----

    /** The learning rate set as a number (NaN when a schedule sets it). */
    public double learningRate() {
        return schedule == null ? learningRate : Double.NaN;
    }

    public Optimizer learningRate(double learningRate) {
        if (schedule != null) {
            throw new IllegalStateException(kind() + ": this optimizer was created with a LearningRateSchedule"
                    + " as its learning_rate, hence its learning rate is not settable");
        }
        this.learningRate = Arguments.nonNegative(kind(), "learning_rate", learningRate);
        if (learningRateVariable != null) {
            learningRateVariable.assign(Tensor.scalar((float) learningRate));
        }
        return this;
    }

    /** Makes the learning rate a function of the step; only before the first step. */
    public Optimizer learningRate(LearningRateSchedule schedule) {
        if (iterations != null) {
            throw new IllegalStateException(kind() + ": set a learning rate schedule before the first step");
        }
        this.schedule = java.util.Objects.requireNonNull(schedule, "schedule");
        return this;
    }

    /** The learning rate of the coming step, as a tensor (a variable read, or the schedule at iterations). */
    public Tensor currentLearningRate() {
        Variable it = iterations();
        return schedule != null ? schedule.apply(it.read()) : learningRateVariable().read();
    }

    public Double weightDecay() {
        return weightDecay;
    }

    /** Decoupled weight decay: before each update, {@code variable -= variable * weight_decay * lr}. */
    public Optimizer weightDecay(Double weightDecay) {
        this.weightDecay = weightDecay == null ? null : Arguments.nonNegative(kind(), "weight_decay", weightDecay);
        return this;
    }

    /** Variables (by identity) and name patterns (regex found in the name) that weight decay skips. */
    public Optimizer excludeFromWeightDecay(List<Variable> vars, List<String> names) {
        excludedFromWeightDecay.addAll(vars);
        excludedNames = names.isEmpty() ? null : Pattern.compile(String.join("|", names));
        return this;
    }

    public Double clipnorm() {
        return clipnorm;
    }

    /** Clips each gradient to this L2 norm. */
    public Optimizer clipnorm(Double clipnorm) {
        this.clipnorm = clipArgument("clipnorm", clipnorm);
        return this;
    }

    public Double clipvalue() {
        return clipvalue;
    }

    /** Clips each gradient element to [-clipvalue, clipvalue]. */
    public Optimizer clipvalue(Double clipvalue) {
        this.clipvalue = clipArgument("clipvalue", clipvalue);
        return this;
    }

    public Double globalClipnorm() {
        return globalClipnorm;
    }

    /** Scales all gradients together so that their global L2 norm is at most this. */
    public Optimizer globalClipnorm(Double globalClipnorm) {
        this.globalClipnorm = clipArgument("global_clipnorm", globalClipnorm);
        return this;
    }

    private Double clipArgument(String argument, Double value) {
        if (value == null) {
            return null;
        }
        Arguments.nonNegative(kind(), argument, value);
        Double[] others = switch (argument) {
            case "clipnorm" -> new Double[] {clipvalue, globalClipnorm};
            case "clipvalue" -> new Double[] {clipnorm, globalClipnorm};
            default -> new Double[] {clipnorm, clipvalue};
        };
        if (others[0] != null || others[1] != null) {
            throw new IllegalArgumentException(kind() + ": Only one of `clipnorm`, `clipvalue` and"
                    + " `global_clipnorm` can be set. Received: " + argument + "=" + value
                    + " with clipnorm=" + clipnorm + ", clipvalue=" + clipvalue
                    + ", global_clipnorm=" + globalClipnorm);
        }
        return value;
    }

    /**
     * The configuration under Keras' keys and in Keras' order; {@code learning_rate} is the
     * float32 value Keras stores (0.001 shows as 0.0010000000474974513, as in Keras).
     */
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        c.put("learning_rate", schedule != null ? schedule.getConfig() : (double) (float) learningRate);
        c.put("weight_decay", weightDecay);
        c.put("clipnorm", clipnorm);
        c.put("global_clipnorm", globalClipnorm);
        c.put("clipvalue", clipvalue);
        c.put("use_ema", false);
        c.put("ema_momentum", 0.99);
        c.put("ema_overwrite_frequency", null);
        c.put("loss_scale_factor", null);
        c.put("gradient_accumulation_steps", null);
        addConfig(c);
        return Collections.unmodifiableMap(c);
    }

    @Override
    public String toString() {
        return "<" + kind() + " " + getConfig() + ">";
    }
}
