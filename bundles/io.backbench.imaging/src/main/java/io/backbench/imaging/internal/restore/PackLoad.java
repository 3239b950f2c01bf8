package io.backbench.imaging.internal.restore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;

/**
 * A few chunks of an image that live in the same pack, loaded with one
 * {@link io.backbench.repository.api.Repository#loadBlobs} call (one read of the pack range that
 * covers them; each plaintext is lent, so no array per chunk), with the image positions each one is
 * written to (identical chunks are stored once). Filled by the restoring thread, then handed to one
 * loader thread.
 */
final class PackLoad {
    /** Chunks per load: enough for one read to cover several, few enough to spread a pack over the loaders. */
    static final int MAX_BLOBS = 4;

    private final Map<Id, Wanted> wanted = new LinkedHashMap<>();

    /** A blob and where in the image it goes. */
    record Wanted(PackedBlob blob, List<Long> positions) {
    }

    /** Adds the chunk at image byte {@code position}; returns whether the load is now full. */
    boolean add(PackedBlob blob, long position) {
        wanted.computeIfAbsent(blob.id(), id -> new Wanted(blob, new ArrayList<>(1))).positions().add(position);
        return wanted.size() >= MAX_BLOBS;
    }

    List<PackedBlob> blobs() {
        List<PackedBlob> out = new ArrayList<>(wanted.size());
        for (Wanted w : wanted.values()) {
            out.add(w.blob());
        }
        return out;
    }

    /** Where {@code blob} goes (at least one position). */
    List<Long> positions(PackedBlob blob) {
        Wanted w = wanted.get(blob.id());
        if (w == null) {
            throw new IllegalStateException("the repository delivered blob " + blob.id().shortHex() + ", which was not asked for");
        }
        return w.positions();
    }
}
