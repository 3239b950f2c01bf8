package io.backbench.repository.internal;

import java.util.regex.Pattern;

/**
 * Go's {@code filepath.Match} patterns as a regular expression: {@code *} any run of characters
 * except {@code /}, {@code ?} one such character, {@code [a-z]} and {@code [^a-z]} classes,
 * {@code \} escapes the next character.
 */
final class Glob {
    private Glob() {
    }

    static Pattern toRegex(String glob, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        throw new IllegalArgumentException("pattern '" + glob + "' has a '[' without its ']'");
                    }
                    String cls = glob.substring(i + 1, end);
                    boolean negate = cls.startsWith("^") || cls.startsWith("!");
                    re.append('[').append(negate ? "^/" : "");
                    for (char k : (negate ? cls.substring(1) : cls).toCharArray()) {
                        re.append(k == '-' ? "-" : Character.isLetterOrDigit(k) ? String.valueOf(k) : "\\" + k);
                    }
                    re.append(']');
                    i = end;
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }
}
