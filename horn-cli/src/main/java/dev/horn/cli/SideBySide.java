package dev.horn.cli;

import dev.horn.runs.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Two runs' evaluation, metrics and flags in two columns on the terminal, differing rows marked with '*'. */
final class SideBySide {
    private SideBySide() {}

    static String text(RunRecord a, RunRecord b) {
        Set<String> keys = new LinkedHashSet<>();
        for (RunRecord r : List.of(a, b)) {
            r.columns().keySet().stream().filter(k -> k.startsWith("eval_") || k.startsWith("metric_")
                    || k.startsWith("flag_") || List.of("epochs", "batch_size", "optimizer", "learning_rate",
                    "status").contains(k)).forEach(keys::add);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", a.runDir(), b.runDir()});
        for (String k : keys) {
            rows.add(new String[] {k, cell(a.get(k)), cell(b.get(k))});
        }
        int[] w = new int[3];
        for (String[] r : rows) {
            for (int i = 0; i < 3; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            String mark = r[0].isEmpty() || r[1].equals(r[2]) ? " " : "*";
            sb.append(String.format(Locale.ROOT, "%s %-" + w[0] + "s  %" + w[1] + "s  %" + w[2] + "s%n", mark, r[0], r[1], r[2]));
        }
        return sb.toString();
    }

    private static String cell(Object v) {
        return v == null ? "" : v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(v);
    }
}
