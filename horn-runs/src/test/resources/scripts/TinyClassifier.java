// A small model for the tests of tracked runs: 400 points in the plane, the class is which side of
// a line they lie on; a 2-units-1 network learns it in a few epochs, in a second or two.
import java.nio.file.Path;
import java.util.Random;

import static dev.horn.keras.Keras.*;
import static dev.horn.runs.Flags.*;

void main() {
    var FLAGS = flags(
            flagInteger("epochs", 4),
            flagInteger("units", 8),
            flagNumeric("learning_rate", 0.05),
            flagString("activation", "relu"),
            flagBoolean("fail", false),
            flagInteger("epoch_pause_ms", 0));
    setRandomSeed(7);
    int n = 400;
    var random = new Random(7);
    float[] x = new float[n * 2];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
        x[2 * i] = (float) random.nextGaussian();
        x[2 * i + 1] = (float) random.nextGaussian();
        y[i] = x[2 * i] + 0.5f * x[2 * i + 1] > 0 ? 1 : 0;
    }
    var features = dev.horn.Tensor.of(x, n, 2);
    var labels = dev.horn.Tensor.of(y, n, 1);

    var model = sequential(
            layerDense(FLAGS.integer("units")).activation(FLAGS.string("activation")).inputShape(2),
            layerDense(1).activation("sigmoid"));
    model.compile(optimizerAdam(FLAGS.numeric("learning_rate")), "binary_crossentropy", "accuracy");
    int pause = FLAGS.integer("epoch_pause_ms");
    var slowDown = callbackLambda().onEpochEnd((epoch, logs) -> {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });
    var history = model.fit(features, labels, epochs(FLAGS.integer("epochs")), batchSize(32),
            validationSplit(0.25), callbacks(slowDown));
    if (FLAGS.bool("fail")) {
        throw new IllegalStateException("asked to fail after training");
    }
    history.plot(Path.of("tiny-history.png"));
    var result = model.evaluate(features, labels, verbose(0));
    System.out.printf("test accuracy: %.4f%n", result.get("accuracy"));
}
