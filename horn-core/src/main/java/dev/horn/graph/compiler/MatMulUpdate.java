package dev.horn.graph.compiler;

import dev.horn.DType;
import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.TensorSpec;
import dev.horn.internal.cpu.DefaultGemm;
import dev.horn.internal.cpu.Gemm;
import dev.horn.ops.Op;
import dev.horn.ops.StateAccess;
import dev.horn.ops.linalg.MatMul;
import dev.horn.ops.state.FusedUpdate;
import java.util.Arrays;

/**
 * A weight gradient's matmul and the optimizer update that is its only use, as one step
 * ({@link UpdateFusion}): the GEMM hands each finished tile of the gradient to the update
 * ({@link FusedUpdate.Pass} as a {@link dev.horn.internal.cpu.GemmSink}), so the gradient,
 * as large as the weight, is never written out and read back, and the update makes no pass of
 * its own over memory. The tile's sums are the bits the matmul would have stored, and the
 * update runs its own kernel on them, so the new weights and slots are those of the two steps.
 *
 * <p>Inputs: the matmul's two operands, then the update's scalars. Where the product does not
 * take a sink (the native BLAS's shapes, several blocks of k, a narrow C), where it is not a
 * float32 matrix product, or where an operand is one of the states the update writes, it runs
 * the two ops one after the other.
 */
final class MatMulUpdate extends Op {
    private final MatMul matmul;
    private final FusedUpdate update;

    MatMulUpdate(MatMul matmul, FusedUpdate update) {
        super("matmul_" + update.name());
        this.matmul = matmul;
        this.update = update;
    }

    @Override
    public String attributes() {
        return update.attributes() + ", " + matmul.attributes();
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    public StateAccess stateAccess() {
        return update.stateAccess();
    }

    @Override
    public boolean keepsInputs() {
        return false;
    }

    @Override
    public TensorSpec[] infer(TensorSpec... inputs) {
        TensorSpec gradient = matmul.infer(inputs[0], inputs[1])[0];
        TensorSpec[] rest = Arrays.copyOfRange(inputs, 1, inputs.length);
        rest[0] = gradient;
        return update.infer(rest);
    }

    @Override
    public long cost(TensorSpec[] inputs, TensorSpec[] outputs) {
        return matmul.cost(Arrays.copyOf(inputs, 2), matmul.infer(inputs[0], inputs[1]));
    }

    @Override
    public Tensor[] compute(Tensor[] inputs, TensorSpec[] outputs) {
        Tensor a = inputs[0].contiguous();
        Tensor b = inputs[1].contiguous();
        Tensor[] scalars = Arrays.copyOfRange(inputs, 2, inputs.length);
        boolean ta = matmul.transposeA();
        boolean tb = matmul.transposeB();
        if (a.dtype() == DType.FLOAT32 && a.shape().rank() == 2 && b.shape().rank() == 2) {
            int m = a.shape().dim(ta ? 1 : 0);
            int k = a.shape().dim(ta ? 0 : 1);
            int n = b.shape().dim(tb ? 0 : 1);
            boolean weightShaped = update.weightShape().equals(Shape.of(m, n));
            if (weightShaped && DefaultGemm.sinks(m, n, k) && !update.holdsState(a.storage())
                    && !update.holdsState(b.storage())) {
                FusedUpdate.Pass pass = update.begin(scalars);
                Gemm.sgemm(ta, tb, m, n, k, (float[]) a.storage(), a.offset(), a.shape().dim(1),
                        (float[]) b.storage(), b.offset(), b.shape().dim(1), pass);
                pass.finish();
                return new Tensor[0];
            }
        }
        TensorSpec gradient = matmul.infer(a.spec(), b.spec())[0];
        Tensor g = matmul.compute(new Tensor[] {a, b}, new TensorSpec[] {gradient})[0];
        Tensor[] rest = new Tensor[inputs.length - 1];
        rest[0] = g;
        System.arraycopy(scalars, 0, rest, 1, scalars.length);
        return update.compute(rest, outputs);
    }
}
