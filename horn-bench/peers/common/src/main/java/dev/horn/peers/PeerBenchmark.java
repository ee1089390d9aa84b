package dev.horn.peers;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The peers' shared main loop for mnist-mlp and mnist-cnn: loads MNIST, draws the Glorot
 * weights, trains {@code epochs} epochs of batch 128 over the 60,000 training images (shuffled
 * each epoch, the last batch partial, as Keras' fit does; {@code --train=N} takes the first N
 * images instead, for a short run), measures the 10,000 test images and prints one JSON line.
 *
 * <p>Arguments: {@code MNIST_DIR [EPOCHS] [--batch=128] [--seed=42] [--key=value ...]}; keys other
 * than batch and seed are the peer's own (read them with {@link #option}).
 */
public final class PeerBenchmark {

    private final Path mnistDir;
    private final int epochs;
    private final int batch;
    private final long seed;
    private final Map<String, String> options;

    private PeerBenchmark(Path mnistDir, int epochs, int batch, long seed, Map<String, String> options) {
        this.mnistDir = mnistDir;
        this.epochs = epochs;
        this.batch = batch;
        this.seed = seed;
        this.options = options;
    }

    public static PeerBenchmark fromArgs(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (String a : args) {
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                if (eq < 0) options.put(a.substring(2), "true");
                else options.put(a.substring(2, eq), a.substring(eq + 1));
            } else {
                positional.add(a);
            }
        }
        if (positional.isEmpty()) {
            System.err.println("usage: MNIST_DIR [EPOCHS] [--batch=128] [--seed=42] [--PEER_OPTION=VALUE]");
            System.exit(2);
        }
        int epochs = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 1;
        int batch = Integer.parseInt(options.getOrDefault("batch", "128"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        return new PeerBenchmark(Path.of(positional.get(0)), epochs, batch, seed, options);
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** Runs mnist-mlp with the peer and prints its JSON line to stdout (progress goes to stderr). */
    public void run(MlpPeer peer) throws Exception {
        int in = Mnist.PIXELS, classes = Mnist.CLASSES, hidden = MlpPeer.HIDDEN;
        float[] k1 = Glorot.uniform(in, hidden, seed);
        float[] k2 = Glorot.uniform(hidden, classes, seed + 1);
        run("mnist-mlp", peer, () -> peer.build(k1, new float[hidden], k2, new float[classes]));
    }

    /** Runs mnist-cnn with the peer. */
    public void run(CnnPeer peer) throws Exception {
        CnnWeights weights = CnnWeights.glorot(seed);
        run("mnist-cnn", peer, () -> peer.build(weights));
    }

    /** Building a peer's network (it may throw what the engine throws). */
    interface Build {
        void run() throws Exception;
    }

    private void run(String benchmark, Peer peer, Build build) throws Exception {
        long t0 = System.nanoTime();
        double[] loadBefore = loadAverage();
        Mnist data = Mnist.load(mnistDir);
        double dataLoadS = seconds(System.nanoTime() - t0);

        long buildStart = System.nanoTime();
        build.run();
        double buildS = seconds(System.nanoTime() - buildStart);

        int n = Math.min(data.trainCount(), Integer.parseInt(option("train", Integer.toString(data.trainCount()))));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom shuffle = new SplittableRandom(seed + 2);
        Map<Integer, Buffers> buffers = new HashMap<>();

        List<Double> epochSeconds = new ArrayList<>();
        List<Double> epochLoss = new ArrayList<>();
        List<Double> epochOtherCpu = new ArrayList<>();
        Double firstBatchS = null, jvmUptimeAtFirstBatchS = null;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) { // Fisher-Yates, as Keras shuffles each epoch
                int j = shuffle.nextInt(i + 1);
                int t = order[i]; order[i] = order[j]; order[j] = t;
            }
            double busyBefore = machineBusySeconds(), ownBefore = processCpuSeconds();
            long start = System.nanoTime();
            double lossSum = 0;
            int batches = 0;
            for (int from = 0; from < n; from += batch) {
                int m = Math.min(batch, n - from);
                Buffers b = buffers.computeIfAbsent(m, Buffers::new);
                b.fill(data, order, from);
                lossSum += peer.trainBatch(b.images, b.oneHot, b.labels, m);
                batches++;
                if (firstBatchS == null) {
                    firstBatchS = seconds(System.nanoTime() - buildStart);
                    jvmUptimeAtFirstBatchS = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
                }
            }
            double s = seconds(System.nanoTime() - start);
            double other = Math.max(0, (machineBusySeconds() - busyBefore) - (processCpuSeconds() - ownBefore));
            epochSeconds.add(round(s));
            epochLoss.add(round(lossSum / batches));
            epochOtherCpu.add(round(other));
            System.err.printf("%s: epoch %d/%d %.3f s, loss %.4f, other processes' CPU %.1f s%n",
                    peer.name(), epoch + 1, epochs, s, lossSum / batches, other);
        }

        int[] predicted = peer.predict(data.testImages(), data.testCount());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) if (predicted[i] == data.testLabels()[i]) correct++;
        double accuracy = (double) correct / data.testCount();

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("peer", peer.name());
        row.put("benchmark", benchmark);
        row.put("status", "ok");
        row.put("train_images", n);
        Map<String, Object> versions = declaredVersions();
        versions.putAll(peer.versions());
        row.put("versions", versions);
        row.put("optimizer", peer.optimizer());
        row.put("threads", peer.threads());
        row.put("batch_size", batch);
        row.put("epochs", epochs);
        row.put("epoch_seconds", epochSeconds);
        List<Double> after = epochSeconds.size() > 1 ? epochSeconds.subList(1, epochSeconds.size()) : List.of();
        row.put("best_epoch_s_after_first", after.isEmpty() ? null : after.stream().min(Double::compare).get());
        row.put("median_epoch_s_after_first", after.isEmpty() ? null : median(after));
        row.put("epoch_loss", epochLoss);
        row.put("test_accuracy", round(accuracy));
        row.put("first_batch_s", round(firstBatchS));
        row.put("jvm_uptime_at_first_batch_s", round(jvmUptimeAtFirstBatchS));
        row.put("build_s", round(buildS));
        row.put("data_load_s", round(dataLoadS));
        row.put("peak_heap_bytes", peakHeapBytes());
        row.put("heap_max_bytes", Runtime.getRuntime().maxMemory());
        row.putAll(procStatus());
        row.put("cpus", Runtime.getRuntime().availableProcessors());
        row.put("epoch_other_processes_cpu_s", epochOtherCpu);
        row.put("load_average_before", loadBefore);
        row.put("load_average_after", loadAverage());
        row.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        System.out.println(Json.write(row));
        System.out.flush();
    }

    /** The versions the peer's pom was built with, from its filtered peer-versions.properties. */
    static Map<String, Object> declaredVersions() {
        Map<String, Object> out = new LinkedHashMap<>();
        try (var in = PeerBenchmark.class.getResourceAsStream("/peer-versions.properties")) {
            if (in != null) {
                var p = new java.util.Properties();
                p.load(in);
                p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k)));
            }
        } catch (java.io.IOException e) {
            out.put("error", e.toString());
        }
        return out;
    }

    /** Reused, exactly sized batch arrays (one set per batch size: the full one and the last). */
    private static final class Buffers {
        final float[] images, oneHot;
        final int[] labels;

        Buffers(int m) {
            images = new float[m * Mnist.PIXELS];
            oneHot = new float[m * Mnist.CLASSES];
            labels = new int[m];
        }

        void fill(Mnist data, int[] order, int from) {
            Arrays.fill(oneHot, 0f);
            for (int r = 0; r < labels.length; r++) {
                int src = order[from + r];
                System.arraycopy(data.trainImages(), src * Mnist.PIXELS, images, r * Mnist.PIXELS, Mnist.PIXELS);
                labels[r] = data.trainLabels()[src];
                oneHot[r * Mnist.CLASSES + labels[r]] = 1f;
            }
        }
    }

    /** Heap pools' peak usages summed: an upper bound of the heap's peak, as the JVM keeps no total. */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    /** VmHWM (peak resident set) and VmRSS from /proc/self/status, in bytes; empty off Linux. */
    static Map<String, Object> procStatus() {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) out.put("vm_hwm_bytes", kilobytes(line) * 1024);
                if (line.startsWith("VmRSS:")) out.put("vm_rss_bytes", kilobytes(line) * 1024);
            }
        } catch (Exception e) {
            // not Linux: no resident-set figures
        }
        return out;
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (Exception e) {
            return new double[0];
        }
    }

    /** CPU seconds all processes have spent busy since boot (/proc/stat, at the usual 100 ticks a second). */
    private static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) busy += Long.parseLong(f[i]); // user nice system irq softirq steal
            return busy / 100.0;
        } catch (Exception e) {
            return 0;
        }
    }

    private static double processCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime() / 1e9;
        return 0;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : round((a[a.length / 2 - 1] + a[a.length / 2]) / 2);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
    }

    /** Prints a failure as the JSON line, so a runner always gets a row. */
    public static void fail(String peer, String benchmark, Throwable t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("peer", peer);
        row.put("benchmark", benchmark);
        row.put("status", "failed");
        row.put("reason", t.getClass().getName() + ": " + t.getMessage());
        System.out.println(Json.write(row));
        t.printStackTrace();
    }
}
