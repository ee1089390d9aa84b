package dev.horn.ops.linalg;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.BroadcastLoop;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.internal.cpu.Gemm;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.BinaryOp;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;

import static dev.horn.Tf.tf;

/**
 * Matrix product of the last two axes, {@code tf.linalg.matmul}: [..., m, k] x [..., k, n] ->
 * [..., m, n], with leading (batch) axes broadcast and either operand optionally transposed.
 */
public final class MatMul extends Op {
    private final boolean transposeA;
    private final boolean transposeB;

    public MatMul(boolean transposeA, boolean transposeB) {
        super("matmul");
        this.transposeA = transposeA;
        this.transposeB = transposeB;
    }

    public boolean transposeA() {
        return transposeA;
    }

    public boolean transposeB() {
        return transposeB;
    }

    @Override
    public String attributes() {
        return "transpose_a=" + transposeA + ", transpose_b=" + transposeB;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 2);
        ShapeRules.sameDType(name(), inputs[0], inputs[1]);
        TensorSpec a = inputs[0];
        TensorSpec b = inputs[1];
        if (!a.dtype().isFloating()) {
            throw new IllegalArgumentException("matmul: expected float32 or float64 operands, got " + a.dtype());
        }
        if (a.shape().rank() < 2 || b.shape().rank() < 2) {
            throw new IllegalArgumentException("matmul: operands need rank >= 2, got shapes " + a.shape() + " and " + b.shape());
        }
        int m = a.shape().dim(transposeA ? -1 : -2);
        int ka = a.shape().dim(transposeA ? -2 : -1);
        int kb = b.shape().dim(transposeB ? -1 : -2);
        int n = b.shape().dim(transposeB ? -2 : -1);
        if (ka != kb && ka != Shape.UNKNOWN && kb != Shape.UNKNOWN) {
            throw new IllegalArgumentException("matmul: incompatible shapes " + a.shape() + " and " + b.shape()
                    + ": inner dimensions " + ka + " != " + kb
                    + (transposeA || transposeB ? " (transpose_a=" + transposeA + ", transpose_b=" + transposeB + ")" : ""));
        }
        Shape batchA = Shape.of(java.util.Arrays.copyOf(a.shape().dims(), a.shape().rank() - 2));
        Shape batchB = Shape.of(java.util.Arrays.copyOf(b.shape().dims(), b.shape().rank() - 2));
        Shape batch = Shape.broadcast(batchA, batchB);
        if (batch == null) {
            throw new IllegalArgumentException("matmul: batch dimensions of " + a.shape() + " and " + b.shape()
                    + " do not broadcast");
        }
        int[] dims = java.util.Arrays.copyOf(batch.dims(), batch.rank() + 2);
        dims[batch.rank()] = m;
        dims[batch.rank() + 1] = n;
        return new TensorSpec[] {new TensorSpec(a.dtype(), Shape.of(dims))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Shape outShape = outputs[0].shape();
        int rank = outShape.rank();
        int m = outShape.dim(rank - 2);
        int n = outShape.dim(rank - 1);
        Tensor a = inputs[0].contiguous();
        Tensor b = inputs[1].contiguous();
        int k = a.shape().dim(transposeA ? -2 : -1);
        int lda = a.shape().dim(-1);
        int ldb = b.shape().dim(-1);
        int batches = outShape.size() / Math.max(1, m * n);
        if (m * n == 0) {
            batches = 0;
        }
        DType dtype = a.dtype();
        // the GEMM writes every element of C (it zero-fills when k is 0), so a reused buffer needs no clearing
        Object c = batches == 0 ? HeapArrays.newArray(dtype, outShape.size()) : HeapArrays.newUninitialized(dtype, outShape.size());
        int[] batchDims = java.util.Arrays.copyOf(outShape.dims(), rank - 2);
        int aMat = a.shape().dim(-2) * a.shape().dim(-1);
        int bMat = b.shape().dim(-2) * b.shape().dim(-1);
        for (int bi = 0; bi < batches; bi++) {
            int aOff = a.offset() + batchIndex(bi, batchDims, a.shape()) * aMat;
            int bOff = b.offset() + batchIndex(bi, batchDims, b.shape()) * bMat;
            if (dtype == DType.FLOAT32) {
                DefaultGemm.sgemm(transposeA, transposeB, m, n, k, (float[]) a.storage(), aOff, lda,
                        (float[]) b.storage(), bOff, ldb, (float[]) c, bi * m * n, n, false);
            } else {
                Gemm.dgemm(transposeA, transposeB, m, n, k, (double[]) a.storage(), aOff, lda,
                        (double[]) b.storage(), bOff, ldb, (double[]) c, bi * m * n, n, false);
            }
        }
        return new Tensor[] {Tensor.wrap(dtype, outShape, c)};
    }

    /**
     * The multiply-adds, scaled to element-wise units by the two kernels' split points: GEMM
     * spreads a product across cores from {@link Gemm#PARALLEL_THRESHOLD} multiply-adds,
     * element-wise kernels from {@code 2 * BroadcastLoop.GRAIN} elements.
     */
    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        Shape out = outputs[0].shape();
        if (!out.isFullyDefined() || !inputs[0].shape().isFullyDefined()) {
            return super.cost(inputs, outputs);
        }
        long k = inputs[0].shape().dim(transposeA ? -2 : -1);
        return (long) out.size() * k * (2L * BroadcastLoop.GRAIN) / Gemm.PARALLEL_THRESHOLD;
    }

    /** The matrix index inside an operand for output batch {@code flat}, honouring broadcast. */
    private static int batchIndex(int flat, int[] batchDims, Shape operand) {
        int opBatchRank = operand.rank() - 2;
        int index = 0;
        int stride = 1;
        for (int ax = batchDims.length - 1; ax >= 0; ax--) {
            int coord = flat % batchDims[ax];
            flat /= batchDims[ax];
            int opAx = ax - (batchDims.length - opBatchRank);
            if (opAx >= 0) {
                int d = operand.dim(opAx);
                index += (d == 1 ? 0 : coord) * stride;
                stride *= d;
            }
        }
        return index;
    }

    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor a = in[0];
        Tensor b = in[1];
        Tensor gc = g[0];
        Tensor da;
        Tensor db;
        if (!transposeA && !transposeB) {
            da = tf.matmul(gc, b, false, true);
            db = tf.matmul(a, gc, true, false);
        } else if (transposeA && !transposeB) {
            da = tf.matmul(b, gc, false, true);
            db = tf.matmul(a, gc, false, false);
        } else if (!transposeA) {
            da = tf.matmul(gc, b, false, false);
            db = tf.matmul(gc, a, true, false);
        } else {
            da = tf.matmul(b, gc, true, true);
            db = tf.matmul(gc, a, true, true);
        }
        return new Tensor[] {BinaryOp.unbroadcast(da, a.shape()), BinaryOp.unbroadcast(db, b.shape())};
    }
}
