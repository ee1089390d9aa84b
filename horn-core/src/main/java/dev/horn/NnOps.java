package dev.horn;

/** Neural-network building blocks: softmax and log-softmax. Part of {@link Tf}. */
public interface NnOps {
}
