package dev.horn.runs.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The unified diff, file by file, between the sources of two runs (what tfruns' compare_runs shows). */
final class SourceDiff {
    private static final int CONTEXT = 3;

    private SourceDiff() {}

    /** One entry per file that differs: {@code file} and its unified diff {@code lines}. */
    static List<Map<String, Object>> between(Map<String, String> a, Map<String, String> b, String labelA, String labelB) {
        List<Map<String, Object>> out = new ArrayList<>();
        TreeSet<String> files = new TreeSet<>(a.keySet());
        files.addAll(b.keySet());
        for (String file : files) {
            List<String> left = lines(a.get(file));
            List<String> right = lines(b.get(file));
            if (left.equals(right)) {
                continue;
            }
            List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(labelA + "/" + file, labelB + "/" + file, left,
                    DiffUtils.diff(left, right), CONTEXT);
            out.add(Map.of("file", file, "lines", diff));
        }
        return out;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\n", -1));
    }
}
