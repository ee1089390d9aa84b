package dev.horn.runs;

/** How a run stands, as the listing shows it. */
public enum RunStatus {
    /** The script ran to the end. */
    COMPLETED,
    /** The script failed; {@code error.json} says why. */
    FAILED,
    /** Its supervising process is still alive and has not recorded an end. */
    RUNNING,
    /** No end was recorded and the process that ran it is gone (killed, machine stopped). */
    ABORTED,
    /** Its files cannot be read (malformed JSON, missing properties). */
    CORRUPT;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
