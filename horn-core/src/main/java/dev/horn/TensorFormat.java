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
        String[] items = new String[c.size()];
        boolean floating = c.dtype().isFloating();
        boolean allIntegral = true;
        int maxDecimals = 0;
        for (int i = 0; i < items.length; i++) {
            if (floating) {
                double v = c.getDouble(i);
                if (!Double.isFinite(v) || v != Math.rint(v) || Math.abs(v) >= 1e16) {
                    allIntegral = false;
                }
            }
        }
        for (int i = 0; i < items.length; i++) {
            items[i] = switch (c.dtype()) {
                case FLOAT32, FLOAT64 -> {
                    double v = c.getDouble(i);
                    String s = floatText(v, c.dtype() == DType.FLOAT32, allIntegral);
                    int dot = s.indexOf('.');
                    if (dot >= 0 && !s.contains("e")) {
                        maxDecimals = Math.max(maxDecimals, s.length() - dot - 1);
                    }
                    yield s;
                }
                case BOOL -> c.getDouble(i) != 0 ? "True" : "False";
                case STRING -> "b'" + ((String[]) c.storage())[i] + "'";
                default -> Long.toString((long) c.getDouble(i));
            };
        }
        if (floating && !allIntegral) {
            // numpy pads decimals so a column of numbers lines up: 0.5 next to 0.25 prints as 0.5 and 0.25 -> "0.5 " "0.25"
            for (int i = 0; i < items.length; i++) {
                String s = items[i];
                int dot = s.indexOf('.');
                if (dot >= 0 && !s.contains("e") && !s.contains("n")) {
                    items[i] = s + " ".repeat(maxDecimals - (s.length() - dot - 1));
                }
            }
        }
        int width = 0;
        for (String s : items) {
            width = Math.max(width, s.length());
        }
        if (dims.length == 0) {
            return items[0].strip();
        }
        StringBuilder sb = new StringBuilder();
        block(sb, items, dims, 0, 0, width, summarise);
        return sb.toString();
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
                sb.append(" ".repeat(width - s.length())).append(s);
            } else {
                block(sb, items, dims, depth + 1, start + i * stride, width, summarise);
            }
        }
        sb.append(']');
    }

    private static String floatText(double v, boolean single, boolean allIntegral) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (allIntegral) {
            return (long) v + ".";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e16)) {
            return String.format(java.util.Locale.ROOT, "%.7e", v).replaceAll("0+e", "e").replace(".e", "e");
        }
        String s = new java.math.BigDecimal(single ? Float.toString((float) v) : Double.toString(v))
                .round(new java.math.MathContext(single ? 8 : 8)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".";
    }

    static String shapeTuple(Shape shape) {
        if (shape.rank() == 1) {
            return "(" + shape.dim(0) + ",)";
        }
        String s = shape.toString();
        return "(" + s.substring(1, s.length() - 1) + ")";
    }
}
