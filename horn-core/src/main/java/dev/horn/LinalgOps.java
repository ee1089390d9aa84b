package dev.horn;

import dev.horn.ops.linalg.MatMul;

/** Linear algebra. Part of {@link Tf}. */
public interface LinalgOps {
    /** [..., m, k] x [..., k, n] -> [..., m, n], batch axes broadcast. */
    default Tensor matmul(Tensor a, Tensor b) { return new MatMul(false, false).apply(a, b); }
    default Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        return new MatMul(transposeA, transposeB).apply(a, b);
    }
}
