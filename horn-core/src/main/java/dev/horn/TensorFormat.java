package dev.horn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Prints tensors the way TensorFlow eager does, which is numpy's {@code str(array)} inside
 * {@code tf.Tensor(..., shape=..., dtype=...)}: {@code tf.Tensor(
 * [[1. 2.]
 *  [3. 4.]], shape=(2, 2), dtype=float32)}. A newline follows {@code tf.Tensor(} whenever the
 * values take more than one line. numpy's defaults apply: lines of at most 75 characters,
 * tensors over 1000 elements summarised with the first and last three items of each axis
 * around {@code ...}, and floats as {@link FloatFormat} decides.
 */
final class TensorFormat {
    static final int THRESHOLD = 1000;
    static final int EDGE = 3;
    static final int LINE_WIDTH = 75;

    private TensorFormat() {}

    static String format(Tensor t) {
        String body = values(t);
        String sep = body.contains("\n") ? "\n" : "";
        return "tf.Tensor(" + sep + body + ", shape=" + shapeTuple(t.shape()) + ", dtype=" + t.dtype() + ")";
    }

    /** numpy's {@code str} of the values, such as {@code [[1. 2.]\n [3. 4.]]} or {@code 3.5}. */
    static String values(Tensor t) {
        Tensor c = t.compact();
        if (c.rank() == 0) {
            return scalar(c);
        }
        if (c.size() == 0) {
            return "[]";
        }
        boolean summarise = c.size() > THRESHOLD;
        int[] dims = c.shape().dims();
        List<Integer> shown = new ArrayList<>();
        collectShown(dims, 0, 0, c.shape().strides(), summarise, shown);
        IntFunction<String> element = elementFormat(c, shown.stream().mapToInt(Integer::intValue).toArray());
        return new Layout(dims, c.shape().strides(), summarise, element).array(0, 0, " ", LINE_WIDTH);
    }

    /** The flat indices numpy formats (all, or the edges of every long axis when summarising). */
    private static void collectShown(int[] dims, int depth, int start, int[] strides, boolean summarise, List<Integer> out) {
        if (depth == dims.length) {
            out.add(start);
            return;
        }
        int n = dims[depth];
        boolean cut = summarise && n > 2 * EDGE;
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE) {
                i = n - EDGE;
            }
            collectShown(dims, depth + 1, start + i * strides[depth], strides, summarise, out);
        }
    }

    private static IntFunction<String> elementFormat(Tensor c, int[] shown) {
        Object data = c.storage();
        return switch (c.dtype()) {
            case FLOAT32, FLOAT64 -> {
                boolean single = c.dtype() == DType.FLOAT32;
                double[] values = new double[shown.length];
                for (int i = 0; i < shown.length; i++) {
                    values[i] = c.getDouble(shown[i]);
                }
                FloatFormat f = new FloatFormat(values, single);
                yield i -> f.format(c.getDouble(i));
            }
            case INT32, INT64 -> {
                int width = 0;
                for (int i : shown) {
                    width = Math.max(width, Long.toString(integer(data, i)).length());
                }
                int w = width;
                yield i -> pad(Long.toString(integer(data, i)), w);
            }
            case BOOL -> i -> ((boolean[]) data)[i] ? " True" : "False";
            case STRING -> i -> bytesRepr(((String[]) data)[i]);
        };
    }

    private static long integer(Object data, int i) {
        return data instanceof int[] ints ? ints[i] : ((long[]) data)[i];
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** A 0-d tensor as numpy prints a scalar: {@code 3.5}, {@code 1e-05}, {@code True}, {@code b'abc'}. */
    private static String scalar(Tensor c) {
        Object data = c.storage();
        return switch (c.dtype()) {
            case FLOAT32, FLOAT64 -> FloatFormat.scalar(c.getDouble(0), c.dtype() == DType.FLOAT32);
            case INT32, INT64 -> Long.toString(integer(data, 0));
            case BOOL -> ((boolean[]) data)[0] ? "True" : "False";
            case STRING -> bytesRepr(((String[]) data)[0]);
        };
    }

    /** Python's {@code repr} of the string's UTF-8 bytes, as TensorFlow shows string tensors. */
    static String bytesRepr(String s) {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean hasSingle = s.indexOf('\'') >= 0;
        char quote = hasSingle && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder("b").append(quote);
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v == quote || v == '\\') {
                sb.append('\\').append((char) v);
            } else if (v == '\t') {
                sb.append("\\t");
            } else if (v == '\n') {
                sb.append("\\n");
            } else if (v == '\r') {
                sb.append("\\r");
            } else if (v < 0x20 || v >= 0x7F) {
                sb.append(String.format("\\x%02x", v));
            } else {
                sb.append((char) v);
            }
        }
        return sb.append(quote).toString();
    }

    /** TensorFlow's shape tuple: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    static String shapeTuple(Shape shape) {
        if (shape.rank() == 1) {
            return "(" + shape.dim(0) + ",)";
        }
        String s = shape.toString();
        return "(" + s.substring(1, s.length() - 1) + ")";
    }

    /** numpy's {@code _formatArray}: nested brackets, rows wrapped at the line width. */
    private record Layout(int[] dims, int[] strides, boolean summarise, IntFunction<String> element) {
        String array(int depth, int start, String hangingIndent, int width) {
            int axesLeft = dims.length - depth;
            String nextIndent = hangingIndent + " ";
            int nextWidth = width - 1;
            int n = dims[depth];
            boolean cut = summarise && 2 * EDGE < n;
            int leading = cut ? EDGE : 0;
            int trailing = cut ? EDGE : n;
            StringBuilder s = new StringBuilder();
            if (axesLeft == 1) {
                int elemWidth = width - 1;
                StringBuilder line = new StringBuilder(hangingIndent);
                for (int i = 0; i < leading; i++) {
                    line = extend(s, line, element.apply(start + i * strides[depth]), elemWidth, hangingIndent);
                    line.append(' ');
                }
                if (cut) {
                    line = extend(s, line, "...", elemWidth, hangingIndent);
                    line.append(' ');
                }
                for (int i = trailing; i > 1; i--) {
                    line = extend(s, line, element.apply(start + (n - i) * strides[depth]), elemWidth, hangingIndent);
                    line.append(' ');
                }
                line = extend(s, line, element.apply(start + (n - 1) * strides[depth]), elemWidth, hangingIndent);
                s.append(line);
            } else {
                String lineSep = "\n".repeat(axesLeft - 1);
                for (int i = 0; i < leading; i++) {
                    s.append(hangingIndent).append(array(depth + 1, start + i * strides[depth], nextIndent, nextWidth)).append(lineSep);
                }
                if (cut) {
                    s.append(hangingIndent).append("...").append(lineSep);
                }
                for (int i = trailing; i > 1; i--) {
                    s.append(hangingIndent).append(array(depth + 1, start + (n - i) * strides[depth], nextIndent, nextWidth))
                            .append(lineSep);
                }
                s.append(hangingIndent).append(array(depth + 1, start + (n - 1) * strides[depth], nextIndent, nextWidth));
            }
            return "[" + s.substring(hangingIndent.length()) + "]";
        }

        /** numpy's {@code _extendLine}: starts a new line when the word would pass the width. */
        private static StringBuilder extend(StringBuilder s, StringBuilder line, String word, int width, String indent) {
            boolean wrap = line.length() + word.length() > width && line.length() > indent.length();
            if (wrap) {
                s.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
            }
            return line.append(word);
        }
    }
}
