package dev.horn.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which runs {@code ls_runs} returns: those under a runs directory, optionally only the latest
 * {@code n}, those matching a {@link RunFilter}, ordered by a column (descending, as tfruns'
 * {@code order}, unless asked ascending); by default the most recent first.
 */
public final class RunQuery {
    Path runsDir = Path.of("runs");
    Path workDir = Path.of("");
    String filter;
    String order;
    boolean ascending;
    Integer latest;

    public static RunQuery in(Path runsDir) {
        RunQuery q = new RunQuery();
        q.runsDir = runsDir;
        return q;
    }

    public RunQuery filter(String expression) {
        this.filter = expression;
        return this;
    }

    public RunQuery order(String column, boolean ascendingOrder) {
        this.order = column;
        this.ascending = ascendingOrder;
        return this;
    }

    public RunQuery latest(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("latest must be positive, got " + n);
        }
        this.latest = n;
        return this;
    }

    /** The directory run_dir paths are shown relative to. */
    public RunQuery workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    List<RunRecord> run() {
        Path dir = workDir.toAbsolutePath().normalize().resolve(runsDir);
        List<RunRecord> rows = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> children = Files.list(dir)) {
                for (Path p : children.filter(Files::isDirectory).sorted().toList()) {
                    if (!p.getFileName().toString().equals(Runs.ARCHIVE) && !p.getFileName().toString().startsWith(".")) {
                        rows.add(RunReader.read(new RunDir(p), workDir));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list runs in " + dir + ": " + e.getMessage(), e);
            }
        }
        Comparator<RunRecord> newestFirst = Comparator.comparingDouble(RunRecord::startSeconds)
                .thenComparing(RunRecord::runDir).reversed();
        rows.sort(newestFirst);
        if (latest != null && rows.size() > latest) {
            rows = new ArrayList<>(rows.subList(0, latest));
        }
        if (filter != null && !filter.isBlank()) {
            RunFilter f = RunFilter.parse(filter);
            requireKnown(f.columns(), rows, "filter");
            rows.removeIf(f.negate());
        }
        if (order != null) {
            requireKnown(List.of(order), rows, "order");
            Comparator<RunRecord> byColumn = Comparator.comparing(r -> r.get(order), RunQuery::compareValues);
            Comparator<RunRecord> c = ascending ? byColumn : byColumn.reversed();
            rows.sort(Comparator.<RunRecord, Boolean>comparing(r -> r.get(order) == null).thenComparing(c));
        }
        return rows;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static void requireKnown(List<String> names, List<RunRecord> rows, String what) {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> known = new LinkedHashSet<>();
        rows.forEach(r -> known.addAll(r.columns().keySet()));
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException("Unknown column '" + n + "' in " + what + "; the runs have " + known);
            }
        }
    }
}
