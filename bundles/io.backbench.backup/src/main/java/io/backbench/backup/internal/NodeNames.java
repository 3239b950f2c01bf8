package io.backbench.backup.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * restic stores a node's name Go-quoted inside the JSON string ({@code strconv.Quote} without the
 * outer quotes: a newline is the two characters {@code \n}), and {@code restic check} fails with
 * "Unquote: invalid syntax" otherwise. The repository's tree codec does not do this (yet), so the
 * engine quotes names it stores and unquotes names it reads. WORKAROUND: remove this class once
 * io.backbench.repository's TreeCodec quotes and unquotes names itself.
 */
public final class NodeNames {
    private NodeNames() {
    }

    /** Go's {@code strconv.Quote(name)} without the surrounding quotes. */
    public static String quote(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            String esc = escape(cp);
            if (esc != null && sb == null) {
                sb = new StringBuilder(name.length() + 8).append(name, 0, i);
            }
            if (sb != null) {
                if (esc != null) {
                    sb.append(esc);
                } else {
                    sb.appendCodePoint(cp);
                }
            }
            i += Character.charCount(cp);
        }
        return sb == null ? name : sb.toString();
    }

    private static String escape(int cp) {
        switch (cp) {
            case '"': return "\\\"";
            case '\\': return "\\\\";
            case 7: return "\\a";
            case '\b': return "\\b";
            case '\f': return "\\f";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case 11: return "\\v";
            default:
                break;
        }
        if (printable(cp)) {
            return null;
        }
        if (cp < 0x80) {
            return String.format("\\x%02x", cp);
        }
        if (cp >= 0xd800 && cp <= 0xdfff) {
            return "\\ufffd"; // a lone surrogate: the name was not valid UTF-8 to begin with
        }
        return cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
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

    /** Go's {@code strconv.Unquote} of a stored name; a malformed escape is kept as it is. */
    public static String unquote(String stored) {
        if (stored.indexOf('\\') < 0) {
            return stored;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length());
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c != '\\' || i + 1 >= stored.length()) {
                utf8(out, c == '\\' ? '\\' : stored.codePointAt(i));
                if (Character.isHighSurrogate(c)) {
                    i++;
                }
                continue;
            }
            char e = stored.charAt(++i);
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\\', '"', '\'' -> out.write(e);
                case 'x' -> {
                    out.write(Integer.parseInt(stored.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    utf8(out, Integer.parseInt(stored.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    utf8(out, Integer.parseInt(stored.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                default -> {
                    if (e >= '0' && e <= '7' && i + 2 < stored.length()) {
                        out.write(Integer.parseInt(stored.substring(i, i + 3), 8));
                        i += 2;
                    } else {
                        out.write('\\');
                        utf8(out, e);
                    }
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void utf8(ByteArrayOutputStream out, int cp) {
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
    }
}
