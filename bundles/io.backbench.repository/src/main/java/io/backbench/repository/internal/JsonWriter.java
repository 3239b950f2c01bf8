package io.backbench.repository.internal;

import java.nio.charset.StandardCharsets;

/** A small streaming JSON writer producing compact JSON, as Go's encoding/json does. Not thread-safe. */
final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final StringBuilder sb = new StringBuilder(256);
    // one flag per open container: true until its first member is written
    private boolean[] first = new boolean[16];
    private int depth;
    private boolean afterName;

    JsonWriter beginObject() {
        separate();
        sb.append('{');
        push();
        return this;
    }

    JsonWriter endObject() {
        depth--;
        sb.append('}');
        return this;
    }

    JsonWriter beginArray() {
        separate();
        sb.append('[');
        push();
        return this;
    }

    JsonWriter endArray() {
        depth--;
        sb.append(']');
        return this;
    }

    JsonWriter name(String name) {
        separate();
        string(name);
        sb.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        separate();
        if (s == null) {
            sb.append("null");
        } else {
            string(s);
        }
        return this;
    }

    JsonWriter value(long v) {
        separate();
        sb.append(v);
        return this;
    }

    /** An unsigned 64-bit value (Go's uint64: inode, device numbers). */
    JsonWriter unsignedValue(long v) {
        separate();
        sb.append(Long.toUnsignedString(v));
        return this;
    }

    JsonWriter value(boolean v) {
        separate();
        sb.append(v);
        return this;
    }

    JsonWriter nullValue() {
        separate();
        sb.append("null");
        return this;
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    byte[] toBytes() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private void push() {
        if (depth == first.length) {
            first = java.util.Arrays.copyOf(first, depth * 2);
        }
        first[depth++] = true;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (!first[depth - 1]) {
                sb.append(',');
            }
            first[depth - 1] = false;
        }
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    // Go's encoding/json also escapes <, > and & (HTML-safe), so our bytes equal restic's
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == '<' || c == '>' || c == '&') {
                        sb.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
