/**
 * Tracked training runs, as R's tfruns: {@link dev.horn.runs.Runs#trainingRun} runs a script in
 * its own JVM and records it in a run directory ({@link dev.horn.runs.RunDir}: tfruns'
 * {@code tfruns.d/} layout); {@link dev.horn.runs.Flags} declares a script's hyper-parameters;
 * {@link dev.horn.runs.Runs#lsRuns} returns {@link dev.horn.runs.RunRecord} rows with tfruns'
 * columns, selected by a {@link dev.horn.runs.RunQuery}; {@link dev.horn.runs.TuningRun} runs a
 * grid of flag values. Keras records into the run with no code in the script: horn-keras calls its
 * {@code RunRecorder} hook, which this module implements.
 *
 * <p>Contract: every file of a run directory is replaced atomically, so readers (the listing,
 * the dashboard) never see half a file; a run directory that cannot be read is listed as
 * corrupt, never an exception.
 */
package dev.horn.runs;
