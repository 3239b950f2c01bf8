package io.backbench.discovery.internal.cli;

import java.util.List;
import java.util.Map;

/** Writes maps, lists, strings, numbers, booleans and null as JSON (pretty, two-space indent). */
final class JsonWriter {
    private JsonWriter() {
    }

    static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, "");
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, String indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Map<?, ?> m) {
            object(b, m, indent);
        } else if (v instanceof List<?> l) {
            array(b, l, indent);
        } else {
            string(b, v.toString());
        }
    }

    private static void object(StringBuilder b, Map<?, ?> m, String indent) {
        if (m.isEmpty()) {
            b.append("{}");
            return;
        }
        String inner = indent + "  ";
        b.append("{\n");
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            b.append(first ? "" : ",\n").append(inner);
            string(b, String.valueOf(e.getKey()));
            b.append(": ");
            write(b, e.getValue(), inner);
            first = false;
        }
        b.append('\n').append(indent).append('}');
    }

    private static void array(StringBuilder b, List<?> l, String indent) {
        if (l.isEmpty()) {
            b.append("[]");
            return;
        }
        String inner = indent + "  ";
        b.append("[\n");
        for (int i = 0; i < l.size(); i++) {
            b.append(i == 0 ? "" : ",\n").append(inner);
            write(b, l.get(i), inner);
        }
        b.append('\n').append(indent).append(']');
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
