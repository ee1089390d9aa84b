package dev.horn.ops.linalg;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.internal.cpu.GemmEpilogue;
import dev.horn.internal.cpu.HeapArrays;
import dev.horn.ops.Op;
import dev.horn.ops.ShapeRules;
import dev.horn.ops.nn.BiasAddGrad;
import dev.horn.ops.nn.ReluGrad;

/**
 * A dense layer's x [m, k] · w [k, n] + bias [n], relu applied when asked, in the product's own
 * stores (TensorFlow's {@code _FusedMatMul} with {@code BiasAdd} and {@code Relu}). As matmul,
 * add and relu the layer made two passes over its output after the product (the bias and relu
 * fused into one element-wise pass that read and wrote it again); here the GEMM adds the bias
 * and clamps each tile before it stores it ({@link GemmEpilogue}), with the same float
 * operations in the same order, so the values are those of the three ops. The gradient is
 * written with matmul, relu_grad and bias_add_grad.
 */
public final class MatMulBias extends Op {
    private final boolean relu;

    public MatMulBias(boolean relu) {
        super(relu ? "matmul_bias_relu" : "matmul_bias");
        this.relu = relu;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        ShapeRules.arity(name(), inputs, 3);
        ShapeRules.floating(name(), inputs[0]);
        ShapeRules.sameDType(name(), inputs[0], inputs[1]);
        ShapeRules.sameDType(name(), inputs[0], inputs[2]);
        Shape x = inputs[0].shape();
        Shape w = inputs[1].shape();
        Shape bias = inputs[2].shape();
        if (x.rank() != 2 || w.rank() != 2) {
            throw new IllegalArgumentException(name() + ": expected x [m, k] and w [k, n], got " + x + " and " + w);
        }
        if (x.dim(1) != w.dim(0) && x.dim(1) != Shape.UNKNOWN && w.dim(0) != Shape.UNKNOWN) {
            throw new IllegalArgumentException(name() + ": incompatible shapes " + x + " and " + w + ": inner dimensions "
                    + x.dim(1) + " != " + w.dim(0));
        }
        int n = w.dim(1);
        ShapeRules.bias(name(), bias, n, "w's columns");
        return new TensorSpec[] {new TensorSpec(inputs[0].dtype(), Shape.of(x.dim(0), n))};
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor x = inputs[0].contiguous();
        Tensor w = inputs[1].contiguous();
        Tensor bias = inputs[2].contiguous();
        Shape shape = outputs[0].shape();
        int m = shape.dim(0);
        int n = shape.dim(1);
        int k = x.shape().dim(1);
        DType dtype = x.dtype();
        Object c = HeapArrays.newUninitialized(dtype, shape.size());
        if (dtype == DType.FLOAT32) {
            GemmEpilogue epilogue = new GemmEpilogue((float[]) bias.storage(), bias.offset(), relu);
            DefaultGemm.sgemm(false, false, m, n, k, (float[]) x.storage(), x.offset(), k, (float[]) w.storage(), w.offset(), n,
                    (float[]) c, 0, n, false, epilogue);
        } else {
            double[] out = (double[]) c;
            dev.horn.internal.cpu.Gemm.dgemm(false, false, m, n, k, (double[]) x.storage(), x.offset(), k,
                    (double[]) w.storage(), w.offset(), n, out, 0, n, false);
            double[] b = (double[]) bias.storage();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double v = out[i * n + j] + b[bias.offset() + j];
                    out[i * n + j] = relu ? Math.max(v, 0) : v;
                }
            }
        }
        return new Tensor[] {Tensor.wrap(dtype, shape, c)};
    }

    /** With g' = relu_grad(g, y) (g without relu): dx = g' wᵀ, dw = xᵀ g', d bias = bias_add_grad(g'). */
    @Override
    public Tensor[] gradient(Tensor[] in, Tensor[] out, Tensor[] g) {
        Tensor gy = relu ? new ReluGrad().apply(g[0], out[0]) : g[0];
        return new Tensor[] {
            new MatMul(false, true).apply(gy, in[1]),
            new MatMul(true, false).apply(in[0], gy),
            new BiasAddGrad().apply(gy)
        };
    }

    /** As matmul's: the multiply-adds in element-wise units. */
    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return new MatMul(false, false).cost(new TensorSpec[] {inputs[0], inputs[1]}, outputs);
    }
}
