package io.backbench.backup.internal.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A path pattern as restic's {@code --exclude} takes it: components split at {@code /}; within a
 * component {@code *}, {@code ?}, {@code [abc]}, {@code [!a-z]} and {@code \} escapes; a component
 * {@code **} matches any number of folders. A pattern that does not start with {@code /} may match at
 * any depth (restic puts {@code **} in front). Matched against absolute paths. Immutable.
 */
public final class Glob {
    private static final Object ANY_DEPTH = new Object();
    private final String text;
    private final List<Object> parts; // Pattern or ANY_DEPTH

    private Glob(String text, List<Object> parts) {
        this.text = text;
        this.parts = parts;
    }

    /** @throws IllegalArgumentException naming the pattern if it is malformed */
    public static Glob compile(String pattern) {
        String p = pattern.trim();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        List<Object> parts = new ArrayList<>();
        if (!p.startsWith("/")) {
            parts.add(ANY_DEPTH);
        }
        for (String c : p.split("/")) {
            if (c.isEmpty()) {
                continue;
            }
            if (c.equals("**")) {
                if (parts.isEmpty() || parts.get(parts.size() - 1) != ANY_DEPTH) {
                    parts.add(ANY_DEPTH);
                }
            } else {
                try {
                    parts.add(Pattern.compile(regex(c), Pattern.DOTALL));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("bad pattern '" + pattern + "': " + e.getDescription(), e);
                }
            }
        }
        return new Glob(pattern, List.copyOf(parts));
    }

    public String text() {
        return text;
    }

    /** Whether the whole of {@code components} (an absolute path split at {@code /}) matches. */
    public boolean matches(List<String> components) {
        return match(0, components, 0);
    }

    private boolean match(int pi, List<String> comps, int ci) {
        if (pi == parts.size()) {
            return ci == comps.size();
        }
        Object part = parts.get(pi);
        if (part == ANY_DEPTH) {
            for (int skip = ci; skip <= comps.size(); skip++) {
                if (match(pi + 1, comps, skip)) {
                    return true;
                }
            }
            return false;
        }
        return ci < comps.size() && ((Pattern) part).matcher(comps.get(ci)).matches() && match(pi + 1, comps, ci + 1);
    }

    static String regex(String glob) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> r.append("[^/]*");
                case '?' -> r.append("[^/]");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        r.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    } else {
                        r.append("\\\\");
                    }
                }
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        r.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, end);
                        if (set.startsWith("!") || set.startsWith("^")) {
                            set = "^" + set.substring(1);
                        }
                        r.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = end;
                    }
                }
                default -> r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return r.toString();
    }

    /** The components of an absolute path: {@code /a/b} gives {@code [a, b]}. */
    public static List<String> components(String absolutePath) {
        List<String> out = new ArrayList<>();
        for (String c : absolutePath.split("/")) {
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
