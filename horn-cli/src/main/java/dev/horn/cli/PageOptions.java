package dev.horn.cli;

import dev.horn.runs.report.Browser;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where {@code runs view} and {@code runs compare} write their page, and whether it is opened. */
final class PageOptions {
    @Option(names = "--output", description = "Where to write the page (default: beside the run(s)).")
    Path output;

    @Option(names = "--no-browser", description = "Only print where the page is.")
    boolean noBrowser;

    Path fileOr(Path fallback) {
        return output != null ? output : fallback;
    }

    /** Prints "what: path" and opens the page where a browser can show it. */
    void show(String what, Path file) {
        System.out.println(what + ": " + file.toAbsolutePath());
        if (!noBrowser) {
            Browser.open(file.toAbsolutePath().toUri().toString());
        }
    }
}
