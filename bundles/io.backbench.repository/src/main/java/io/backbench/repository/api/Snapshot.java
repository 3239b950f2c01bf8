package io.backbench.repository.api;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot: the root tree of one backup with where and when it was taken, as restic stores it.
 *
 * @param time     when the backup started
 * @param tree     the root tree's id
 * @param paths    the backed-up paths
 * @param hostname host the backup ran on, or null
 * @param username user it ran as, or null
 * @param uid      that user's uid (unsigned 32-bit)
 * @param gid      that user's gid
 * @param excludes exclude patterns used, never null
 * @param tags     tags, never null
 * @param parent   the snapshot used for change detection, or null
 * @param original the snapshot this one was rewritten from, or null
 */
public record Snapshot(Instant time, Id tree, List<String> paths, String hostname, String username, long uid, long gid,
        List<String> excludes, List<String> tags, Id parent, Id original) {

    public Snapshot {
        if (time == null || tree == null) {
            throw new IllegalArgumentException("a snapshot needs a time and a tree");
        }
        paths = paths == null ? List.of() : List.copyOf(paths);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A snapshot of {@code paths} with root {@code tree}, taken now-ish at {@code time}, no tags. */
    public static Snapshot of(Instant time, Id tree, List<String> paths, String hostname, String username) {
        return new Snapshot(time, tree, paths, hostname, username, 0, 0, List.of(), List.of(), null, null);
    }
}
