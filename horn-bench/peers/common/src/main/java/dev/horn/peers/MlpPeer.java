package dev.horn.peers;

import java.util.Map;

/**
 * One framework's side of the mnist-mlp benchmark: 784 -> dense 512 relu -> dense 10 softmax,
 * categorical crossentropy. {@link MlpBenchmark} owns the data, the batching, the clock and the
 * report; a peer only builds the network and runs steps on the arrays it is handed.
 */
public interface MlpPeer extends AutoCloseable {
    int HIDDEN = 512;

    /** The peer's name in the report, e.g. {@code tensorflow-java}. */
    String name();

    /** Builds the network and the optimizer from Keras-layout ([in][out] row-major) initial weights. */
    void build(float[] kernel1, float[] bias1, float[] kernel2, float[] bias2) throws Exception;

    /**
     * One optimizer step on {@code n} examples: {@code images} is [n][784], {@code oneHot} [n][10],
     * {@code labels} the same classes as ints. Returns the batch's mean loss, and only once the
     * step has finished (so the clock measures finished work).
     */
    float trainBatch(float[] images, float[] oneHot, int[] labels, int n) throws Exception;

    /** The predicted class of each of {@code n} images. */
    int[] predict(float[] images, int n) throws Exception;

    /** Versions of what the peer runs on, e.g. {"tensorflow-java": "1.0.0", "tensorflow": "2.16.2"}. */
    Map<String, Object> versions();

    /** The optimizer as run, e.g. "RMSprop (Keras formula: eps outside the sqrt)". */
    String optimizer();

    /** The peer's threading as configured and as reported by the engine. */
    Map<String, Object> threads();

    @Override
    default void close() throws Exception {}
}
