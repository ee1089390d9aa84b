package dev.horn;

/** Random tensors from counter-based generators, reproducible with a seed. Part of {@link Tf}. */
public interface RandomOps {
}
