package dev.horn;

/**
 * Prints tensors the way TensorFlow (numpy) does: {@code tf.Tensor(
 * [[1. 2.]
 *  [3. 4.]], shape=(2, 2), dtype=float32)}. Tensors over 1000 elements are summarised with
 * the first and last three items of each axis around {@code ...}.
 */
final class TensorFormat {
    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;

    private TensorFormat() {}

    static String format(Tensor t) {
        String body = values(t);
        String shape = shapeTuple(t.shape());
        String sep = t.rank() > 1 ? "\n" : "";
        return "tf.Tensor(" + sep + body + ", shape=" + shape + ", dtype=" + t.dtype() + ")";
    }

    /** numpy's array body, such as {@code [[1. 2.]\n [3. 4.]]}. */
    static String values(Tensor t) {
        Tensor c = t.compact();
        boolean summarise = c.size() > THRESHOLD;
        int[] dims = c.shape().dims();
        String[] items = switch (c.dtype()) {
            case FLOAT32, FLOAT64 -> FloatText.format(c, summarise ? shownIndices(dims) : null);
            case BOOL -> each(c, i -> c.getDouble(i) != 0 ? "True" : "False");
            case STRING -> each(c, i -> "b'" + ((String[]) c.storage())[i] + "'");
            default -> each(c, i -> Long.toString((long) c.getDouble(i)));
        };
        int width = 0; // numpy right-aligns numbers and booleans to a common width; strings are not padded
        for (String item : items) {
            if (item != null && c.dtype() != DType.STRING) {
                width = Math.max(width, item.length());
            }
        }
        if (dims.length == 0) {
            return items[0].strip();
        }
        StringBuilder sb = new StringBuilder();
        block(sb, items, dims, 0, 0, width, summarise);
        return sb.toString();
    }

    private static String[] each(Tensor c, java.util.function.IntFunction<String> text) {
        String[] items = new String[c.size()];
        for (int i = 0; i < items.length; i++) {
            items[i] = text.apply(i);
        }
        return items;
    }

    /** Which flat indices a summarised print shows: the first and last EDGE along every axis. */
    private static boolean[] shownIndices(int[] dims) {
        int size = 1;
        for (int d : dims) {
            size *= d;
        }
        boolean[] shown = new boolean[size];
        for (int i = 0; i < size; i++) {
            int rest = i;
            boolean keep = true;
            for (int ax = dims.length - 1; ax >= 0 && keep; ax--) {
                int coord = rest % dims[ax];
                rest /= dims[ax];
                keep = dims[ax] <= 2 * EDGE || coord < EDGE || coord >= dims[ax] - EDGE;
            }
            shown[i] = keep;
        }
        return shown;
    }

    private static void block(StringBuilder sb, String[] items, int[] dims, int depth, int start, int width, boolean summarise) {
        int n = dims[depth];
        int stride = 1;
        for (int d = depth + 1; d < dims.length; d++) {
            stride *= dims[d];
        }
        sb.append('[');
        boolean cut = summarise && n > 2 * EDGE;
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE) {
                sb.append(depth == dims.length - 1 ? " ..." : "\n" + " ".repeat(depth + 1) + "...");
                i = n - EDGE;
            }
            if (i > 0) {
                if (depth == dims.length - 1) {
                    sb.append(' ');
                } else {
                    sb.append("\n".repeat(dims.length - 1 - depth)).append(" ".repeat(depth + 1));
                }
            }
            if (depth == dims.length - 1) {
                String s = items[start + i];
                sb.append(" ".repeat(Math.max(0, width - s.length()))).append(s);
            } else {
                block(sb, items, dims, depth + 1, start + i * stride, width, summarise);
            }
        }
        sb.append(']');
    }

    static String shapeTuple(Shape shape) {
        if (shape.rank() == 1) {
            return "(" + shape.dim(0) + ",)";
        }
        String s = shape.toString();
        return "(" + s.substring(1, s.length() - 1) + ")";
    }
}
