package dev.horn.bench;

import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.bench.peers.PeerRunner;
import dev.horn.keras.Keras;
import dev.horn.keras.datasets.TrainTest;
import dev.horn.keras.models.Sequential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.*;

/**
 * Keras' mnist_cnn (examples/keras/MnistCnn.java: conv 32 3x3 relu → conv 64 3x3 relu → max
 * pool 2 → dropout 0.25 → flatten → dense 128 relu → dropout 0.5 → dense 10 softmax, Adam,
 * batch 128) trained by Horn and by TensorFlow Java and DJL's PyTorch engine in the same run:
 * seconds per epoch after the first (the only epoch when there is one). {@code --train=N}
 * trains on the first N images for a short run; the peers get the same subset.
 */
public final class MnistCnnBench implements Benchmark {
    private static final int BATCH = 128;
    private static final List<String> PEERS = List.of("tensorflow-java", "djl-pytorch");

    @Override
    public String name() {
        return "mnist-cnn";
    }

    @Override
    public String description() {
        return "Keras' mnist_cnn: seconds per epoch for Horn, TensorFlow Java and DJL (PyTorch)";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("epochs", "epochs per framework (default 2; --quick: 1)");
        o.put("train", "training images, the first N of 60,000 (default all; --quick: 12800)");
        o.put("peers", "comma-separated peers to run, 'all' (default) or 'none': " + PEERS);
        return o;
    }

    @Override
    public Report run(Options options) throws Exception {
        boolean quick = options.flag("quick");
        int epochs = options.integer("epochs", quick ? 1 : 2);
        int train = Math.min(60000, options.integer("train", quick ? 12800 : 60000));
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> horn = horn(epochs, train);
        rows.add(horn);
        double hornEpoch = (Double) horn.get("epoch_s");
        String peers = options.string("peers", "all");
        if (!peers.equals("none")) {
            Path mnist = Path.of("horn-keras/src/main/resources/dev/horn/keras/datasets/mnist").toAbsolutePath();
            PeerRunner runner = PeerRunner.forCurrentCheckout().benchmark("mnist-cnn").extraArgs(List.of("--train=" + train));
            List<String> which = peers.equals("all") ? PEERS : Arrays.asList(peers.split(","));
            for (String peer : which) {
                for (Map<String, Object> r : runner.run(peer.strip(), mnist, epochs)) {
                    rows.add(MnistMlpBench.peerRow(r, hornEpoch));
                }
            }
        }
        return Report.of(rows)
                .withNote("epoch_s: the median epoch after the first (the first when there is one); x_horn = the "
                        + "framework's epoch / Horn's (above 1: Horn faster)")
                .withNote("each epoch trains on the first " + train + " of MNIST's 60,000 training images")
                .withFact("train_images", train);
    }

    private static Map<String, Object> horn(int epochs, int train) {
        Horn.setSeed(42);
        Keras.clearSession();
        TrainTest mnist = datasetMnist();
        Tensor x = rows(arrayReshape(mnist.train().x(), 60000, 28, 28, 1).div(255), train);
        Tensor y = rows(toCategorical(mnist.train().y(), 10), train);
        Tensor xt = arrayReshape(mnist.test().x(), 10000, 28, 28, 1).div(255);
        Tensor yt = toCategorical(mnist.test().y(), 10);
        MnistMlpBench.resetPeaks();
        Sequential model = sequential(
                layerConv2d(32, 3).activation("relu").inputShape(28, 28, 1),
                layerConv2d(64, 3).activation("relu"),
                layerMaxPooling2d(2),
                layerDropout(0.25),
                layerFlatten(),
                layerDense(128).activation("relu"),
                layerDropout(0.5),
                layerDense(10).activation("softmax"));
        model.compile(optimizerAdam(), "categorical_crossentropy", "accuracy");
        EpochClock clock = new EpochClock();
        long fitStart = System.nanoTime();
        model.fit(x, y, epochs(epochs), batchSize(BATCH), verbose(0), callbacks(clock));
        double accuracy = model.evaluate(xt, yt, verbose(0), batchSize(1000)).get("accuracy");

        List<Double> after = clock.seconds.size() > 1 ? clock.seconds.subList(1, clock.seconds.size()) : clock.seconds;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("framework", "Horn " + Horn.version() + " (Keras fit, Adam)");
        row.put("epoch_s", MnistMlpBench.round(MnistMlpBench.median(after)));
        row.put("epoch_seconds", clock.seconds.stream().map(MnistMlpBench::round).toList());
        row.put("test_accuracy", MnistMlpBench.round(accuracy));
        row.put("first_batch_s", MnistMlpBench.round((clock.firstBatchEnd - fitStart) / 1e9));
        row.put("peak_heap_mib", MnistMlpBench.round(MnistMlpBench.peakHeapBytes() / 1048576.0));
        return row;
    }

    private static Tensor rows(Tensor t, int n) {
        if (n == t.shape().dim(0)) {
            return t;
        }
        int[] begin = new int[t.rank()];
        int[] size = t.shape().dims();
        size[0] = n;
        return tf.slice(t, begin, size);
    }
}
