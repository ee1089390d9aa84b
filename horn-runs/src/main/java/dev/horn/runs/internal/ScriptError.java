package dev.horn.runs.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error of a failed script, read from its console output as tfruns records it: the message
 * and the traceback. A script runs in its own JVM, so what it threw is what the JVM printed
 * ({@code Exception in thread "main" ...} and its {@code at} lines); a script that did not
 * compile has the compiler's lines instead.
 */
public final class ScriptError {
    private static final Pattern UNCAUGHT = Pattern.compile("^Exception in thread \"[^\"]*\" (\\S+?)(?:: (.*))?$");

    private ScriptError() {}

    public static Map<String, Object> fromOutput(String output, int exitCode) {
        String[] lines = output.split("\r?\n");
        int start = -1;
        for (int i = lines.length - 1; i >= 0; i--) {
            if (UNCAUGHT.matcher(lines[i]).matches()) {
                start = i;
                break;
            }
        }
        Map<String, Object> error = new LinkedHashMap<>();
        if (start >= 0) {
            Matcher m = UNCAUGHT.matcher(lines[start]);
            m.matches();
            error.put("message", m.group(2) != null ? m.group(2) : m.group(1));
            error.put("type", m.group(1));
            List<String> trace = new ArrayList<>();
            for (int i = start; i < lines.length; i++) {
                trace.add(lines[i]);
            }
            error.put("traceback", String.join("\n", trace));
        } else {
            List<String> tail = new ArrayList<>();
            for (int i = Math.max(0, lines.length - 20); i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    tail.add(lines[i]);
                }
            }
            error.put("message", tail.isEmpty() ? "the script exited with status " + exitCode : tail.getLast());
            error.put("traceback", String.join("\n", tail));
        }
        error.put("exit_status", exitCode);
        return error;
    }
}
