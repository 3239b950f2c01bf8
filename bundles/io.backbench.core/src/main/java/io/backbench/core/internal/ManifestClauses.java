package io.backbench.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses an OSGi manifest header ({@code a.b;c.d;version="[1,2)";resolution:=optional, e.f}) into
 * clauses. Attribute keys keep a type suffix ({@code version:Version}). Free of a framework: unit-tested.
 */
final class ManifestClauses {

    /** One clause: its paths (names), attributes and directives, in the order written. */
    record Clause(List<String> paths, Map<String, String> attributes, Map<String, String> directives) {
    }

    private final String text;
    private int pos;

    private ManifestClauses(String text) {
        this.text = text;
    }

    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        ManifestClauses p = new ManifestClauses(header);
        while (p.pos < p.text.length()) {
            clauses.add(p.clause());
            p.skipSpace();
            if (p.pos < p.text.length() && p.text.charAt(p.pos) == ',') {
                p.pos++;
            }
        }
        return clauses;
    }

    private Clause clause() {
        List<String> paths = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> directives = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            String token = token();
            skipSpace();
            char c = peek();
            if (c == ':' && pos + 1 < text.length() && text.charAt(pos + 1) == '=') {
                pos += 2;
                directives.put(token, value());
            } else if (c == '=' || c == ':') {
                String key = token;
                if (c == ':') { // typed attribute name:Type=value
                    pos++;
                    key = token + ":" + token();
                    skipSpace();
                }
                expect('=');
                attributes.put(key, value());
            } else if (!token.isEmpty()) {
                paths.add(token);
            }
            skipSpace();
            if (peek() == ';') {
                pos++;
                continue;
            }
            return new Clause(paths, attributes, directives);
        }
    }

    private String token() {
        int start = pos;
        while (pos < text.length() && ";,=:\"".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        return text.substring(start, pos).trim();
    }

    private String value() {
        skipSpace();
        if (peek() == '"') {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != '"') {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    c = text.charAt(pos++);
                }
                sb.append(c);
            }
            pos++; // the closing quote
            return sb.toString();
        }
        int start = pos;
        while (pos < text.length() && ";,".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        return text.substring(start, pos).trim();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected '" + c + "' at position " + pos + " of: " + text);
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
