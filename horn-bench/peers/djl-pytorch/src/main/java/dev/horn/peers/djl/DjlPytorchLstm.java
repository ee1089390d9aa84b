package dev.horn.peers.djl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.transformer.IdEmbedding;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import dev.horn.peers.Json;
import dev.horn.peers.SequenceData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * lstm-text on Deep Java Library with its PyTorch engine (CPU): IdEmbedding(vocabulary, 128) →
 * LSTM(64) (DJL's block over PyTorch's fused {@code torch.lstm}) → last step → Linear(1), sigmoid
 * binary crossentropy on the logit, Adam (lr 0.001), the sequences shuffled each epoch.
 *
 * <p>{@code DjlPytorchLstm FILE EPOCHS [--batch=32] [--vocabulary=10000] [--embedding=128]
 * [--units=64] [--threads=N]}; prints one JSON line with the seconds of each epoch.
 */
public final class DjlPytorchLstm {
    private DjlPytorchLstm() {}

    public static void main(String[] args) {
        try {
            Map<String, String> opts = new LinkedHashMap<>();
            List<String> positional = new ArrayList<>();
            for (String a : args) {
                if (a.startsWith("--") && a.contains("=")) {
                    opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                } else {
                    positional.add(a);
                }
            }
            SequenceData data = SequenceData.read(Path.of(positional.get(0)));
            int epochs = Integer.parseInt(positional.get(1));
            int batch = Integer.parseInt(opts.getOrDefault("batch", "32"));
            int threads = Integer.parseInt(opts.getOrDefault("threads", "0"));
            Engine.getEngine("PyTorch"); // loads libtorch, which JniUtils needs
            if (threads > 0) JniUtils.setNumThreads(threads);
            System.out.println(Json.write(train(data, epochs, batch, Integer.parseInt(opts.getOrDefault("vocabulary", "10000")),
                    Integer.parseInt(opts.getOrDefault("embedding", "128")), Integer.parseInt(opts.getOrDefault("units", "64")))));
        } catch (Throwable t) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("peer", "djl-pytorch");
            row.put("benchmark", "lstm-text");
            row.put("status", "failed");
            row.put("reason", t.getClass().getName() + ": " + t.getMessage());
            System.out.println(Json.write(row));
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static Map<String, Object> train(SequenceData data, int epochs, int batch, int vocabulary, int embedding, int units) {
        SequentialBlock net = new SequentialBlock()
                .add(new IdEmbedding.Builder().setDictionarySize(vocabulary).setEmbeddingSize(embedding).build())
                .add(LSTM.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true).build())
                .add(new LambdaBlock(list -> new NDList(list.head().get(":, -1, :"))))
                .add(Linear.builder().setUnits(1).build());
        List<Double> seconds = new ArrayList<>();
        double lastLoss = Double.NaN;
        double lastAccuracy = Double.NaN;
        try (Model model = Model.newInstance("lstm-text", "PyTorch")) {
            model.setBlock(net);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().build()))) {
                trainer.initialize(new Shape(batch, data.length()));
                int[] order = new int[data.count()];
                for (int i = 0; i < order.length; i++) order[i] = i;
                Random random = new Random(42);
                for (int epoch = 0; epoch < epochs; epoch++) {
                    for (int i = order.length - 1; i > 0; i--) {
                        int j = random.nextInt(i + 1);
                        int t = order[i];
                        order[i] = order[j];
                        order[j] = t;
                    }
                    long start = System.nanoTime();
                    double lossSum = 0;
                    long correct = 0;
                    for (int from = 0; from < order.length; from += batch) {
                        int n = Math.min(batch, order.length - from);
                        int[] ids = new int[n * data.length()];
                        float[] labels = new float[n];
                        for (int r = 0; r < n; r++) {
                            System.arraycopy(data.ids(), order[from + r] * data.length(), ids, r * data.length(), data.length());
                            labels[r] = data.labels()[order[from + r]];
                        }
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            NDArray x = m.create(ids, new Shape(n, data.length()));
                            NDArray y = m.create(labels, new Shape(n, 1));
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                                NDArray loss = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                                gc.backward(loss);
                                lossSum += loss.getFloat() * n;
                                float[] z = logits.toFloatArray();
                                for (int r = 0; r < n; r++) {
                                    if ((z[r] > 0) == (labels[r] > 0.5f)) correct++;
                                }
                            }
                            trainer.step();
                        }
                    }
                    seconds.add((System.nanoTime() - start) / 1e9);
                    lastLoss = lossSum / order.length;
                    lastAccuracy = (double) correct / order.length;
                }
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("peer", "djl-pytorch");
        row.put("benchmark", "lstm-text");
        row.put("status", "ok");
        List<Double> after = seconds.size() > 1 ? seconds.subList(1, seconds.size()) : seconds;
        row.put("epoch_s", after.stream().sorted().toList().get(after.size() / 2));
        row.put("epoch_seconds", seconds);
        row.put("final_loss", lastLoss);
        row.put("train_accuracy", lastAccuracy);
        row.put("versions", Map.of("pytorch", Engine.getEngine("PyTorch").getVersion(), "djl", Engine.getDjlVersion()));
        row.put("pytorch_intra_op_threads", JniUtils.getNumThreads());
        return row;
    }
}
