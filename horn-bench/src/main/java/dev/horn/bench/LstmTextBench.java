package dev.horn.bench;

import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.bench.peers.PeerRunner;
import dev.horn.internal.cpu.Parallel;
import dev.horn.keras.Keras;
import dev.horn.keras.callbacks.History;
import dev.horn.keras.models.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.horn.keras.Keras.*;

/**
 * A text classifier on IMDB-shaped data: embedding(10000, 128) → LSTM(64) → dense(1, sigmoid),
 * Adam, binary crossentropy, trained by Horn's Keras {@code fit} and by Deep Java Library's
 * PyTorch engine (its fused LSTM) on the same synthetic sequences ({@link SyntheticImdb}: there
 * is no IMDB offline) in the same run. Seconds per epoch; {@code x_horn} is the peer's epoch over
 * Horn's (above 1: Horn is faster).
 */
public final class LstmTextBench implements Benchmark {
    static final int VOCABULARY = 10000;
    static final int EMBEDDING = 128;
    static final int UNITS = 64;
    private static final String PEER_MAIN = "dev.horn.peers.djl.DjlPytorchLstm";

    @Override
    public String name() {
        return "lstm-text";
    }

    @Override
    public String description() {
        return "embedding + LSTM(64) text classifier on IMDB-shaped synthetic data: seconds per epoch, Horn vs DJL (PyTorch)";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("sequences", "training sequences (default 25000, IMDB's train split; --quick: 1000)");
        o.put("length", "sequence length (default 200)");
        o.put("epochs", "epochs per framework (default 2; --quick: 1)");
        o.put("batch", "batch size (default 32, Keras' default)");
        o.put("threads", "Horn's thread counts, e.g. 1,all (default all); x_horn compares with the last 'all' row");
        o.put("peers", "djl-pytorch (default) or none");
        o.put("peer-threads", "PyTorch intra-op thread counts to run the peer with, 'default' for PyTorch's own (default: default,1)");
        return o;
    }

    @Override
    public Report run(Options options) throws Exception {
        boolean quick = options.flag("quick");
        int count = options.integer("sequences", quick ? 1000 : 25000);
        int length = options.integer("length", 200);
        int epochs = options.integer("epochs", quick ? 1 : 2);
        int batch = options.integer("batch", 32);
        SyntheticImdb data = SyntheticImdb.generate(count, length, VOCABULARY, 42);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> horn = null;
        for (int threads : options.threads("threads", "all")) {
            Map<String, Object> row = Parallel.withThreads(threads, () -> horn(data, epochs, batch));
            row.put("framework", row.get("framework") + ", " + threads + " thread" + (threads == 1 ? "" : "s"));
            rows.add(row);
            horn = horn == null || threads == Parallel.THREADS ? row : horn;
        }
        if (!options.string("peers", "djl-pytorch").equals("none")) {
            Path dir = Files.createTempDirectory("horn-lstm-text");
            Path file = dir.resolve("sequences.bin");
            data.write(file);
            List<String> args = List.of(file.toString(), Integer.toString(epochs), "--batch=" + batch,
                    "--vocabulary=" + VOCABULARY, "--embedding=" + EMBEDDING, "--units=" + UNITS);
            PeerRunner runner = PeerRunner.forCurrentCheckout();
            for (String threads : options.string("peer-threads", "default,1").split(",")) {
                // PyTorch's OpenMP threads spin at every barrier, hundreds per batch in an LSTM; on a
                // shared machine one intra-op thread is how a tuned user would run it
                List<String> peerArgs = new ArrayList<>(args);
                String variant = "default threads";
                if (!threads.strip().equals("default")) {
                    peerArgs.add("--threads=" + Integer.parseInt(threads.strip()));
                    variant = "intra_op=" + threads.strip();
                }
                rows.add(peerRow(runner.runProgram("djl-pytorch", variant, PEER_MAIN, peerArgs), (Double) horn.get("epoch_s")));
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
        return Report.of(rows)
                .withNote("data: " + count + " synthetic IMDB-shaped sequences of length " + length
                        + " (seed 42; no IMDB offline), vocabulary " + VOCABULARY + ", batch " + batch)
                .withNote("epoch_s: the median epoch after the first (the first when there is one); "
                        + "x_horn = the peer's epoch / Horn's (above 1: Horn faster)");
    }

    private static Map<String, Object> horn(SyntheticImdb data, int epochs, int batch) {
        Horn.setSeed(42);
        Keras.clearSession();
        Tensor x = Tensor.of(data.ids(), data.count(), data.length());
        Tensor y = Tensor.of(data.labels(), data.count(), 1);
        Sequential model = sequential(layerEmbedding(VOCABULARY, EMBEDDING).inputShape(data.length()), layerLstm(UNITS),
                layerDense(1).activation("sigmoid"));
        model.compile(optimizerAdam(), "binary_crossentropy", "accuracy");
        EpochClock clock = new EpochClock();
        History history = model.fit(x, y, epochs(epochs), batchSize(batch), verbose(0), callbacks(clock));
        List<Double> after = clock.seconds.subList(Math.min(1, clock.seconds.size() - 1), clock.seconds.size());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("framework", "Horn " + Horn.version() + " (Keras fit, fused LSTM op)");
        row.put("epoch_s", round(Timing.median(after.stream().mapToDouble(Double::doubleValue).toArray())));
        row.put("epoch_seconds", clock.seconds.stream().map(LstmTextBench::round).toList());
        row.put("final_loss", round(history.metrics().get("loss").getLast()));
        row.put("train_accuracy", round(history.metrics().get("accuracy").getLast()));
        return row;
    }

    private static Map<String, Object> peerRow(Map<String, Object> r, double hornEpoch) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("framework", r.get("peer") + " (" + r.get("variant") + ")");
        if (!"ok".equals(r.get("status"))) {
            row.put("epoch_s", null);
            row.put("note", r.get("status") + ": " + r.get("reason"));
            return row;
        }
        double epoch = ((Number) r.get("epoch_s")).doubleValue();
        row.put("epoch_s", round(epoch));
        row.put("x_horn", round(epoch / hornEpoch));
        row.put("epoch_seconds", r.get("epoch_seconds"));
        row.put("final_loss", r.get("final_loss"));
        row.put("train_accuracy", r.get("train_accuracy"));
        row.put("versions", r.get("versions"));
        return row;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
