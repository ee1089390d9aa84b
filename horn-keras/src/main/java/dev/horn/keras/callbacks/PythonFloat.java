package dev.horn.keras.callbacks;

import java.math.BigDecimal;

/**
 * Numbers as Python's {@code str(float)} writes them, which is what Keras puts in CSV logs and
 * messages: the shortest digits that read back to the same double, positional between 1e-4
 * and 1e16 ({@code 0.0001}, {@code 0.25}, {@code 1234.0}), scientific outside ({@code 1e-05},
 * {@code 1.5e+16}), and {@code nan}/{@code inf}.
 */
final class PythonFloat {
    private PythonFloat() {}

    static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        // Double.toString gives the shortest round-tripping digits (JDK 19+); re-lay them out Python's way
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale(); // decimal exponent of the first digit
        String sign = v < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = d.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }
}
