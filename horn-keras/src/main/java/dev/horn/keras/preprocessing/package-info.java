/**
 * Reading images from files into tensors, as Keras' {@code keras.utils.load_img} /
 * {@code img_to_array} and {@code image_dataset_from_directory} (R: {@code image_load},
 * {@code image_to_array}, {@code image_dataset_from_directory}). Pixels come out as float32 in
 * 0-255, height × width × channels, the layout Keras' image layers take; scale them with a
 * {@code Rescaling(1 / 255)} layer or {@code .div(255)}.
 * {@snippet :
 * var train = imageDatasetFromDirectory(Path.of("flowers")).imageSize(180, 180)
 *         .validationSplit(0.2).subset("training").seed(123).load();
 * model.fit(train.images(), train.labels(), epochs(3), batchSize(train.batchSize()));
 * }
 */
package dev.horn.keras.preprocessing;
