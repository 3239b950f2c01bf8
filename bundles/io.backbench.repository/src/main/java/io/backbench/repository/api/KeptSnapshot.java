package io.backbench.repository.api;

import java.util.List;

/** A snapshot that {@code forget} keeps, with every rule that keeps it (e.g. "daily snapshot", "within 7d"). */
public record KeptSnapshot(StoredSnapshot snapshot, List<String> reasons) {
    public KeptSnapshot {
        reasons = List.copyOf(reasons);
    }
}
