package io.backbench.repository.api;

/**
 * How {@code forget} groups snapshots before applying a policy to each group (restic's
 * {@code --group-by}, default {@code host,paths}). Paths and tags compare as sorted sets.
 */
public record SnapshotGrouping(boolean host, boolean paths, boolean tags) {
    /** restic's default: by host and paths. */
    public static final SnapshotGrouping HOST_AND_PATHS = new SnapshotGrouping(true, true, false);
    /** One group of all snapshots ({@code --group-by ''}). */
    public static final SnapshotGrouping NONE = new SnapshotGrouping(false, false, false);

    /** Parses {@code "host,paths"}, {@code "host,tags"}, {@code ""} and so on. */
    public static SnapshotGrouping parse(String spec) {
        boolean h = false;
        boolean p = false;
        boolean t = false;
        for (String part : (spec == null ? "" : spec).split(",")) {
            switch (part.trim()) {
                case "" -> { }
                case "host" -> h = true;
                case "paths" -> p = true;
                case "tags" -> t = true;
                default -> throw new IllegalArgumentException("unknown grouping '" + part + "': use host, paths and/or tags, separated by commas");
            }
        }
        return new SnapshotGrouping(h, p, t);
    }
}
