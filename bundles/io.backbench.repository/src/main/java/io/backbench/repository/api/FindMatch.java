package io.backbench.repository.api;

/** A path matching a {@code find} pattern in one snapshot; {@code path} starts with {@code /} at the snapshot's root tree. */
public record FindMatch(StoredSnapshot snapshot, String path, Node node) {
}
