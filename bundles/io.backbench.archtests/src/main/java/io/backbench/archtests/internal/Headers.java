package io.backbench.archtests.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the package names out of an OSGi manifest header such as Import-Package: clauses separated
 * by commas, each a list of packages separated by semicolons followed by attributes and directives
 * ({@code a;b;version="[1,2)";resolution:=optional}). Commas and semicolons inside quotes are values.
 */
final class Headers {

    private Headers() {
    }

    static List<String> packages(String header) {
        List<String> names = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return names;
        }
        for (String clause : split(header, ',')) {
            for (String part : split(clause, ';')) {
                String p = part.trim();
                if (!p.isEmpty() && !p.contains("=")) {
                    names.add(p);
                }
            }
        }
        return names;
    }

    /** Splits at {@code separator} outside double quotes. */
    static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
