package dev.horn.keras.layers.merging;

import dev.horn.Shape;
import dev.horn.Tensor;
import dev.horn.keras.layers.FluentLayer;
import dev.horn.keras.layers.Shapes;
import java.util.ArrayList;
import java.util.List;

import static dev.horn.Tf.tf;

/**
 * The shared part of the merge layers (Keras' {@code _Merge}): a list of at least two inputs
 * of one batch size, shapes checked and broadcast element-wise, masks combined; subclasses
 * say how two or more aligned tensors combine.
 */
public abstract class Merge<L extends Merge<L>> extends FluentLayer<L> {
    protected Merge() {}

    /** Combines inputs that already have one rank. */
    protected abstract Tensor merge(List<Tensor> inputs);

    /** The inputs combined pairwise, left to right. */
    protected static Tensor fold(List<Tensor> inputs, java.util.function.BinaryOperator<Tensor> combine) {
        Tensor out = inputs.getFirst();
        for (int i = 1; i < inputs.size(); i++) {
            out = combine.apply(out, inputs.get(i));
        }
        return out;
    }

    @Override
    protected final Tensor call(Tensor inputs, boolean training) {
        throw notAList(inputs.shape());
    }

    @Override
    protected void checkInputShape(Shape inputShape) {
        throw notAList(inputShape);
    }

    private IllegalArgumentException notAList(Shape shape) {
        return new IllegalArgumentException("A merge layer should be called on a list of inputs; layer \"" + name()
                + "\" received one input of shape " + Shapes.tuple(shape));
    }

    @Override
    protected void checkInputShapes(List<Shape> shapes) {
        if (shapes.size() < 2) {
            throw new IllegalArgumentException("A merge layer should be called on a list of at least 2 inputs. Got "
                    + shapes.size() + " inputs. (layer \"" + name() + "\")");
        }
        int batch = Shape.UNKNOWN;
        for (Shape s : shapes) {
            int b = s.rank() == 0 ? Shape.UNKNOWN : s.dim(0);
            if (b != Shape.UNKNOWN && batch != Shape.UNKNOWN && b != batch) {
                throw new IllegalArgumentException("Can not merge tensors with different batch sizes. Got tensors with "
                        + "shapes : " + describe(shapes) + " (layer \"" + name() + "\")");
            }
            batch = b == Shape.UNKNOWN ? batch : b;
        }
        checkMergeShapes(shapes);
    }

    /** Subclass checks beyond the common ones; element-wise merges check that the shapes broadcast. */
    protected void checkMergeShapes(List<Shape> shapes) {
        computeOutputShapes(shapes);
    }

    @Override
    public List<Shape> computeOutputShapes(List<Shape> shapes) {
        int[] out = withoutBatch(shapes.getFirst());
        for (int i = 1; i < shapes.size(); i++) {
            out = broadcast(out, withoutBatch(shapes.get(i)), shapes);
        }
        int[] dims = new int[out.length + 1];
        dims[0] = shapes.getFirst().dim(0);
        for (Shape s : shapes) {
            dims[0] = dims[0] == Shape.UNKNOWN ? s.dim(0) : dims[0];
        }
        System.arraycopy(out, 0, dims, 1, out.length);
        return List.of(Shape.of(dims));
    }

    /** Keras' {@code _compute_elemwise_op_output_shape}: aligned from the last axis, 1 stretches, None stays None. */
    private int[] broadcast(int[] a, int[] b, List<Shape> shapes) {
        if (a.length < b.length) {
            return broadcast(b, a, shapes);
        }
        int[] out = a.clone();
        int shift = a.length - b.length;
        for (int i = 0; i < b.length; i++) {
            int x = a[shift + i];
            int y = b[i];
            if (x == Shape.UNKNOWN || y == Shape.UNKNOWN) {
                out[shift + i] = Shape.UNKNOWN;
            } else if (x == 1) {
                out[shift + i] = y;
            } else if (y != 1 && x != y) {
                throw new IllegalArgumentException("Operands could not be broadcast together with shapes "
                        + describe(shapes) + " (layer \"" + name() + "\")");
            }
        }
        return out;
    }

    private static int[] withoutBatch(Shape s) {
        int[] d = s.dims();
        return java.util.Arrays.copyOfRange(d, Math.min(1, d.length), d.length);
    }

    static String describe(List<Shape> shapes) {
        return "[" + String.join(", ", shapes.stream().map(Shapes::tuple).toList()) + "]";
    }

    @Override
    protected void buildMany(List<Shape> inputShapes) {}

    @Override
    protected List<Tensor> callMany(List<Tensor> inputs, boolean training, List<Tensor> masks) {
        int rank = inputs.stream().mapToInt(Tensor::rank).max().orElseThrow();
        List<Tensor> aligned = new ArrayList<>();
        for (Tensor x : inputs) {
            Tensor t = x;
            while (t.rank() < rank) {
                t = tf.expandDims(t, 1);
            }
            aligned.add(t);
        }
        return List.of(merge(aligned));
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    /** The output is masked where any input is: the given masks combined with a logical and. */
    @Override
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        Tensor combined = null;
        if (masks != null) {
            for (Tensor m : masks) {
                if (m != null) {
                    combined = combined == null ? m : tf.logicalAnd(combined, m);
                }
            }
        }
        return java.util.Collections.singletonList(combined);
    }
}
