package dev.horn.runs;

/** A tracked run whose script failed; the run directory keeps its output and {@code error.json}. */
public final class RunFailedException extends RuntimeException {
    private final transient RunRecord run;

    public RunFailedException(RunRecord run, String message) {
        super(message);
        this.run = run;
    }

    public RunRecord run() {
        return run;
    }
}
