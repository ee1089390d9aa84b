package dev.horn.keras.callbacks;

import java.util.Locale;

/**
 * Which way a monitored quantity improves, as Keras decides it for EarlyStopping,
 * ReduceLROnPlateau and ModelCheckpoint: {@code mode="auto"} means "max" for accuracies and AUC
 * and "min" for everything else (losses).
 */
enum Monitor {
    MIN, MAX;

    static Monitor of(String mode, String monitor) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "min" -> MIN;
            case "max" -> MAX;
            case "auto" -> monitor.endsWith("acc") || monitor.endsWith("accuracy") || monitor.endsWith("auc")
                    || monitor.startsWith("fmeasure") ? MAX : MIN;
            default -> throw new IllegalArgumentException("mode must be \"auto\", \"min\" or \"max\", got \"" + mode + "\"");
        };
    }

    /** Whether {@code current} beats {@code reference} by more than {@code minDelta}. */
    boolean improves(double current, double reference, double minDelta) {
        double delta = Math.abs(minDelta);
        return this == MIN ? current + delta < reference : current - delta > reference;
    }

    /** The value every real value improves on. */
    double worst() {
        return this == MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
}
