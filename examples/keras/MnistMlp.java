// The seeds' first Keras model, in Java: a 784-512-10 network learns MNIST's handwritten digits.
//
//   ./horn run examples/keras/MnistMlp.java                      # a tracked run in runs/
//   ./horn run examples/keras/MnistMlp.java --flag epochs=2      # the same with 2 epochs
//   ./horn tune examples/keras/MnistMlp.java --flag dropout=0.1,0.2 --flag units=256,512
//
// Its hyper-parameters are tfruns flags (epochs, batch_size, units, dropout, learning_rate), so a
// run or a tuning run changes them without editing this file; the defaults are the seed's.
// Line for line the R of "Introduction to Keras": dataset_mnist(), array_reshape(), / 255,
// to_categorical(), keras_model_sequential() %>% layer_dense(...), compile(), fit() with a
// validation split, print(history), plot(history), evaluate(). It prints the model summary,
// Keras' progress bar, the history and the test accuracy, and writes the history plot.
import java.nio.file.Path;

import static dev.horn.keras.Keras.*;
import static dev.horn.runs.Flags.*;

void main() {
    var FLAGS = flags(
            flagInteger("epochs", 5),
            flagInteger("batch_size", 128),
            flagInteger("units", 512),
            flagNumeric("dropout", 0.0), // the seed has none; > 0 adds a dropout layer after the hidden one
            flagNumeric("learning_rate", 0.001)); // RMSprop's default
    setRandomSeed(42); // the same weights, dropout and shuffling at every run
    var mnist = datasetMnist();
    // 60,000 images of 28 x 28 pixels (0-255) become rows of 784 values in [0, 1]
    var trainImages = arrayReshape(mnist.train().x(), 60000, 28 * 28).div(255);
    var testImages = arrayReshape(mnist.test().x(), 10000, 28 * 28).div(255);
    var trainLabels = toCategorical(mnist.train().y(), 10);
    var testLabels = toCategorical(mnist.test().y(), 10);

    var network = sequential(layerDense(FLAGS.integer("units")).activation("relu").inputShape(28 * 28));
    if (FLAGS.numeric("dropout") > 0) {
        network.add(layerDropout(FLAGS.numeric("dropout")));
    }
    network.add(layerDense(10).activation("softmax"));
    network.summary();

    network.compile(optimizerRmsprop(FLAGS.numeric("learning_rate")), "categorical_crossentropy", "accuracy");
    var history = network.fit(trainImages, trainLabels, epochs(FLAGS.integer("epochs")),
            batchSize(FLAGS.integer("batch_size")), validationSplit(0.2));
    System.out.println(history);
    Path plot = Path.of("mnist-mlp-history.png");
    history.plot(plot);
    System.out.println("history plot: " + plot.toAbsolutePath());

    var metrics = network.evaluate(testImages, testLabels, verbose(0));
    System.out.printf("test loss: %.4f, test accuracy: %.4f%n", metrics.get("loss"), metrics.get("accuracy"));
}
