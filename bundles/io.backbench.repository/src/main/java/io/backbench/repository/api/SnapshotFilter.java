package io.backbench.repository.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Which snapshots an operation considers, as restic's {@code --host}, {@code --tag} and
 * {@code --path} do: a snapshot matches when its host is one of {@code hosts} (if any given), it has
 * all tags of one of {@code tags} lists (if any given), and its paths include all {@code paths}.
 */
public record SnapshotFilter(List<String> hosts, List<List<String>> tags, List<String> paths) {
    public static final SnapshotFilter ALL = new SnapshotFilter(List.of(), List.of(), List.of());

    public SnapshotFilter {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        List<List<String>> t = new ArrayList<>();
        if (tags != null) {
            for (List<String> l : tags) {
                t.add(List.copyOf(l));
            }
        }
        tags = List.copyOf(t);
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    public boolean matches(Snapshot s) {
        if (!hosts.isEmpty() && !hosts.contains(s.hostname() == null ? "" : s.hostname())) {
            return false;
        }
        if (!tags.isEmpty() && tags.stream().noneMatch(l -> s.tags().containsAll(l))) {
            return false;
        }
        return s.paths().containsAll(paths);
    }
}
