package dev.horn.keras.datasets;

/** A data set's training and test parts, as the {@code list(train = ..., test = ...)} of R's {@code dataset_*()}. */
public record TrainTest(Split train, Split test) {
}
