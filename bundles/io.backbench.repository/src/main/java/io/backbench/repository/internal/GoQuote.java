package io.backbench.repository.internal;

import java.io.ByteArrayOutputStream;

import io.backbench.repository.api.NameBytes;

/**
 * restic stores a node's name as Go's {@code strconv.Quote(name)} without the outer quotes, inside the
 * JSON string ({@code Node.MarshalJSON}), and reads it back with {@code strconv.Unquote}: a newline is
 * the two characters {@code \n} before JSON escapes the backslash, and a name that is not valid UTF-8
 * keeps its bytes as {@code \xNN}. {@code restic check} fails with "Unquote: invalid syntax" on a
 * name stored any other way.
 *
 * <p>Java strings hold UTF-16, so a byte of a name that is not valid UTF-8 is carried as the lone
 * surrogate {@code U+DC00 + byte} (Python's "surrogateescape"): reading and writing a restic tree
 * gives back the same bytes.
 */
final class GoQuote {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {
    }

    /** {@code strconv.Quote(name)} without the surrounding quotes. */
    static String quote(String name) {
        if (plain(name)) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name.length() + 16);
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xdc80 && cp <= 0xdcff) {
                hex(sb.append("\\x"), cp - 0xdc00, 2); // a byte that was not valid UTF-8
            } else if (cp >= 0xd800 && cp <= 0xdfff) {
                sb.append("\\ufffd"); // any other lone surrogate has no bytes; Go would see U+FFFD
            } else {
                escape(sb, cp);
            }
        }
        return sb.toString();
    }

    // Go's appendEscapedRune with quote '"', not ASCII-only
    private static void escape(StringBuilder sb, int cp) {
        if (cp == '"' || cp == '\\') {
            sb.append('\\').append((char) cp);
        } else if (printable(cp)) {
            sb.appendCodePoint(cp);
        } else {
            switch (cp) {
                case 7 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 11 -> sb.append("\\v");
                default -> {
                    if (cp < ' ' || cp == 0x7f) {
                        hex(sb.append("\\x"), cp, 2);
                    } else if (cp < 0x10000) {
                        hex(sb.append("\\u"), cp, 4);
                    } else {
                        hex(sb.append("\\U"), cp, 8);
                    }
                }
            }
        }
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == '"' || c == '\\' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static void hex(StringBuilder sb, int v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(HEX[v >> shift & 0xf]);
        }
    }

    /**
     * Go's {@code unicode.IsPrint}: categories L, M, N, P, S and the ASCII space (Go 1.19 and Java 17
     * both use Unicode 13).
     */
    static boolean printable(int cp) {
        if (cp < 0x7f) {
            return cp >= ' ';
        }
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    /**
     * {@code strconv.Unquote} of a stored name. Lenient where Go is strict: a malformed escape, a raw
     * control character or quote is kept as it is (trees written before names were quoted still read).
     */
    static String unquote(String stored) {
        if (stored.indexOf('\\') < 0) {
            return stored;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length());
        int i = 0;
        while (i < stored.length()) {
            char c = stored.charAt(i);
            if (c != '\\' || i + 1 >= stored.length()) {
                int cp = stored.codePointAt(i);
                i += Character.charCount(cp);
                utf8(out, cp);
                continue;
            }
            char e = stored.charAt(i + 1);
            int consumed = 2;
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\\', '"', '\'' -> out.write(e);
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int v = parseHex(stored, i + 2, digits);
                    if (v < 0 || (e != 'x' && !Character.isValidCodePoint(v))) {
                        consumed = 1; // malformed: keep the backslash literally
                        out.write('\\');
                    } else {
                        consumed = 2 + digits;
                        if (e == 'x') {
                            out.write(v);
                        } else {
                            utf8(out, v);
                        }
                    }
                }
                default -> {
                    int v = e >= '0' && e <= '7' ? parseOctal(stored, i + 1) : -1;
                    if (v < 0) {
                        consumed = 1;
                        out.write('\\');
                    } else {
                        consumed = 4;
                        out.write(v);
                    }
                }
            }
            i += consumed;
        }
        return NameBytes.decode(out.toByteArray());
    }

    private static int parseHex(String s, int from, int digits) {
        if (from + digits > s.length()) {
            return -1;
        }
        long v = 0;
        for (int k = from; k < from + digits; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    private static int parseOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + 3; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '7') {
                return -1;
            }
            v = v << 3 | (c - '0');
        }
        return v > 255 ? -1 : v;
    }

    private static void utf8(ByteArrayOutputStream out, int cp) {
        out.writeBytes(NameBytes.encode(Character.toString(cp))); // (an escaped byte stays that byte)
    }
}
