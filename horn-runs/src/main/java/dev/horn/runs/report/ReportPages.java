package dev.horn.runs.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.horn.runs.RunDir;
import dev.horn.runs.internal.RunFiles;
import dev.horn.runs.internal.SourceArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML pages: one template with its stylesheet and script inlined and the data embedded as
 * JSON, so a report is a single file that opens without a network or a server. The live
 * dashboard serves the same page with {@code live} set.
 */
public final class ReportPages {
    private ReportPages() {}

    public static Path writeRunReport(RunDir run, String label, Path output) {
        RunFiles.writeText(output, page(label, RunView.of(run, label)));
        return output;
    }

    public static Path writeComparison(RunDir a, String labelA, RunDir b, String labelB, Path output) {
        RunFiles.writeText(output, page(labelA + " vs " + labelB, comparison(a, labelA, b, labelB)));
        return output;
    }

    static Map<String, Object> comparison(RunDir a, String labelA, RunDir b, String labelB) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", "compare");
        d.put("runs", List.of(RunView.of(a, labelA), RunView.of(b, labelB)));
        d.put("diff", SourceDiff.between(SourceArchive.read(a.sourceArchive()), SourceArchive.read(b.sourceArchive()),
                labelA, labelB));
        return d;
    }

    /** The page for {@code data}: title, inline style and script, data as JSON safe inside a script tag. */
    static String page(String title, Map<String, Object> data) {
        return resource("page.html")
                .replace("__STYLE__", resource("report.css"))
                .replace("__SCRIPT__", resource("report.js"))
                .replace("__TITLE__", escapeHtml(title))
                .replace("__DATA__", json(data));
    }

    static String json(Map<String, Object> data) {
        try {
            // "</script>" or "<!--" in the data would end or change the script element; '<' only occurs
            // inside JSON strings, where \u003c is the same character
            return RunFiles.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(data).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report data: " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ReportPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing report resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
