// The seeds' first Keras model, in Java: a 784-512-10 network learns MNIST's handwritten digits.
//
//   ./horn run examples/keras/MnistMlp.java
//
// Line for line the R of "Introduction to Keras": dataset_mnist(), array_reshape(), / 255,
// to_categorical(), keras_model_sequential() %>% layer_dense(...), compile(), fit() with a
// validation split, print(history), plot(history), evaluate(). It prints the model summary,
// Keras' progress bar, the history and the test accuracy, and writes the history plot.
import java.nio.file.Path;

import static dev.horn.keras.Keras.*;

void main() {
    setRandomSeed(42); // the same weights, dropout and shuffling at every run
    var mnist = datasetMnist();
    // 60,000 images of 28 x 28 pixels (0-255) become rows of 784 values in [0, 1]
    var trainImages = arrayReshape(mnist.train().x(), 60000, 28 * 28).div(255);
    var testImages = arrayReshape(mnist.test().x(), 10000, 28 * 28).div(255);
    var trainLabels = toCategorical(mnist.train().y(), 10);
    var testLabels = toCategorical(mnist.test().y(), 10);

    var network = sequential(
            layerDense(512).activation("relu").inputShape(28 * 28),
            layerDense(10).activation("softmax"));
    network.summary();

    network.compile(optimizerRmsprop(), "categorical_crossentropy", "accuracy");
    var history = network.fit(trainImages, trainLabels, epochs(5), batchSize(128), validationSplit(0.2));
    System.out.println(history);
    Path plot = Path.of("mnist-mlp-history.png");
    history.plot(plot);
    System.out.println("history plot: " + plot.toAbsolutePath());

    var metrics = network.evaluate(testImages, testLabels, verbose(0));
    System.out.printf("test loss: %.4f, test accuracy: %.4f%n", metrics.get("loss"), metrics.get("accuracy"));
}
