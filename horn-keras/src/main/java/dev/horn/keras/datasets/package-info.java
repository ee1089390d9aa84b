/**
 * Data sets by Keras name, loaded offline: {@link dev.horn.keras.datasets.Mnist#load()} returns a
 * {@link dev.horn.keras.datasets.TrainTest} of {@link dev.horn.keras.datasets.Split}s, as R's
 * {@code dataset_mnist()} returns {@code list(train = list(x, y), test = list(x, y))}.
 *
 * <p>Files come from the user's cache directory first, then from the copies shipped on the class
 * path ({@link dev.horn.keras.datasets.DatasetFiles}); nothing is downloaded. Every loader checks
 * the file format and fails with a {@link dev.horn.keras.datasets.DatasetException} that names the
 * file. Pixel data is int32 since Horn has no uint8 dtype.
 */
package dev.horn.keras.datasets;
