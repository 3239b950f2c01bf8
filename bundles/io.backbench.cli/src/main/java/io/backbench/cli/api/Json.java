package io.backbench.cli.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON that commands print for {@code --json}, written from plain values: {@link Map} (keys as
 * text, in iteration order), {@link Collection}, {@link CharSequence}, {@link Number},
 * {@link Boolean} and null; any other value as its {@code toString()} text (times, paths, ids).
 * {@link #write} gives one line (for JSON lines such as progress events), {@link #pretty} an indented
 * document. The output is pure ASCII: every other character is escaped as {@code \}{@code uXXXX},
 * so it survives any console encoding. Stateless and thread-safe.
 */
public final class Json {
    private static final int COMPACT = -1;

    private Json() {
    }

    /** {@code value} as JSON on one line. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, COMPACT);
        return sb.toString();
    }

    /** {@code value} as JSON, objects and arrays indented by two spaces a level. */
    public static String pretty(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    /** {@code text} as a JSON string, quotes included. */
    public static String quote(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length() + 2);
        quote(sb, text);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value, int indent) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof CharSequence s) {
            quote(sb, s);
        } else if (value instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            sb.append(d);
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            sb.append(value);
        } else if (value instanceof Number n) {
            sb.append(n.longValue());
        } else if (value instanceof Map<?, ?> map) {
            object(sb, map, indent);
        } else if (value instanceof Collection<?> list) {
            array(sb, list, indent);
        } else {
            quote(sb, value.toString());
        }
    }

    private static void object(StringBuilder sb, Map<?, ?> map, int indent) {
        if (map.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            newline(sb, indent, 1);
            quote(sb, String.valueOf(e.getKey()));
            sb.append(indent == COMPACT ? ":" : ": ");
            write(sb, e.getValue(), deeper(indent));
            if (it.hasNext()) {
                sb.append(',');
            }
        }
        newline(sb, indent, 0);
        sb.append('}');
    }

    private static void array(StringBuilder sb, Collection<?> list, int indent) {
        if (list.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        Iterator<?> it = list.iterator();
        while (it.hasNext()) {
            newline(sb, indent, 1);
            write(sb, it.next(), deeper(indent));
            if (it.hasNext()) {
                sb.append(',');
            }
        }
        newline(sb, indent, 0);
        sb.append(']');
    }

    private static int deeper(int indent) {
        return indent == COMPACT ? COMPACT : indent + 1;
    }

    private static void newline(StringBuilder sb, int indent, int extra) {
        if (indent != COMPACT) {
            sb.append('\n').append("  ".repeat(indent + extra));
        }
    }

    private static void quote(StringBuilder sb, CharSequence s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
