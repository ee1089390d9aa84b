package dev.horn;

import dev.horn.internal.cpu.HeapArrays;

/** Tensors made from nothing: constants, zeros, ones, fill, eye, range, linspace. Part of {@link Tf}. */
public interface CreationOps {
    default Tensor constant(float[] values, int... shape) { return Tensor.of(values, shape); }
    default Tensor constant(double[] values, int... shape) { return Tensor.of(values, shape); }
    default Tensor constant(Object nestedArray) { return Tensor.of(nestedArray); }
    default Tensor constant(double value, DType dtype) { return Tensor.scalar(dtype, value); }

    default Tensor zeros(int... shape) { return zeros(DType.FLOAT32, shape); }
    default Tensor zeros(DType dtype, int... shape) {
        Shape s = Shape.of(shape);
        return Tensor.wrap(dtype, s, HeapArrays.newArray(dtype, s.size()));
    }
    default Tensor ones(int... shape) { return fill(1, DType.FLOAT32, shape); }
    default Tensor ones(DType dtype, int... shape) { return fill(1, dtype, shape); }

    /** A tensor of {@code shape} whose every element is {@code value}: one stored element, broadcast. */
    default Tensor fill(double value, DType dtype, int... shape) {
        Tensor one = Tensor.scalar(dtype, value);
        Shape s = Shape.of(shape);
        return one.view(s, 0, new int[s.rank()]);
    }
    default Tensor zerosLike(Tensor x) { return zeros(x.dtype(), x.shape().dims()); }
    default Tensor onesLike(Tensor x) { return fill(1, x.dtype(), x.shape().dims()); }
}
