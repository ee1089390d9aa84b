package dev.horn.graph.compiler;

/**
 * Which passes the graph compiler runs; all on by default. Benchmarks and tests switch them
 * off one at a time to measure or isolate each.
 *
 * @param bufferPlanning reuse dead intermediates' buffers (and write element-wise results in place)
 */
public record CompilerOptions(boolean constantFolding, boolean commonSubexpressions, boolean fusion,
                              boolean bufferPlanning) {
    public static final CompilerOptions ALL = new CompilerOptions(true, true, true, true);
    public static final CompilerOptions NONE = new CompilerOptions(false, false, false, false);

    public CompilerOptions withFusion(boolean on) {
        return new CompilerOptions(constantFolding, commonSubexpressions, on, bufferPlanning);
    }

    public CompilerOptions withBufferPlanning(boolean on) {
        return new CompilerOptions(constantFolding, commonSubexpressions, fusion, on);
    }
}
