package dev.horn.cli;

import dev.horn.runs.RunQuery;
import dev.horn.runs.RunRecord;
import dev.horn.runs.RunsTable;
import java.util.List;
import picocli.CommandLine.Option;

/** How {@code runs ls} and {@code tune} select, order and print runs. */
final class ListingOptions {
    enum Format { table, csv, json }

    @Option(names = "--order", description = "Order by this column, descending as tfruns does (with --asc: ascending).")
    String order;

    @Option(names = "--asc", description = "Order ascending (e.g. by eval_loss).")
    boolean ascending;

    @Option(names = "--latest", description = "Only the N most recent runs.")
    Integer latest;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--width", description = "Width of the table (default: $COLUMNS or 120).")
    Integer width;

    RunQuery apply(RunQuery q) {
        if (order != null) {
            q.order(order, ascending);
        }
        if (latest != null) {
            q.latest(latest);
        }
        return q;
    }

    String print(List<RunRecord> rows) {
        return switch (format) {
            case table -> RunsTable.table(rows, width != null ? width : terminalWidth());
            case csv -> RunsTable.csv(rows);
            case json -> RunsTable.json(rows);
        };
    }

    private static int terminalWidth() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120"));
        } catch (NumberFormatException e) {
            return 120;
        }
    }
}
