package dev.horn;

import dev.horn.internal.cpu.HeapArrays;
import dev.horn.internal.cpu.StridedCopy;
import java.util.Arrays;

import static dev.horn.Tf.tf;

/**
 * An immutable n-dimensional array: a {@link DType}, a {@link Shape} and elements in row-major
 * order. Float32 is the default dtype.
 *
 * <p>Reshape, transpose and slice return views that share storage with this tensor where the
 * layout allows; nothing a user can do through the public API changes a tensor's values.
 * Arithmetic is on {@link Tf#tf} and, for the common cases, fluent here:
 * {@snippet :
 * var x = Tensor.of(new float[][] {{1, 2}, {3, 4}});
 * var y = x.matmul(x).add(1f);   // [[8, 11], [16, 23]]
 * }
 *
 * <p>The storage is a Java array of the dtype's element type ({@code float[]} for float32 and
 * so on, see {@link DType}), addressed through an offset and per-axis strides. Kernels read it
 * through {@link #storage()}, {@link #offset()} and {@link #strides()}.
 */
public final class Tensor {
    private final DType dtype;
    private final Shape shape;
    private final Object storage;
    private final int offset;
    private final int[] strides;
    /** For a symbolic tensor (graph tracing): what produces it, such as a graph node's output. */
    private final Object producer;

    /** Wraps storage without copying; kernels use this for arrays they allocated. */
    public Tensor(DType dtype, Shape shape, Object storage, int offset, int[] strides) {
        this.dtype = dtype;
        this.shape = shape;
        this.storage = storage;
        this.offset = offset;
        this.strides = strides;
        this.producer = null;
    }

    private Tensor(DType dtype, Shape shape, Object producer) {
        this.dtype = dtype;
        this.shape = shape;
        this.storage = null;
        this.offset = 0;
        this.strides = new int[shape.rank()];
        this.producer = producer;
    }

    /**
     * A tensor with a dtype and shape (dimensions may be unknown) but no values yet: the
     * output of an op recorded into a graph. Reading its values is an error.
     */
    public static Tensor symbolic(DType dtype, Shape shape, Object producer) {
        return new Tensor(dtype, shape, java.util.Objects.requireNonNull(producer));
    }

    public boolean isSymbolic() {
        return producer != null;
    }

    /** What produces a symbolic tensor; null for a concrete one. */
    public Object producer() {
        return producer;
    }

    private void requireValues() {
        if (producer != null) {
            throw new IllegalStateException("symbolic tensor " + dtype + shape + " from " + producer
                    + " has no values while a graph is being built; run the graph (Session.run or a Function call) to get them");
        }
    }

    /** Wraps a freshly filled, row-major array: the caller must not modify it afterwards. */
    public static Tensor wrap(DType dtype, Shape shape, Object storage) {
        int length = java.lang.reflect.Array.getLength(storage);
        if (length != shape.size()) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size()
                    + " elements but the data has " + length);
        }
        return new Tensor(dtype, shape, storage, 0, shape.strides());
    }

    // ---- creation from Java arrays ----------------------------------------------------------

    public static Tensor of(float[] data, int... shape) {
        return wrap(DType.FLOAT32, vectorOrShape(data.length, shape), data.clone());
    }

    public static Tensor of(double[] data, int... shape) {
        return wrap(DType.FLOAT64, vectorOrShape(data.length, shape), data.clone());
    }

    public static Tensor of(int[] data, int... shape) {
        return wrap(DType.INT32, vectorOrShape(data.length, shape), data.clone());
    }

    public static Tensor of(long[] data, int... shape) {
        return wrap(DType.INT64, vectorOrShape(data.length, shape), data.clone());
    }

    public static Tensor of(boolean[] data, int... shape) {
        return wrap(DType.BOOL, vectorOrShape(data.length, shape), data.clone());
    }

    public static Tensor of(String[] data, int... shape) {
        return wrap(DType.STRING, vectorOrShape(data.length, shape), data.clone());
    }

    /** From a nested Java array such as {@code float[][]} or {@code double[][][]}: the shape is its nesting. */
    public static Tensor of(Object nested) {
        return NestedArrays.toTensor(nested);
    }

    /** No dims given means a 1-D tensor of the data's length. */
    private static Shape vectorOrShape(int length, int[] dims) {
        return dims.length == 0 ? Shape.of(length) : Shape.of(dims);
    }

    public static Tensor scalar(float value) {
        return wrap(DType.FLOAT32, Shape.scalar(), new float[] {value});
    }

    public static Tensor scalar(double value) {
        return wrap(DType.FLOAT64, Shape.scalar(), new double[] {value});
    }

    public static Tensor scalar(int value) {
        return wrap(DType.INT32, Shape.scalar(), new int[] {value});
    }

    public static Tensor scalar(long value) {
        return wrap(DType.INT64, Shape.scalar(), new long[] {value});
    }

    public static Tensor scalar(boolean value) {
        return wrap(DType.BOOL, Shape.scalar(), new boolean[] {value});
    }

    /** A scalar of the given dtype holding {@code value} converted to it. */
    public static Tensor scalar(DType dtype, double value) {
        return switch (dtype) {
            case FLOAT32 -> scalar((float) value);
            case FLOAT64 -> scalar(value);
            case INT32 -> scalar((int) value);
            case INT64 -> scalar((long) value);
            case BOOL -> scalar(value != 0);
            case STRING -> throw new IllegalArgumentException("cannot make a string scalar from the number " + value);
        };
    }

    // ---- what it is --------------------------------------------------------------------------

    public DType dtype() {
        return dtype;
    }

    public Shape shape() {
        return shape;
    }

    public TensorSpec spec() {
        return new TensorSpec(dtype, shape);
    }

    public int rank() {
        return shape.rank();
    }

    public int size() {
        return shape.size();
    }

    /** The backing array (float[], double[], ...): for kernels, which must not write to it. */
    public Object storage() {
        return storage;
    }

    public int offset() {
        return offset;
    }

    public int[] strides() {
        return strides.clone();
    }

    /** True when the elements lie row-major and adjacent in storage from {@link #offset()}. */
    public boolean isContiguous() {
        int expected = 1;
        for (int i = strides.length - 1; i >= 0; i--) {
            if (shape.dim(i) != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape.dim(i);
        }
        return true;
    }

    /** This tensor if it is contiguous, else a row-major copy. */
    public Tensor contiguous() {
        requireValues();
        if (isContiguous()) {
            return this;
        }
        // a temporary copy never takes a pooled buffer: under buffer planning the pool may hold
        // a buffer the calling kernel is about to write its result into (in place)
        HeapArrays.Allocator pooled = HeapArrays.install(null);
        try {
            return wrap(dtype, shape, StridedCopy.copy(storage, offset, strides, shape.dims(), dtype));
        } finally {
            HeapArrays.install(pooled);
        }
    }

    /** A contiguous tensor whose offset is 0 and whose storage has exactly {@link #size()} elements. */
    public Tensor compact() {
        Tensor c = contiguous();
        if (c.offset == 0 && java.lang.reflect.Array.getLength(c.storage) == size()) {
            return c;
        }
        Object data = java.lang.reflect.Array.newInstance(c.storage.getClass().getComponentType(), size());
        System.arraycopy(c.storage, c.offset, data, 0, size());
        return wrap(dtype, shape, data);
    }

    // ---- views (internal: ops build them, users call reshape/transpose/slice) ----------------

    /** A view with new shape and strides over the same storage. */
    public Tensor view(Shape newShape, int newOffset, int[] newStrides) {
        return new Tensor(dtype, newShape, storage, newOffset, newStrides);
    }

    // ---- values out --------------------------------------------------------------------------

    /** This tensor's values converted to a dtype, computed now even while a graph is being built. */
    private Tensor valuesAs(DType to) {
        requireValues();
        return dev.horn.ops.ExecutionContext.with(dev.horn.ops.ExecutionContext.EAGER, () -> tf.cast(this, to)).compact();
    }

    public float[] toFloatArray() {
        return ((float[]) valuesAs(DType.FLOAT32).storage).clone();
    }

    public double[] toDoubleArray() {
        return ((double[]) valuesAs(DType.FLOAT64).storage).clone();
    }

    public int[] toIntArray() {
        return ((int[]) valuesAs(DType.INT32).storage).clone();
    }

    public long[] toLongArray() {
        return ((long[]) valuesAs(DType.INT64).storage).clone();
    }

    public boolean[] toBooleanArray() {
        return ((boolean[]) valuesAs(DType.BOOL).storage).clone();
    }

    public String[] toStringArray() {
        if (dtype != DType.STRING) {
            throw new IllegalStateException("toStringArray: tensor is " + dtype + ", not string");
        }
        return ((String[]) compact().storage).clone();
    }

    /** The element at a flat row-major index, as a double (booleans as 0/1). */
    public double getDouble(int flatIndex) {
        int pos = storageIndex(flatIndex);
        return switch (dtype) {
            case FLOAT32 -> ((float[]) storage)[pos];
            case FLOAT64 -> ((double[]) storage)[pos];
            case INT32 -> ((int[]) storage)[pos];
            case INT64 -> ((long[]) storage)[pos];
            case BOOL -> ((boolean[]) storage)[pos] ? 1 : 0;
            case STRING -> throw new IllegalStateException("getDouble: tensor is string");
        };
    }

    /** The element at the given indices as a double. */
    public double getDouble(int... indices) {
        if (indices.length != rank()) {
            throw new IllegalArgumentException("expected " + rank() + " indices for shape " + shape + ", got " + indices.length);
        }
        int flat = 0;
        for (int i = 0; i < indices.length; i++) {
            int d = shape.dim(i);
            if (indices[i] < 0 || indices[i] >= d) {
                throw new IndexOutOfBoundsException("index " + indices[i] + " is out of range for axis " + i
                        + " of size " + d + " (shape " + shape + ")");
            }
            flat = flat * d + indices[i];
        }
        return getDouble(flat);
    }

    public float getFloat(int... indices) {
        return (float) getDouble(indices);
    }

    /** The value of a one-element tensor. */
    public double item() {
        if (size() != 1) {
            throw new IllegalStateException("item() needs a tensor with one element, this one has shape " + shape);
        }
        return getDouble(0);
    }

    public float floatValue() {
        return (float) item();
    }

    private int storageIndex(int flatIndex) {
        requireValues();
        if (flatIndex < 0 || flatIndex >= size()) {
            throw new IndexOutOfBoundsException("flat index " + flatIndex + " is out of range for shape " + shape);
        }
        int pos = offset;
        for (int i = rank() - 1; i >= 0; i--) {
            int d = shape.dim(i);
            pos += (flatIndex % d) * strides[i];
            flatIndex /= d;
        }
        return pos;
    }

    // ---- fluent arithmetic (each a one-liner over the tf facade) -----------------------------

    public Tensor add(Tensor other) { return tf.add(this, other); }
    public Tensor add(double other) { return tf.add(this, Tensor.scalar(dtype, other)); }
    public Tensor sub(Tensor other) { return tf.sub(this, other); }
    public Tensor sub(double other) { return tf.sub(this, Tensor.scalar(dtype, other)); }
    public Tensor mul(Tensor other) { return tf.mul(this, other); }
    public Tensor mul(double other) { return tf.mul(this, Tensor.scalar(dtype, other)); }
    public Tensor div(Tensor other) { return tf.div(this, other); }
    /**
     * Division by a number. On integer tensors it is true division into float32, as R's {@code /}
     * and Python's {@code /} are: {@code images.div(255)} scales pixel counts to [0, 1] rather
     * than truncating them to 0.
     */
    public Tensor div(double other) {
        if (dtype.isInteger()) {
            return tf.div(tf.cast(this, DType.FLOAT32), Tensor.scalar(DType.FLOAT32, other));
        }
        return tf.div(this, Tensor.scalar(dtype, other));
    }
    public Tensor pow(double exponent) { return tf.pow(this, Tensor.scalar(dtype, exponent)); }
    public Tensor neg() { return tf.neg(this); }
    public Tensor matmul(Tensor other) { return tf.matmul(this, other); }
    public Tensor reshape(int... newShape) { return tf.reshape(this, newShape); }
    public Tensor transpose(int... perm) { return tf.transpose(this, perm); }
    public Tensor cast(DType to) { return tf.cast(this, to); }
    public Tensor sum(int... axes) { return tf.reduceSum(this, axes); }
    public Tensor mean(int... axes) { return tf.reduceMean(this, axes); }

    /** Element-wise equality of dtype, shape and values (NaN equals NaN): for tests and checks. */
    public boolean valuesEqual(Tensor other) {
        if (dtype != other.dtype || !shape.equals(other.shape)) {
            return false;
        }
        Tensor a = compact();
        Tensor b = other.compact();
        return switch (dtype) {
            case FLOAT32 -> Arrays.equals((float[]) a.storage, (float[]) b.storage);
            case FLOAT64 -> Arrays.equals((double[]) a.storage, (double[]) b.storage);
            case INT32 -> Arrays.equals((int[]) a.storage, (int[]) b.storage);
            case INT64 -> Arrays.equals((long[]) a.storage, (long[]) b.storage);
            case BOOL -> Arrays.equals((boolean[]) a.storage, (boolean[]) b.storage);
            case STRING -> Arrays.equals((String[]) a.storage, (String[]) b.storage);
        };
    }

    /** Prints like TensorFlow: {@code tf.Tensor([[1. 2.] [3. 4.]], shape=(2, 2), dtype=float32)}, summarised when large. */
    @Override
    public String toString() {
        if (producer != null) {
            return "<symbolic tf.Tensor '" + producer + "' shape=" + TensorFormat.shapeTuple(shape) + " dtype=" + dtype + ">";
        }
        return TensorFormat.format(this);
    }
}
