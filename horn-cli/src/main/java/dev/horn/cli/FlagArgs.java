package dev.horn.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --flag name=value} options: the values stay text, the script's declared types convert them. */
final class FlagArgs {
    private FlagArgs() {}

    static Map<String, Object> single(List<String> options) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String o : options) {
            String[] kv = split(o);
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    /** For tuning: {@code name=v1,v2,v3} gives the values v1, v2 and v3. */
    static Map<String, List<?>> grid(List<String> options) {
        Map<String, List<?>> out = new LinkedHashMap<>();
        for (String o : options) {
            String[] kv = split(o);
            List<String> values = new ArrayList<>();
            for (String v : kv[1].split(",", -1)) {
                values.add(v.trim());
            }
            out.put(kv[0], values);
        }
        return out;
    }

    static Map<String, String> properties(List<String> options) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String o : options) {
            String[] kv = split(o);
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    private static String[] split(String option) {
        int eq = option.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--flag needs name=value, got '" + option + "'");
        }
        return new String[] {option.substring(0, eq).trim(), option.substring(eq + 1)};
    }
}
