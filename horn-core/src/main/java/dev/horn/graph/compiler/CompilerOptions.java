package dev.horn.graph.compiler;

/**
 * Which passes the graph compiler runs; all on by default. Benchmarks and tests switch them
 * off one at a time to measure or isolate each.
 *
 * @param bufferPlanning reuse dead intermediates' buffers (and write element-wise results in place)
 * @param parallelSchedule run independent steps side by side on Horn's cores when they are small
 *                         enough not to split across the cores by themselves (off: one after
 *                         another, in program order); results are the same either way
 */
public record CompilerOptions(boolean constantFolding, boolean commonSubexpressions, boolean fusion,
                              boolean bufferPlanning, boolean parallelSchedule) {
    /**
     * Every pass; the parallel schedule unless the system property {@code horn.parallelSchedule}
     * is {@code false} (to compare, or where helper threads do not pay).
     */
    public static final CompilerOptions ALL = new CompilerOptions(true, true, true, true,
            Boolean.parseBoolean(System.getProperty("horn.parallelSchedule", "true")));
    public static final CompilerOptions NONE = new CompilerOptions(false, false, false, false, false);

    public CompilerOptions withFusion(boolean on) {
        return new CompilerOptions(constantFolding, commonSubexpressions, on, bufferPlanning, parallelSchedule);
    }

    public CompilerOptions withBufferPlanning(boolean on) {
        return new CompilerOptions(constantFolding, commonSubexpressions, fusion, on, parallelSchedule);
    }

    public CompilerOptions withParallelSchedule(boolean on) {
        return new CompilerOptions(constantFolding, commonSubexpressions, fusion, bufferPlanning, on);
    }
}
