package dev.ydmyk.guidelines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guideline file as a support lead writes it: {@code [section]} headers, one entry a line,
 * {@code #} starts a comment line, blank lines are ignored.
 */
public final class Sections {

    private final Map<String, List<String>> entries;

    private Sections(Map<String, List<String>> entries) {
        this.entries = entries;
    }

    public static Sections parse(String text) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        String current = "";
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = line.substring(1, line.length() - 1).strip();
                entries.computeIfAbsent(current, k -> new ArrayList<>());
                continue;
            }
            entries.computeIfAbsent(current, k -> new ArrayList<>()).add(line);
        }
        entries.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return new Sections(Collections.unmodifiableMap(entries));
    }

    public static Sections empty() {
        return new Sections(Map.of());
    }

    public List<String> get(String section) {
        return entries.getOrDefault(section, List.of());
    }

    public boolean has(String section) {
        return !get(section).isEmpty();
    }

    public Map<String, List<String>> all() {
        return entries;
    }
}
