package io.backbench.repository.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backbench.repository.api.RepositoryException;

/**
 * Parses JSON into maps, lists, strings, {@code Long} (unsigned 64-bit values keep their bits),
 * {@code Double}, {@code Boolean} and {@code null}. Small and strict; errors name the document.
 */
final class JsonReader {
    private static final String[] NO_NAMES = {};
    private final String s;
    private final String what;
    private int pos;

    private JsonReader(String s, String what) {
        this.s = s;
        this.what = what;
    }

    /** Parses a whole document; {@code what} names it in error messages ("index 3f9a..."). */
    static Object parse(byte[] utf8, String what) throws RepositoryException {
        JsonReader r = new JsonReader(new String(utf8, StandardCharsets.UTF_8), what);
        try {
            r.ws();
            Object v = r.value();
            r.ws();
            if (r.pos != r.s.length()) {
                throw r.error("trailing data");
            }
            return v;
        } catch (IndexOutOfBoundsException e) {
            throw r.error("unexpected end");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(byte[] utf8, String what) throws RepositoryException {
        Object v = parse(utf8, what);
        if (!(v instanceof Map)) {
            throw new RepositoryException(what + " is not a JSON object");
        }
        return (Map<String, Object>) v;
    }

    // ---- pull parsing, for documents too many to parse into maps (trees): the caller walks the
    // structure; member values it does not know are read with anyValue() and dropped.

    /** A reader positioned at the start of the document, for the pull methods below. */
    static JsonReader of(byte[] utf8, String what) {
        return new JsonReader(new String(utf8, StandardCharsets.UTF_8), what);
    }

    /** The next non-blank character, not consumed. */
    char peek() {
        ws();
        return s.charAt(pos);
    }

    /** Consumes {@code open} ('{' or '['); true if a first member or element follows, false if {@code close} did (consumed). */
    boolean begin(char open, char close) throws RepositoryException {
        ws();
        if (s.charAt(pos) != open) {
            throw error("'" + open + "' expected");
        }
        pos++;
        ws();
        if (s.charAt(pos) == close) {
            pos++;
            return false;
        }
        return true;
    }

    /** After a member or element: true if a ',' (consumed) announces another, false after {@code close} (consumed). */
    boolean next(char close) throws RepositoryException {
        ws();
        char c = s.charAt(pos++);
        if (c == close) {
            return false;
        }
        if (c != ',') {
            throw error("',' or '" + close + "' expected");
        }
        return true;
    }

    /** A member's name and its ':'. */
    String name() throws RepositoryException {
        return name(NO_NAMES);
    }

    /**
     * A member's name and its ':', as {@link #name()}; when it is one of {@code known}, that very
     * string (no new one is made: an index file names five members for each of its blobs).
     */
    String name(String... known) throws RepositoryException {
        ws();
        if (s.charAt(pos) != '"') {
            throw error("object key expected");
        }
        String key = known(known);
        if (key == null) {
            key = string();
        }
        ws();
        if (s.charAt(pos++) != ':') {
            throw error("':' expected");
        }
        ws();
        return key;
    }

    /** At a string that is one of {@code known}: consumes it and returns that very string; else null. */
    private String known(String[] known) {
        for (String k : known) {
            int end = pos + 1 + k.length();
            if (s.charAt(pos) == '"' && end < s.length() && s.charAt(end) == '"' && s.startsWith(k, pos + 1)) {
                pos = end + 1;
                return k;
            }
        }
        return null;
    }

    /** A string value that is one of {@code known} (that very string), or any other value as {@link #anyValue}. */
    Object value(String... known) throws RepositoryException {
        ws();
        String k = known(known);
        return k != null ? k : value();
    }

    /**
     * A value that should be an id (64 hex digits in a string): parsed where it stands; anything
     * else is read as {@link #anyValue} and returned as it is, for the caller's error.
     */
    Object idValue() throws RepositoryException {
        ws();
        if (s.charAt(pos) == '"' && pos + 65 < s.length() && s.charAt(pos + 65) == '"') {
            io.backbench.repository.api.Id id = io.backbench.repository.api.Id.parseHex(s, pos + 1);
            if (id != null) {
                pos += 66;
                return id;
            }
        }
        return value();
    }

    /**
     * A value that should be an integer, read where it stands when it is a plain one (no sign but
     * '-', at most 18 digits); anything else is read as {@link #anyValue}, a {@code Long} or not.
     */
    Object longValue() throws RepositoryException {
        ws();
        int p = pos;
        boolean negative = p < s.length() && s.charAt(p) == '-';
        if (negative) {
            p++;
        }
        int start = p;
        long v = 0;
        while (p < s.length() && p - start < 19) {
            char c = s.charAt(p);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            p++;
        }
        int digits = p - start;
        if (digits > 0 && digits < 19 && (p == s.length() || !continuesNumber(s.charAt(p)))) {
            pos = p;
            return negative ? -v : v;
        }
        return value();
    }

    private static boolean continuesNumber(char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    }

    /** Any value, as {@link #parse} gives it. */
    Object anyValue() throws RepositoryException {
        ws();
        return value();
    }

    /** Checks that nothing but blanks follows. */
    void end() throws RepositoryException {
        ws();
        if (pos != s.length()) {
            throw error("trailing data");
        }
    }

    /** The error for a document that ended too early (callers catch IndexOutOfBoundsException). */
    RepositoryException unexpectedEnd() {
        return error("unexpected end");
    }

    private Object value() throws RepositoryException {
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                expect("true");
                return Boolean.TRUE;
            case 'f':
                expect("false");
                return Boolean.FALSE;
            case 'n':
                expect("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object() throws RepositoryException {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        ws();
        if (s.charAt(pos) == '}') {
            pos++;
            return m;
        }
        while (true) {
            ws();
            if (s.charAt(pos) != '"') {
                throw error("object key expected");
            }
            String key = string();
            ws();
            if (s.charAt(pos++) != ':') {
                throw error("':' expected");
            }
            ws();
            m.put(key, value());
            ws();
            char c = s.charAt(pos++);
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                throw error("',' or '}' expected");
            }
        }
    }

    private List<Object> array() throws RepositoryException {
        List<Object> l = new ArrayList<>();
        pos++;
        ws();
        if (s.charAt(pos) == ']') {
            pos++;
            return l;
        }
        while (true) {
            ws();
            l.add(value());
            ws();
            char c = s.charAt(pos++);
            if (c == ']') {
                return l;
            }
            if (c != ',') {
                throw error("',' or ']' expected");
            }
        }
    }

    private String string() throws RepositoryException {
        pos++;
        int start = pos;
        // fast path: no escapes
        while (true) {
            char c = s.charAt(pos);
            if (c == '"') {
                return s.substring(start, pos++);
            }
            if (c == '\\') {
                break;
            }
            pos++;
        }
        StringBuilder sb = new StringBuilder().append(s, start, pos);
        while (true) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    try {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private Object number() throws RepositoryException {
        int start = pos;
        boolean integral = true;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if ((c >= '0' && c <= '9') || c == '-' || c == '+') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E') {
                integral = false;
                pos++;
            } else {
                break;
            }
        }
        String t = s.substring(start, pos);
        try {
            if (!integral) {
                return Double.parseDouble(t);
            }
            if (t.length() < 19) {
                return Long.parseLong(t);
            }
            // Go's uint64 may exceed Long.MAX_VALUE: keep the 64 bits
            return new BigInteger(t).longValue();
        } catch (NumberFormatException e) {
            throw error("bad number " + t);
        }
    }

    private void expect(String word) throws RepositoryException {
        if (!s.startsWith(word, pos)) {
            throw error("'" + word + "' expected");
        }
        pos += word.length();
    }

    private void ws() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private RepositoryException error(String message) {
        return new RepositoryException(what + " is not valid JSON: " + message + " at offset " + pos);
    }
}
