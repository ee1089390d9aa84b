package dev.horn;

import dev.horn.ops.linalg.MatMul;
import dev.horn.ops.linalg.MatMulBias;

/** Linear algebra. Part of {@link Tf}. */
public interface LinalgOps {
    /** [..., m, k] x [..., k, n] -> [..., m, n], batch axes broadcast. */
    default Tensor matmul(Tensor a, Tensor b) { return new MatMul(false, false).apply(a, b); }
    default Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        return new MatMul(transposeA, transposeB).apply(a, b);
    }

    /**
     * x [m, k] · w [k, n] + bias [n], then relu when {@code relu}: a dense layer in one op, the
     * bias and the clamp applied as the product stores its tiles ({@link MatMulBias}).
     */
    default Tensor matmulWithBias(Tensor x, Tensor w, Tensor bias, boolean relu) {
        return new MatMulBias(relu).apply(x, w, bias);
    }
}
