package dev.horn.runs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code ls_runs}: a run's columns under tfruns' names, in tfruns' order
 * ({@code run_dir}, {@code eval_*}, {@code metric_*}, {@code flag_*}, {@code samples},
 * {@code validation_samples}, {@code batch_size}, {@code epochs}, {@code epochs_completed},
 * {@code metrics}, {@code model}, {@code loss_function}, {@code optimizer},
 * {@code learning_rate}, {@code script}, {@code start}, {@code end}, {@code completed},
 * {@code output}, {@code error_message}, {@code source_code}, {@code context}, {@code type},
 * then {@code status}). Values are Double, Integer, Boolean or String; a column a run lacks is absent.
 */
public final class RunRecord {
    private final RunDir dir;
    private final RunStatus status;
    private final Map<String, Object> columns;
    private final double startSeconds;

    RunRecord(RunDir dir, RunStatus status, Map<String, Object> columns, double startSeconds) {
        this.dir = dir;
        this.status = status;
        this.startSeconds = startSeconds;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public RunDir dir() {
        return dir;
    }

    public RunStatus status() {
        return status;
    }

    /** run_dir as listed: relative to the working directory when under it. */
    public String runDir() {
        return (String) columns.get("run_dir");
    }

    public Map<String, Object> columns() {
        return columns;
    }

    public Object get(String column) {
        return columns.get(column);
    }

    /** A numeric column, or NaN when the run has no such number. */
    public double number(String column) {
        return columns.get(column) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The start time in seconds since the epoch (0 when unknown), which orders runs by default. */
    double startSeconds() {
        return startSeconds;
    }

    @Override
    public String toString() {
        return runDir() + " (" + status + ")";
    }
}
