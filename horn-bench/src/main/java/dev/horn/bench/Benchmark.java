package dev.horn.bench;

import java.util.Map;

/**
 * One benchmark that {@code ./horn bench NAME} can run. It measures Horn and, where there is one,
 * its peer in the same run (so the ratio survives a noisy machine) and returns rows of a table;
 * {@link Bench} prints them and writes them as JSON. To add one, implement this and add a line to
 * {@link Bench#BENCHMARKS}.
 */
public interface Benchmark {
    /** The name on the command line, lower case with dashes: {@code gemm}, {@code mnist-mlp}. */
    String name();

    /** One line for {@code ./horn bench list}. */
    String description();

    /** The options it reads, name (without {@code --}) to help text; {@link Bench} rejects others. */
    default Map<String, String> options() {
        return Map.of();
    }

    /** Runs it once. {@code options.flag("quick")} asks for a run of seconds rather than minutes. */
    Report run(Options options) throws Exception;
}
