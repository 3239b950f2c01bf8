package io.backbench.repository.api;

/**
 * How data blobs are compressed (zstd). Trees, index, snapshot and lock files are always compressed,
 * as restic does in format version 2. {@link #AUTO} stores a blob uncompressed when zstd does not
 * make it smaller; its level is {@link #AUTO_LEVEL} unless the writer names another
 * ({@link Repository#saveBlob(BlobType, Id, byte[], int, int, int)}). {@link #MAX} is level 19.
 */
public enum Compression {
    OFF, AUTO, MAX;

    /** zstd's own default level, that of {@code zstd -3}. */
    public static final int AUTO_LEVEL = 3;
}
