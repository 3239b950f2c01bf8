package io.backbench.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How lists and maps are kept in single text columns: one item a line, newlines and backslashes escaped. */
final class Text {
    private Text() {
    }

    static String lines(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String s : items) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(escape(s));
        }
        return sb.toString();
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String s : text.split("\n", -1)) {
            out.add(unescape(s));
        }
        return out;
    }

    static String map(Map<String, String> m) {
        List<String> items = new ArrayList<>();
        m.forEach((k, v) -> {
            if (k.contains("=") || k.isEmpty()) {
                throw new IllegalArgumentException("option name '" + k + "' must not be empty or contain '='");
            }
            items.add(k + "=" + v);
        });
        return lines(items);
    }

    static Map<String, String> map(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }

    /** At most {@code max} characters, ending in "..." when cut. */
    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
