package io.backbench.repository.api;

import java.util.List;

/**
 * The differences between two snapshots ({@link RepositoryOperations#diff}), in path order. Paths
 * start with {@code /} at the snapshot's root tree; directories end with {@code /}.
 */
public record SnapshotDiff(Id from, Id to, List<Change> changes) {
    public SnapshotDiff {
        changes = List.copyOf(changes);
    }

    /**
     * How a path changed; {@link #symbol()} is restic's diff letter.
     * {@code METADATA}: same content, but mode, owner, times, size, link target, device or extended
     * attributes differ (access and change times, inode and link count are ignored).
     */
    public enum Kind {
        ADDED("+"), REMOVED("-"), MODIFIED("M"), METADATA("U"), TYPE("T");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** One changed path; {@code before} is null when added, {@code after} when removed. */
    public record Change(String path, Kind kind, Node before, Node after) {
    }

    public long count(Kind k) {
        return changes.stream().filter(c -> c.kind() == k).count();
    }

    /** restic-like text: one line per change, then the counts. */
    public String text() {
        StringBuilder sb = new StringBuilder("comparing snapshot " + from.shortHex() + " to " + to.shortHex() + ":\n\n");
        for (Change c : changes) {
            sb.append(String.format("%-5s%s%n", c.kind().symbol(), c.path()));
        }
        sb.append(String.format("%nadded: %d, removed: %d, modified: %d, metadata only: %d, type changed: %d%n", count(Kind.ADDED),
                count(Kind.REMOVED), count(Kind.MODIFIED), count(Kind.METADATA), count(Kind.TYPE)));
        return sb.toString();
    }
}
