package dev.horn.peers;

/** A peer of mnist-mlp: 784 -> dense 512 relu -> dense 10 softmax, categorical crossentropy, RMSprop. */
public interface MlpPeer extends Peer {
    int HIDDEN = 512;

    /** Builds the network and the optimizer from Keras-layout ([in][out] row-major) initial weights. */
    void build(float[] kernel1, float[] bias1, float[] kernel2, float[] bias2) throws Exception;
}
