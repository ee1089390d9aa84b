package dev.horn.keras.callbacks;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkpoint file names as Keras fills them, with Python's {@code str.format}:
 * {@code "weights.{epoch:02d}-{val_loss:.2f}.weights.h5"} becomes
 * {@code weights.03-0.41.weights.h5}. Supported specs: {@code d}, {@code 0Nd}, {@code .Nf},
 * {@code .Ne}, none.
 */
final class FilepathTemplate {
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    private FilepathTemplate() {}

    static String format(String template, int epoch, Map<String, Double> logs) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value;
            if (name.equals("epoch")) {
                value = epoch;
            } else if (logs.containsKey(name)) {
                value = logs.get(name);
            } else {
                throw new IllegalArgumentException("ModelCheckpoint: the file path \"" + template + "\" names \"" + name
                        + "\", which is not among the logs " + logs.keySet() + " (nor epoch)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(field(value, m.group(2), template)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String field(Object value, String spec, String template) {
        if (spec == null || spec.isEmpty()) {
            return value instanceof Double d ? PythonFloat.repr(d) : value.toString();
        }
        char kind = spec.charAt(spec.length() - 1);
        String width = spec.substring(0, spec.length() - 1);
        double v = ((Number) value).doubleValue();
        return switch (kind) {
            case 'd' -> String.format(Locale.ROOT, "%" + width + "d", Math.round(v));
            case 'f', 'e' -> String.format(Locale.ROOT, "%" + width + kind, v);
            default -> throw new IllegalArgumentException("ModelCheckpoint: unsupported format \"" + spec + "\" in \""
                    + template + "\"");
        };
    }
}
