package dev.horn;

/** What {@code tf.topK} returns: the k largest values of each row, and their int32 indices. */
public record TopK(Tensor values, Tensor indices) {}
