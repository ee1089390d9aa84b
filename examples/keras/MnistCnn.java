// A convolutional network learns MNIST: Keras' classic mnist_cnn example, in Java.
//
//   ./horn run examples/keras/MnistCnn.java [EPOCHS]
//
// The R keras version: x reshaped to (n, 28, 28, 1) and scaled to [0, 1], to_categorical()
// labels, layer_conv_2d(32, c(3, 3), relu) -> layer_conv_2d(64, c(3, 3), relu) ->
// layer_max_pooling_2d(c(2, 2)) -> layer_dropout(0.25) -> layer_flatten() -> layer_dense(128,
// relu) -> layer_dropout(0.5) -> layer_dense(10, softmax). The R example trains 12 epochs with
// Adadelta (learning rate 1.0 in old Keras); Adam at Keras' defaults passes 99% test accuracy
// in 3 epochs, so that is what this script runs.
import static dev.horn.keras.Keras.*;

void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    setRandomSeed(42);
    var mnist = datasetMnist();
    var xTrain = arrayReshape(mnist.train().x(), 60000, 28, 28, 1).div(255);
    var xTest = arrayReshape(mnist.test().x(), 10000, 28, 28, 1).div(255);
    var yTrain = toCategorical(mnist.train().y(), 10);
    var yTest = toCategorical(mnist.test().y(), 10);

    var model = sequential(
            layerConv2d(32, 3).activation("relu").inputShape(28, 28, 1),
            layerConv2d(64, 3).activation("relu"),
            layerMaxPooling2d(2),
            layerDropout(0.25),
            layerFlatten(),
            layerDense(128).activation("relu"),
            layerDropout(0.5),
            layerDense(10).activation("softmax"));
    model.summary();

    model.compile(optimizerAdam(), "categorical_crossentropy", "accuracy");
    var history = model.fit(xTrain, yTrain, epochs(epochs), batchSize(128), validationSplit(0.1));
    System.out.println(history);

    var metrics = model.evaluate(xTest, yTest, verbose(0));
    System.out.printf("test loss: %.4f, test accuracy: %.4f%n", metrics.get("loss"), metrics.get("accuracy"));
}
