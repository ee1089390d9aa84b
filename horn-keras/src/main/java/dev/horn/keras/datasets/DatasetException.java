package dev.horn.keras.datasets;

/** A data set file that is missing, truncated or not in the format it should be; the message names the file. */
public final class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
