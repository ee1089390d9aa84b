package dev.horn.peers.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keras' RMSprop as a DJL optimizer, since DJL's own RmsProp is not implemented on PyTorch
 * ("Not implemented" from PtNDArrayEx.rmspropUpdate): ms = rho ms + (1 - rho) g^2;
 * w -= lr g / (sqrt(ms) + eps), with ms starting at zero. It runs as a few in-place PyTorch ops
 * per parameter, where DJL's Adam is one fused native call.
 */
final class KerasRmsProp extends Optimizer {
    private final float lr, rho, eps;
    private final Map<String, Map<Device, NDArray>> meanSquares = new ConcurrentHashMap<>();

    KerasRmsProp(float lr, float rho, float eps) {
        super(new Builder());
        this.lr = lr;
        this.rho = rho;
        this.eps = eps;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray ms = withDefaultState(meanSquares, parameterId, weight.getDevice(), k -> weight.zerosLike());
        try (NDArray g2 = grad.square()) {
            ms.muli(rho).addi(g2.muli(1 - rho));
        }
        try (NDArray denominator = ms.sqrt(); NDArray step = grad.div(denominator.addi(eps))) {
            weight.subi(step.muli(lr));
        }
        // DJL's fused PyTorch updates zero the gradient natively; a Java optimizer must do it itself
        grad.subi(grad);
    }

    static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
