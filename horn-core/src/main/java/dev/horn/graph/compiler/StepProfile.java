package dev.horn.graph.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where compiled programs spend their time, for finding the slow kernel of a training step: with
 * {@code -Dhorn.profile=true} every step's wall time is added up per op (name and attributes,
 * input shapes) and the table is printed to standard error when the JVM exits. Off by default,
 * and then it costs one branch per step.
 */
public final class StepProfile {
    static final boolean ENABLED = Boolean.getBoolean("horn.profile");
    private static final Map<String, LongAdder[]> TOTALS = new ConcurrentHashMap<>();

    static {
        if (ENABLED) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.print(table())));
        }
    }

    private StepProfile() {}

    /** Adds a kernel's time under its op (with attributes) and output shapes. */
    static void add(dev.horn.ops.Op op, dev.horn.TensorSpec[] outputs, long nanos) {
        StringBuilder key = new StringBuilder(op.toString()).append(" ->");
        for (dev.horn.TensorSpec o : outputs) {
            key.append(' ').append(o.shape());
        }
        add(key.toString(), nanos);
    }

    private static void add(String key, long nanos) {
        LongAdder[] t = TOTALS.computeIfAbsent(key, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        t[0].add(nanos);
        t[1].increment();
    }

    /** The totals so far, slowest first: milliseconds, calls, microseconds per call, op. */
    public static String table() {
        List<Map.Entry<String, LongAdder[]>> rows = new ArrayList<>(TOTALS.entrySet());
        rows.sort((a, b) -> Long.compare(b.getValue()[0].sum(), a.getValue()[0].sum()));
        long all = rows.stream().mapToLong(e -> e.getValue()[0].sum()).sum();
        StringBuilder sb = new StringBuilder(String.format("%n%10s %6s %8s %10s  %s%n", "ms", "%", "calls", "us/call", "op"));
        for (Map.Entry<String, LongAdder[]> e : rows) {
            long ns = e.getValue()[0].sum();
            long calls = e.getValue()[1].sum();
            sb.append(String.format("%10.1f %6.1f %8d %10.1f  %s%n", ns / 1e6, 100.0 * ns / Math.max(1, all), calls,
                    ns / 1e3 / Math.max(1, calls), e.getKey()));
        }
        return sb.toString();
    }
}
