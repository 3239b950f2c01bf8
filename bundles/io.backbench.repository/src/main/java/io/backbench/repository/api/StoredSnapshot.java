package io.backbench.repository.api;

/** A snapshot and the id of the file it is stored in. */
public record StoredSnapshot(Id id, Snapshot snapshot) {
}
