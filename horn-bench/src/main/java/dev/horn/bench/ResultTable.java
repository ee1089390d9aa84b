package dev.horn.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Rows printed as a fixed-width table: columns in first-seen order, numbers right-aligned. */
public final class ResultTable {
    private ResultTable() {}

    public static String format(List<Map<String, Object>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        List<String> names = new ArrayList<>(columns);
        int[] width = new int[names.size()];
        boolean[] numeric = new boolean[names.size()];
        List<String[]> cells = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            width[c] = names.get(c).length();
            numeric[c] = true;
        }
        for (Map<String, Object> r : rows) {
            String[] line = new String[names.size()];
            for (int c = 0; c < names.size(); c++) {
                Object v = r.get(names.get(c));
                line[c] = cell(v);
                width[c] = Math.max(width[c], line[c].length());
                if (v != null && !(v instanceof Number)) {
                    numeric[c] = false;
                }
            }
            cells.add(line);
        }
        StringBuilder out = new StringBuilder();
        appendLine(out, names.toArray(String[]::new), width, numeric);
        int total = 0;
        for (int w : width) {
            total += w + 2;
        }
        out.append("-".repeat(Math.max(0, total - 2))).append('\n');
        for (String[] line : cells) {
            appendLine(out, line, width, numeric);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, String[] line, int[] width, boolean[] numeric) {
        StringBuilder s = new StringBuilder();
        for (int c = 0; c < line.length; c++) {
            if (c > 0) {
                s.append("  ");
            }
            String pad = " ".repeat(width[c] - line[c].length());
            s.append(numeric[c] ? pad + line[c] : line[c] + pad);
        }
        out.append(s.toString().stripTrailing()).append('\n');
    }

    /** Doubles to about four significant digits, which is all a timing carries. */
    static String cell(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return String.valueOf(d);
            }
            double a = Math.abs(d);
            String format = a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : a == 0 ? "%.0f" : "%.3g";
            return String.format(Locale.ROOT, format, d);
        }
        return String.valueOf(v);
    }
}
