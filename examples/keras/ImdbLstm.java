// An LSTM reads reviews and learns their sentiment: Keras' imdb_lstm example, in Java.
//
//   ./horn run examples/keras/ImdbLstm.java
//
// There is no IMDB download offline, so the reviews are made up from a seed, shaped like
// dataset_imdb() after pad_sequences(maxlen = 80): word ids below 10,000 with a Zipf-like skew,
// pre-padded with 0. A positive review carries a few words from one id range, a negative one
// from another, hidden among the rest: the network must find them at any position. The model is
// the R example's: layer_embedding(mask_zero = TRUE, so the padding is skipped) %>% layer_lstm()
// %>% layer_dense(1, activation = "sigmoid"), binary crossentropy, adam, accuracy.
import dev.horn.Tensor;
import java.util.Random;

import static dev.horn.keras.Keras.*;

static final int MAX_FEATURES = 10000;
static final int MAXLEN = 80;

/** count reviews: ids [count, MAXLEN] (int32) and labels [count, 1]. */
Tensor[] reviews(int count, Random random) {
    int[] ids = new int[count * MAXLEN];
    float[] labels = new float[count];
    for (int s = 0; s < count; s++) {
        int words = 10 + random.nextInt(MAXLEN - 9);
        int start = (s + 1) * MAXLEN - words;
        for (int i = start; i < (s + 1) * MAXLEN; i++) {
            ids[i] = 1 + (int) Math.min(MAX_FEATURES - 2, Math.pow(MAX_FEATURES, random.nextDouble()) - 1);
        }
        boolean positive = random.nextBoolean();
        labels[s] = positive ? 1 : 0;
        for (int k = 0; k < 4 + random.nextInt(4); k++) {
            ids[start + random.nextInt(words)] = (positive ? 10 : 60) + random.nextInt(50);
        }
    }
    return new Tensor[] {Tensor.of(ids, count, MAXLEN), Tensor.of(labels, count, 1)};
}

void main() {
    setRandomSeed(42);
    Random random = new Random(7);
    Tensor[] train = reviews(4000, random);
    Tensor[] test = reviews(1000, random);

    var model = sequential(
            layerEmbedding(MAX_FEATURES, 32).maskZero(true).inputShape(MAXLEN),
            layerLstm(32).dropout(0.2),
            layerDense(1).activation("sigmoid"));
    model.summary();
    model.compile(optimizerAdam(), "binary_crossentropy", "accuracy");
    var history = model.fit(train[0], train[1], epochs(3), batchSize(32), validationSplit(0.2));
    System.out.println(history);

    var metrics = model.evaluate(test[0], test[1], verbose(0));
    System.out.printf("test loss: %.4f, test accuracy: %.4f%n", metrics.get("loss"), metrics.get("accuracy"));
}
