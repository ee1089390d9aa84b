package dev.horn.runs;

import dev.horn.runs.internal.RunFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Listing rows as text: tfruns' data-frame print (the run_dir, eval_ and metric_ columns that
 * fit the width, then the names of the rest), CSV with every column, or JSON.
 */
public final class RunsTable {
    private static final int MAX_CELL = 40;

    private RunsTable() {}

    /** Every column any of the rows has, in tfruns' order (first seen first). */
    public static List<String> columns(List<RunRecord> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.columns().keySet()));
        List<String> ordered = new ArrayList<>();
        if (rows.isEmpty()) {
            return ordered;
        }
        ordered.add("run_dir");
        for (String prefix : List.of("eval_", "metric_", "flag_")) {
            names.stream().filter(n -> n.startsWith(prefix)).forEach(ordered::add);
        }
        names.stream().filter(n -> !ordered.contains(n)).forEach(ordered::add);
        return ordered;
    }

    /**
     * The data-frame print: "Data frame: rows x columns", then as many leading columns as fit in
     * {@code width} (status right after run_dir when some run is not completed), then the rest by name.
     */
    public static String table(List<RunRecord> rows, int width) {
        List<String> all = columns(rows);
        StringBuilder sb = new StringBuilder();
        sb.append("Data frame: ").append(rows.size()).append(" x ").append(all.size()).append(" \n");
        if (rows.isEmpty()) {
            return sb.toString();
        }
        boolean showStatus = rows.stream().anyMatch(r -> r.status() != RunStatus.COMPLETED);
        List<String> candidates = new ArrayList<>();
        candidates.add("run_dir");
        if (showStatus) {
            candidates.add("status");
        }
        all.stream().filter(c -> c.startsWith("eval_") || c.startsWith("metric_")).forEach(candidates::add);
        String index = Integer.toString(rows.size());
        List<String> shown = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        int used = index.length();
        for (String c : candidates) {
            int w = c.length();
            for (RunRecord r : rows) {
                w = Math.max(w, cell(r.get(c)).length());
            }
            if (!shown.isEmpty() && used + 1 + w > width) {
                break;
            }
            shown.add(c);
            widths.add(w);
            used += 1 + w;
        }
        sb.append(" ".repeat(index.length()));
        for (int i = 0; i < shown.size(); i++) {
            sb.append(' ').append(pad(shown.get(i), widths.get(i)));
        }
        sb.append('\n');
        for (int row = 0; row < rows.size(); row++) {
            String n = Integer.toString(row + 1);
            sb.append(n).append(" ".repeat(index.length() - n.length()));
            for (int i = 0; i < shown.size(); i++) {
                sb.append(' ').append(pad(cell(rows.get(row).get(shown.get(i))), widths.get(i)));
            }
            sb.append('\n');
        }
        List<String> rest = all.stream().filter(c -> !shown.contains(c)).toList();
        if (!rest.isEmpty()) {
            sb.append("# ... with ").append(rest.size()).append(" more columns:\n");
            StringBuilder line = new StringBuilder("#  ");
            for (int i = 0; i < rest.size(); i++) {
                String item = " " + rest.get(i) + (i < rest.size() - 1 ? "," : "");
                if (line.length() + item.length() > width && line.length() > 3) {
                    sb.append(line).append('\n');
                    line = new StringBuilder("#  ");
                }
                line.append(item);
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** Every column, RFC 4180 quoting. */
    public static String csv(List<RunRecord> rows) {
        List<String> all = columns(rows);
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", all.stream().map(RunsTable::quote).toList())).append('\n');
        for (RunRecord r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : all) {
                Object v = r.get(c);
                cells.add(v == null ? "" : quote(String.valueOf(v)));
            }
            sb.append(String.join(",", cells)).append('\n');
        }
        return sb.toString();
    }

    /** A JSON array of one object per run, every column. */
    public static String json(List<RunRecord> rows) {
        try {
            return RunFiles.JSON.writeValueAsString(rows.stream().map(RunRecord::columns).toList()) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** A value as the data-frame print shows it: numbers with 4 decimals, text on one line, cut to 40 characters. */
    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        String s = String.valueOf(v).replace('\n', ' ');
        return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 3) + "..." : s;
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }
}
