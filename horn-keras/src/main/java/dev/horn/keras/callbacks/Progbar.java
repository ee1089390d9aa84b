package dev.horn.keras.callbacks;

import dev.horn.keras.internal.PyFormat;
import java.io.Flushable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The progress bar of Keras 2 ({@code keras.utils.Progbar}, tf.keras 2.6-2.15), character for
 * character:
 * <pre>
 * 469/469 [==============================] - 2s 4ms/step - loss: 0.2551 - accuracy: 0.9263
 * </pre>
 * {@snippet :
 * var bar = Progbar.builder().target(469).build();
 * for (int step = 1; step <= 469; step++) {
 *     bar.update(step, Map.of("loss", lossOfThisStep));
 * }
 * }
 *
 * <p>Verbose 1 redraws one line: on a terminal ({@link Builder#dynamicDisplay}) with backspaces
 * and a carriage return, elsewhere (a log file, a notebook capture, R's console) as one new line
 * per redraw, each starting with {@code \n}, at most one per {@code interval} seconds. While
 * running, the line ends in {@code ETA: 5s} / {@code ETA: 1:02} / {@code ETA: 1:02:03}; the final
 * line shows the elapsed seconds and the time per step ({@code s}, {@code ms} or {@code us}).
 * Verbose 2 prints one line when finished: {@code 469/469 - 2s - loss: 0.2551 - 2s/epoch - 4ms/step}.
 *
 * <p>Values are averaged over the steps seen (weighted by the steps each update covers) unless
 * their name is a stateful metric, shown as given. Keras 2's {@code fit} passes every compiled
 * metric and the loss as stateful (their running means come from the metric objects); names it
 * does not know, such as {@code val_loss} on the last update, are averaged over that one update.
 * Values print with {@code %.4f}, or {@code %.4e} when their magnitude is at most 1e-3.
 *
 * <p>The clock ({@link System#nanoTime()} unless given) and the output ({@link System#out}
 * unless given) are injectable, so tests compare exact strings.
 */
public final class Progbar {
    private final int width;
    private final int verbose;
    private final double interval;
    private final String unitName;
    private final Set<String> statefulMetrics;
    private final boolean dynamicDisplay;
    private final Appendable out;
    private final LongSupplier clock;

    private Integer currentTarget;
    private int totalWidth;
    private int seenSoFar;
    private final Map<String, double[]> values = new HashMap<>();
    private final List<String> valuesOrder = new ArrayList<>();
    private final double start;
    private double lastUpdate = Double.NEGATIVE_INFINITY;
    private double timeAtEpochStart;
    private Double timeAtEpochEnd;
    private Double timeAfterFirstStep;

    private Progbar(Builder b) {
        if (b.target != null && b.target <= 0) {
            throw new IllegalArgumentException("Progbar: target must be positive (or unknown), got " + b.target);
        }
        if (b.verbose < 0 || b.verbose > 2) {
            throw new IllegalArgumentException("Progbar: verbose must be 0, 1 or 2, got " + b.verbose);
        }
        this.currentTarget = b.target;
        this.width = b.width;
        this.verbose = b.verbose;
        this.interval = b.interval;
        this.unitName = b.unitName;
        this.statefulMetrics = new HashSet<>(b.statefulMetrics);
        this.out = b.out;
        this.clock = b.clock;
        this.dynamicDisplay = b.dynamicDisplay != null ? b.dynamicDisplay : b.out == System.out && isTerminal();
        this.start = now();
        this.timeAtEpochStart = start;
    }

    /** A progress bar with Keras' defaults: width 30, verbose 1, interval 0.05 s, unit "step". */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether standard output is an interactive terminal, where the bar redraws in place. */
    public static boolean isTerminal() {
        var console = System.console();
        return console != null && console.isTerminal();
    }

    /** The target, or null while unknown. */
    public Integer target() {
        return currentTarget;
    }

    /** Sets a target that was unknown when the bar was made (Keras sets it at the end of the first epoch). */
    public void setTarget(int target) {
        if (target <= 0) {
            throw new IllegalArgumentException("Progbar: target must be positive, got " + target);
        }
        this.currentTarget = target;
    }

    /** Adds names whose values are shown as given rather than averaged. */
    public void addStatefulMetrics(Collection<String> names) {
        statefulMetrics.addAll(names);
    }

    /** {@link #update(int, Map, Boolean)} finalising when {@code current} reaches the target. */
    public void update(int current, Map<String, ? extends Number> values) {
        update(current, values, null);
    }

    /**
     * Moves the bar to step {@code current} with the values of the last step, in the map's
     * iteration order (use a {@code LinkedHashMap}); {@code finalize} null means
     * {@code current >= target}. A final update ends the line.
     */
    public void update(int current, Map<String, ? extends Number> newValues, Boolean finalize) {
        boolean last = finalize != null ? finalize : currentTarget != null && current >= currentTarget;
        record(current, newValues == null ? Map.of() : newValues);
        double now = now();
        String info = " - " + PyFormat.fixed(now - start, 0) + "s";
        if (currentTarget != null && current == currentTarget) {
            timeAtEpochEnd = now;
        }
        if (verbose == 1) {
            if (now - lastUpdate < interval && !last) {
                return;
            }
            write(verboseOne(current, now, info, last));
        } else if (verbose == 2 && last && currentTarget != null) {
            write(verboseTwo(current, now, info));
        }
        lastUpdate = now;
    }

    /** Advances the bar by {@code n} steps. */
    public void add(int n, Map<String, ? extends Number> newValues) {
        update(seenSoFar + n, newValues);
    }

    private void record(int current, Map<String, ? extends Number> newValues) {
        for (var e : newValues.entrySet()) {
            String k = e.getKey();
            double v = e.getValue().doubleValue();
            if (!valuesOrder.contains(k)) {
                valuesOrder.add(k);
            }
            if (!statefulMetrics.contains(k)) {
                // at least 1: with an unknown target the last batch and the epoch end report the same step
                int base = Math.max(current - seenSoFar, 1);
                double[] acc = values.get(k);
                if (acc == null) {
                    values.put(k, new double[] {v * base, base});
                } else {
                    acc[0] += v * base;
                    acc[1] += base;
                }
            } else {
                values.put(k, new double[] {v, 1});
            }
        }
        seenSoFar = current;
    }

    private String verboseOne(int current, double now, String info, boolean last) {
        StringBuilder message = new StringBuilder();
        int prevTotalWidth = totalWidth;
        if (dynamicDisplay) {
            message.append("\b".repeat(prevTotalWidth)).append('\r');
        } else {
            message.append('\n');
        }
        String bar;
        if (currentTarget != null) {
            int digits = String.valueOf(currentTarget).length();
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%" + digits + "d/%d [", current, currentTarget));
            double prog = (double) current / currentTarget;
            int progWidth = (int) (width * prog);
            if (progWidth > 0) {
                b.append("=".repeat(progWidth - 1)).append(current < currentTarget ? '>' : '=');
            }
            b.append(".".repeat(Math.max(0, width - progWidth))).append(']');
            bar = b.toString();
        } else {
            bar = String.format(Locale.ROOT, "%7d/Unknown", current);
        }
        totalWidth = length(bar);
        message.append(bar);

        double timePerUnit = estimateStepDuration(current, now);
        StringBuilder text = new StringBuilder();
        if (currentTarget == null || last) {
            text.append(info).append(formatTime(timePerUnit, unitName));
        } else {
            text.append(" - ETA: ").append(formatEta(timePerUnit * (currentTarget - current)));
        }
        for (String k : valuesOrder) {
            double[] acc = values.get(k);
            double avg = acc[0] / Math.max(1, acc[1]);
            text.append(" - ").append(k).append(": ")
                    .append(Math.abs(avg) > 1e-3 ? PyFormat.fixed(avg, 4) : PyFormat.exponent(avg, 4));
        }
        totalWidth += length(text);
        if (prevTotalWidth > totalWidth) {
            text.append(" ".repeat(prevTotalWidth - totalWidth));
        }
        if (last) {
            text.append('\n');
        }
        return message.append(text).toString();
    }

    private String verboseTwo(int current, double now, String info) {
        int digits = String.valueOf(currentTarget).length();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%" + digits + "d/%d", current, currentTarget)).append(info);
        for (String k : valuesOrder) {
            double[] acc = values.get(k);
            double avg = acc[0] / Math.max(1, acc[1]);
            // Keras 2 tests avg > 1e-3 here, not abs(avg) as verbose 1 does: negative values print as %.4e
            text.append(" - ").append(k).append(": ").append(avg > 1e-3 ? PyFormat.fixed(avg, 4) : PyFormat.exponent(avg, 4));
        }
        // only a bar that reached its target knows the epoch's duration (and only then ends its line, as Keras 2)
        if (timeAtEpochEnd != null) {
            double timePerEpoch = timeAtEpochEnd - timeAtEpochStart;
            double perStep = timePerEpoch / currentTarget;
            timeAtEpochStart = now;
            timeAtEpochEnd = null;
            text.append(" -").append(formatTime(timePerEpoch, "epoch"));
            text.append(" -").append(formatTime(perStep, unitName));
            text.append('\n');
        }
        return text.toString();
    }

    /** The time of one step: after the first step, the first (usually slow, it compiles) step is left out. */
    private double estimateStepDuration(int current, double now) {
        if (current == 0) {
            return 0;
        }
        double timePerUnit = timeAfterFirstStep != null && current > 1
                ? (now - timeAfterFirstStep) / (current - 1)
                : (now - start) / current;
        if (current == 1) {
            timeAfterFirstStep = now;
        }
        return timePerUnit;
    }

    /** {@code " 4ms/step"}: seconds at 1 s and above (and for 0), else milli- or microseconds. */
    static String formatTime(double timePerUnit, String unitName) {
        if (timePerUnit >= 1 || timePerUnit == 0) {
            return " " + PyFormat.fixed(timePerUnit, 0) + "s/" + unitName;
        } else if (timePerUnit >= 1e-3) {
            return " " + PyFormat.fixed(timePerUnit * 1000.0, 0) + "ms/" + unitName;
        }
        return " " + PyFormat.fixed(timePerUnit * 1000000.0, 0) + "us/" + unitName;
    }

    /** {@code 5s}, {@code 1:02} above a minute, {@code 1:02:03} above an hour; seconds truncated as Python's {@code %d}. */
    static String formatEta(double eta) {
        if (eta > 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", (long) Math.floor(eta / 3600), (long) Math.floor((eta % 3600) / 60), (long) (eta % 60));
        } else if (eta > 60) {
            return String.format(Locale.ROOT, "%d:%02d", (long) Math.floor(eta / 60), (long) (eta % 60));
        }
        return (long) eta + "s";
    }

    private double now() {
        return clock.getAsLong() / 1e9;
    }

    private static int length(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }

    private void write(String message) {
        try {
            out.append(message);
            if (out instanceof Flushable f) {
                f.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Progbar: cannot write the progress bar", e);
        }
    }

    /** Keras' constructor arguments, plus where to write, what clock to read, and whether to redraw in place. */
    public static final class Builder {
        private Integer target;
        private int width = 30;
        private int verbose = 1;
        private double interval = 0.05;
        private String unitName = "step";
        private Set<String> statefulMetrics = Set.of();
        private Boolean dynamicDisplay;
        private Appendable out = System.out;
        private LongSupplier clock = System::nanoTime;

        private Builder() {
        }

        /** The number of steps; leave unset when unknown (the bar then shows {@code 12/Unknown}). */
        public Builder target(Integer target) {
            this.target = target;
            return this;
        }

        public Builder width(int width) {
            this.width = width;
            return this;
        }

        /** 0 silent, 1 the bar, 2 one line at the end. */
        public Builder verbose(int verbose) {
            this.verbose = verbose;
            return this;
        }

        /** Minimum seconds between two redraws at verbose 1. */
        public Builder interval(double seconds) {
            this.interval = seconds;
            return this;
        }

        public Builder unitName(String unitName) {
            this.unitName = Objects.requireNonNull(unitName);
            return this;
        }

        /** Names whose values are shown as given instead of averaged over the steps. */
        public Builder statefulMetrics(Collection<String> names) {
            this.statefulMetrics = Set.copyOf(names);
            return this;
        }

        /** Redraw in place with backspaces and {@code \r} (a terminal) or print new lines; default: whether the output is System.out on a terminal. */
        public Builder dynamicDisplay(boolean dynamic) {
            this.dynamicDisplay = dynamic;
            return this;
        }

        /** Where the bar is written (a {@link PrintStream}, a {@link StringBuilder}, a writer). */
        public Builder output(Appendable out) {
            this.out = Objects.requireNonNull(out);
            return this;
        }

        /** A clock in nanoseconds, {@link System#nanoTime()} by default. */
        public Builder clock(LongSupplier nanoClock) {
            this.clock = Objects.requireNonNull(nanoClock);
            return this;
        }

        public Progbar build() {
            return new Progbar(this);
        }
    }
}
