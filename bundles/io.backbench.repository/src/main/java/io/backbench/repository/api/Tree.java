package io.backbench.repository.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A directory listing: its nodes sorted by name (byte order of the UTF-8 names, as restic sorts).
 * The constructor sorts and rejects duplicate names.
 */
public record Tree(List<Node> nodes) {
    private static final Comparator<Node> BY_NAME = (x, y) -> compareUtf8(x.name(), y.name());

    public Tree {
        List<Node> sorted = new ArrayList<>(nodes);
        sorted.sort(BY_NAME);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException("duplicate name in tree: " + sorted.get(i).name());
            }
        }
        nodes = List.copyOf(sorted);
    }

    /** The node with this name, or null. */
    public Node find(String name) {
        for (Node n : nodes) {
            if (n.name().equals(name)) {
                return n;
            }
        }
        return null;
    }

    /**
     * The order of a tree's nodes: names compared as their bytes, as Go compares strings. (UTF-16
     * order differs for characters beyond the BMP, and a byte that is not valid UTF-8, carried as
     * U+DC80..U+DCFF, see {@link Node#name}, must compare as that byte.)
     */
    public static int compareUtf8(String a, String b) {
        // the first difference decides; between two chars that are not surrogates, UTF-16 order is
        // byte order (the slower walk by code points below is for surrogates only)
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char x = a.charAt(k);
            char y = b.charAt(k);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return byCodePoints(a, b);
                }
                return x < y ? -1 : 1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** The order by code points, a raw byte (U+DC80..U+DCFF) as that byte; the reference for the fast path. */
    static int byCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                if (rawByte(ca) || rawByte(cb)) {
                    return java.util.Arrays.compareUnsigned(bytes(a.substring(i)), bytes(b.substring(j)));
                }
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static boolean rawByte(int cp) {
        return cp >= 0xdc80 && cp <= 0xdcff;
    }

    private static byte[] bytes(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() * 2);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (rawByte(cp)) {
                out.write(cp - 0xdc00);
            } else {
                out.writeBytes(new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
