package io.backbench.repository.api;

import java.util.List;

/**
 * One group of snapshots under {@code forget}: the key it was grouped by (null members when not part
 * of the grouping) and what the policy keeps and removes, newest first.
 */
public record ForgetGroup(String host, List<String> paths, List<String> tags, List<KeptSnapshot> keep, List<StoredSnapshot> remove) {
    public ForgetGroup {
        paths = paths == null ? null : List.copyOf(paths);
        tags = tags == null ? null : List.copyOf(tags);
        keep = List.copyOf(keep);
        remove = List.copyOf(remove);
    }
}
