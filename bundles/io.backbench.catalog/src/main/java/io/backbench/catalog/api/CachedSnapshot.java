package io.backbench.catalog.api;

import java.time.Instant;
import java.util.List;

/**
 * A repository's snapshot as cached in the catalog (the repository is the truth; the cache is
 * rebuilt from it with {@link Catalog#replaceSnapshots}).
 *
 * @param id       the snapshot id (64 hex digits)
 * @param time     when the backup started
 * @param hostname the host it was taken on, or ""
 * @param paths    the backed-up paths
 * @param tags     its tags
 */
public record CachedSnapshot(String id, Instant time, String hostname, List<String> paths, List<String> tags) {
    public CachedSnapshot {
        hostname = hostname == null ? "" : hostname;
        paths = paths == null ? List.of() : List.copyOf(paths);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
