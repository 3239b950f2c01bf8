package io.backbench.target.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored object: its key, its size in bytes, and when it was last written.
 *
 * @param key      the object's key
 * @param size     size in bytes, never negative
 * @param modified last write time as the target knows it; {@link Instant#EPOCH} if unknown
 */
public record ObjectInfo(String key, long size, Instant modified) {
    public ObjectInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(modified, "modified");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + key);
        }
    }
}
