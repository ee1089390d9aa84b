package dev.horn.peers;

/**
 * A peer of mnist-cnn, Keras' mnist_cnn: 28x28x1 -> conv 32 3x3 relu -> conv 64 3x3 relu ->
 * max pool 2 -> dropout 0.25 -> flatten -> dense 128 relu -> dropout 0.5 -> dense 10 softmax,
 * categorical crossentropy, Adam (lr 0.001, beta 0.9 / 0.999, eps 1e-7).
 */
public interface CnnPeer extends Peer {
    /** Builds the network and the optimizer from Keras-layout initial weights. */
    void build(CnnWeights weights) throws Exception;
}
