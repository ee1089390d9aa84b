package dev.horn.peers;

import java.util.Map;

/**
 * One framework's side of a peer benchmark: {@link PeerBenchmark} owns the data, the batching,
 * the clock and the report; a peer builds its network (from the weights the benchmark draws, in
 * Keras' layout) and runs steps on the MNIST arrays it is handed.
 */
public interface Peer extends AutoCloseable {
    /** The peer's name in the report, e.g. {@code tensorflow-java}. */
    String name();

    /**
     * One optimizer step on {@code n} examples: {@code images} is [n][784] (row-major 28 x 28),
     * {@code oneHot} [n][10], {@code labels} the same classes as ints. Returns the batch's mean
     * loss, and only once the step has finished (so the clock measures finished work).
     */
    float trainBatch(float[] images, float[] oneHot, int[] labels, int n) throws Exception;

    /** The predicted class of each of {@code n} images (inference: no dropout). */
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
