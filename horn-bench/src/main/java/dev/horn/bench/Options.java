package dev.horn.bench;

import dev.horn.internal.cpu.Parallel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A benchmark's command-line options: {@code --name value}, {@code --name=value} or a bare {@code --flag}. */
public final class Options {
    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    public static Options parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected an option like --reps 5, got '" + arg + "'");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            if (eq >= 0) {
                values.put(body.substring(0, eq), body.substring(eq + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                values.put(body, args.get(++i));
            } else {
                values.put(body, "true");
            }
        }
        return new Options(values);
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean flag(String name) {
        String v = values.get(name);
        return v != null && !v.equalsIgnoreCase("false");
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects a whole number, got '" + v + "'");
        }
    }

    /**
     * Thread counts to measure at, from a list like {@code 1,all} ({@code all}: Horn's pool size),
     * without repeats; counts above the pool size are capped to it.
     */
    public List<Integer> threads(String name, String fallback) {
        List<Integer> counts = new ArrayList<>();
        for (String part : string(name, fallback).split(",")) {
            String p = part.strip();
            int t;
            if (p.equalsIgnoreCase("all")) {
                t = Parallel.THREADS;
            } else {
                try {
                    t = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--" + name + " expects counts like 1,all, got '" + p + "'");
                }
            }
            if (t < 1) {
                throw new IllegalArgumentException("--" + name + ": thread counts start at 1, got " + t);
            }
            t = Math.min(t, Parallel.THREADS);
            if (!counts.contains(t)) {
                counts.add(t);
            }
        }
        return counts;
    }
}
