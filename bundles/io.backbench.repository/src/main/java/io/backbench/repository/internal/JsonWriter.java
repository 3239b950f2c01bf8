package io.backbench.repository.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.backbench.repository.api.Id;

/**
 * A small streaming JSON writer producing compact JSON, as Go's encoding/json does. It writes UTF-8
 * straight into a byte array: a backup encodes every changed folder's tree and the index of every
 * blob, and going through a {@code StringBuilder} (a char at a time, then a second pass to UTF-8) was
 * most of that cost. Not thread-safe.
 */
final class JsonWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    /** Bytes that need an escape in a string, as Go writes them (it also escapes <, > and &: HTML-safe). */
    private static final boolean[] ESCAPE = new boolean[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPE[c] = true;
        }
        for (char c : new char[] {'"', '\\', '<', '>', '&'}) {
            ESCAPE[c] = true;
        }
    }

    private final byte[] idBytes = new byte[Id.SIZE];
    private byte[] buf = new byte[256];
    private int len;
    // one flag per open container: true until its first member is written
    private boolean[] first = new boolean[16];
    private int depth;
    private boolean afterName;

    JsonWriter beginObject() {
        separate();
        put('{');
        push();
        return this;
    }

    JsonWriter endObject() {
        depth--;
        put('}');
        return this;
    }

    JsonWriter beginArray() {
        separate();
        put('[');
        push();
        return this;
    }

    JsonWriter endArray() {
        depth--;
        put(']');
        return this;
    }

    JsonWriter name(String name) {
        separate();
        string(name);
        put(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        separate();
        if (s == null) {
            put(NULL);
        } else {
            string(s);
        }
        return this;
    }

    /** An id as a string of 64 lower-case hex digits, written from its bytes. */
    JsonWriter value(Id id) {
        separate();
        room(66);
        buf[len++] = '"';
        id.writeTo(idBytes, 0);
        for (byte b : idBytes) {
            buf[len++] = HEX[b >> 4 & 0xf];
            buf[len++] = HEX[b & 0xf];
        }
        buf[len++] = '"';
        return this;
    }

    JsonWriter value(long v) {
        separate();
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                ascii(Long.toString(v));
                return this;
            }
            put('-');
            v = -v;
        }
        digits(v);
        return this;
    }

    /** An unsigned 64-bit value (Go's uint64: inode, device numbers). */
    JsonWriter unsignedValue(long v) {
        separate();
        if (v < 0) {
            ascii(Long.toUnsignedString(v));
        } else {
            digits(v);
        }
        return this;
    }

    JsonWriter value(boolean v) {
        separate();
        put(v ? TRUE : FALSE);
        return this;
    }

    JsonWriter nullValue() {
        separate();
        put(NULL);
        return this;
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, Id value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    /** The bytes written so far followed by {@code last}, in one new array. */
    byte[] toBytes(byte last) {
        byte[] out = Arrays.copyOf(buf, len + 1);
        out[len] = last;
        return out;
    }

    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    private void push() {
        if (depth == first.length) {
            first = Arrays.copyOf(first, depth * 2);
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
                put(',');
            }
            first[depth - 1] = false;
        }
    }

    private void string(String s) {
        int n = s.length();
        room(n + 2);
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && !ESCAPE[c]) {
                if (len == buf.length) {
                    room(n - i + 1);
                }
                buf[len++] = (byte) c;
            } else if (c < 0x80 || c == 0x2028 || c == 0x2029) {
                escape(c);
            } else {
                // a run of other non-ASCII chars: UTF-8 as String.getBytes gives it (a lone surrogate
                // becomes '?', as before)
                int end = i + 1;
                while (end < n) {
                    char d = s.charAt(end);
                    if (d < 0x80 || d == 0x2028 || d == 0x2029) {
                        break;
                    }
                    end++;
                }
                put(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        put('"');
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> put2('\\', '"');
            case '\\' -> put2('\\', '\\');
            case '\n' -> put2('\\', 'n');
            case '\r' -> put2('\\', 'r');
            case '\t' -> put2('\\', 't');
            default -> {
                room(6);
                buf[len++] = '\\';
                buf[len++] = 'u';
                buf[len++] = HEX[c >> 12];
                buf[len++] = HEX[c >> 8 & 0xf];
                buf[len++] = HEX[c >> 4 & 0xf];
                buf[len++] = HEX[c & 0xf];
            }
        }
    }

    private void digits(long v) {
        // v >= 0
        room(20);
        int start = len;
        do {
            buf[len++] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void ascii(String s) {
        put(s.getBytes(StandardCharsets.US_ASCII));
    }

    private void put(char c) {
        room(1);
        buf[len++] = (byte) c;
    }

    private void put2(char a, char b) {
        room(2);
        buf[len++] = (byte) a;
        buf[len++] = (byte) b;
    }

    private void put(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void room(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
