package dev.horn.ops.nn;

import dev.horn.ops.Op;
import java.util.List;

/** The op kinds of this package, one line each, for {@link dev.horn.ops.OpRegistry}. */
public final class NnCatalog {
    public static final List<Class<? extends Op>> OPS = List.of(Softmax.class, LogSoftmax.class,
            Conv.class, ConvBackpropInput.class, ConvBackpropFilter.class,
            MaxPool.class, MaxPoolGrad.class, MaxPoolGradGrad.class, AvgPool.class, AvgPoolGrad.class,
            ReluGrad.class, SoftmaxCrossEntropyWithLogits.class, ConvBias.class, BiasAddGrad.class,
            ConvBackpropFilterBias.class);

    private NnCatalog() {}
}
