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

    // Go compares strings byte-wise; UTF-16 order differs for characters beyond the BMP
    private static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
