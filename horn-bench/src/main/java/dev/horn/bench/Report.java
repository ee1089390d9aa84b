package dev.horn.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark run found: rows of a table (column name to value, in column order; a
 * {@code null} value prints as "-"), notes for the reader (a skipped peer, a target missed) and
 * facts about what was measured (library versions, sizes) that belong in the JSON beside the
 * machine's.
 */
public record Report(List<Map<String, Object>> rows, List<String> notes, Map<String, Object> facts) {
    public Report {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public static Report of(List<Map<String, Object>> rows) {
        return new Report(rows, List.of(), Map.of());
    }

    public Report withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new Report(rows, more, facts);
    }

    public Report withFact(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(facts);
        more.put(name, value);
        return new Report(rows, notes, more);
    }
}
