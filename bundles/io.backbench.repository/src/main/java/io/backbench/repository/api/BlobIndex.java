package io.backbench.repository.api;

import java.util.Optional;
import java.util.function.Consumer;

/** A read-only view of the loaded index: which pack holds each blob. Safe for any thread. */
public interface BlobIndex {
    Optional<PackedBlob> lookup(BlobType type, Id id);

    /** Number of blobs. */
    int size();

    /** Calls {@code action} for every blob, in no particular order. */
    void forEach(Consumer<PackedBlob> action);
}
