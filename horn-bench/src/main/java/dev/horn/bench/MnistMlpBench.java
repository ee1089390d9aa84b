package dev.horn.bench;

import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.bench.peers.PeerRunner;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.keras.Keras;
import dev.horn.keras.datasets.TrainTest;
import dev.horn.keras.models.Sequential;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.horn.keras.Keras.*;

/**
 * The seed MLP (784 → dense 512 relu → dense 10 softmax, RMSprop, batch 128, 60,000 MNIST images)
 * trained by Horn's Keras and by the JVM peers in the same run, seconds per epoch after the
 * first, plus the GEMM-bound floor: the time Horn's own matmuls of one epoch take when run alone
 * (the five products of each train step at the epoch's batch sizes, {@link GemmFloor}), measured
 * after each of Horn's epochs; x_floor pairs each epoch with the floor measured right after it.
 */
public final class MnistMlpBench implements Benchmark {
    private static final int BATCH = GemmFloor.BATCH;

    @Override
    public String name() {
        return "mnist-mlp";
    }

    @Override
    public String description() {
        return "seed MNIST MLP: seconds per epoch for Horn, TensorFlow Java, DJL (PyTorch), DL4J, and the GEMM floor";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("epochs", "epochs per framework (default 4; --quick: 2)");
        o.put("peers", "comma-separated peers to run, 'all' (default) or 'none': " + PeerRunner.PEERS);
        return o;
    }

    @Override
    public Report run(Options options) throws Exception {
        int epochs = options.integer("epochs", options.flag("quick") ? 2 : 4);
        List<Map<String, Object>> rows = new ArrayList<>();
        GemmFloor floor = new GemmFloor();
        EpochClock clock = new EpochClock();
        Map<String, Object> horn = horn(epochs, clock, floor);
        List<Double> floors = floor.afterEpoch;
        double floorS = median(floors.size() > 1 ? floors.subList(1, floors.size()) : floors);
        Map<String, Object> floorRow = new LinkedHashMap<>();
        floorRow.put("framework", "GEMM floor (Horn's matmuls of one epoch, alone)");
        floorRow.put("epoch_s", round(floorS));
        floorRow.put("epoch_seconds", floors.stream().map(MnistMlpBench::round).toList());
        rows.add(floorRow);
        double hornEpoch = (Double) horn.get("epoch_s");
        double paired = GemmFloor.pairedRatio(clock.seconds, floors);
        horn.put("x_floor", round(Double.isNaN(paired) ? hornEpoch / floorS : paired));
        rows.add(horn);

        String peers = options.string("peers", "all");
        if (!peers.equals("none")) {
            Path mnist = Path.of("horn-keras/src/main/resources/dev/horn/keras/datasets/mnist").toAbsolutePath();
            PeerRunner runner = PeerRunner.forCurrentCheckout();
            List<String> which = peers.equals("all") ? PeerRunner.PEERS : Arrays.asList(peers.split(","));
            for (String peer : which) {
                for (Map<String, Object> r : runner.run(peer.strip(), mnist, epochs)) {
                    rows.add(peerRow(r, hornEpoch));
                }
            }
        }
        return Report.of(rows)
                .withNote("epoch_s: the median epoch after the first; x_horn = the framework's epoch / Horn's (above 1: Horn faster)")
                .withNote("GEMM floor: one epoch of Horn's products timed after each of Horn's epochs; x_floor: the median of"
                        + " each epoch after the first over the floor timed right after it")
                .withNote("jit_s: time the JIT's compiler threads spent compiling during each of Horn's epochs, on the"
                        + " cores that train (CompilationMXBean)")
                .withNote("Horn's matmul path: " + DefaultGemm.describe())
                .withFact("gemm_floor_s", floorS);
    }

    private static Map<String, Object> horn(int epochs, EpochClock clock, GemmFloor floor) {
        Horn.setSeed(42);
        Keras.clearSession();
        long loadStart = System.nanoTime();
        TrainTest mnist = datasetMnist();
        Tensor x = arrayReshape(mnist.train().x(), 60000, 784).div(255);
        Tensor y = toCategorical(mnist.train().y(), 10);
        Tensor xt = arrayReshape(mnist.test().x(), 10000, 784).div(255);
        Tensor yt = toCategorical(mnist.test().y(), 10);
        double loadS = (System.nanoTime() - loadStart) / 1e9;
        resetPeaks();
        Sequential model = sequential(layerDense(512).activation("relu").inputShape(784), layerDense(10).activation("softmax"));
        model.compile(optimizerRmsprop(), "categorical_crossentropy", "accuracy");
        long fitStart = System.nanoTime();
        model.fit(x, y, epochs(epochs), batchSize(BATCH), verbose(0), callbacks(clock, floor));
        double accuracy = model.evaluate(xt, yt, verbose(0)).get("accuracy");

        List<Double> after = clock.seconds.subList(1, clock.seconds.size());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("framework", "Horn " + Horn.version() + " (Keras fit, RMSprop)");
        row.put("epoch_s", round(median(after.isEmpty() ? clock.seconds : after)));
        row.put("epoch_seconds", clock.seconds.stream().map(MnistMlpBench::round).toList());
        row.put("jit_s", clock.jitSeconds.stream().map(MnistMlpBench::round).toList());
        row.put("test_accuracy", round(accuracy));
        row.put("first_batch_s", round((clock.firstBatchEnd - fitStart) / 1e9));
        row.put("data_load_s", round(loadS));
        row.put("peak_heap_mib", round(peakHeapBytes() / 1048576.0));
        return row;
    }

    static Map<String, Object> peerRow(Map<String, Object> r, double hornEpoch) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("framework", r.get("peer") + (r.containsKey("variant") ? " (" + r.get("variant") + ")" : ""));
        if (!"ok".equals(r.get("status"))) {
            row.put("epoch_s", null);
            row.put("note", r.get("status") + ": " + r.get("reason"));
            return row;
        }
        Object median = r.get("median_epoch_s_after_first");
        double epoch = median instanceof Number n ? n.doubleValue() : firstEpoch(r);
        row.put("epoch_s", round(epoch));
        row.put("x_horn", round(epoch / hornEpoch));
        row.put("epoch_seconds", r.get("epoch_seconds"));
        row.put("test_accuracy", r.get("test_accuracy"));
        row.put("first_batch_s", r.get("first_batch_s"));
        Object heap = r.get("peak_heap_bytes");
        row.put("peak_heap_mib", heap instanceof Number n ? round(n.doubleValue() / 1048576.0) : null);
        row.put("optimizer", r.get("optimizer"));
        return row;
    }

    private static double firstEpoch(Map<String, Object> r) {
        return ((List<?>) r.get("epoch_seconds")).isEmpty() ? Double.NaN
                : ((Number) ((List<?>) r.get("epoch_seconds")).getFirst()).doubleValue();
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the peak heap). */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static double median(List<Double> values) {
        return Timing.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
