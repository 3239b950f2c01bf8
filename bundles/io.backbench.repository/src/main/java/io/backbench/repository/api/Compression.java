package io.backbench.repository.api;

/**
 * How data blobs are compressed (zstd). Trees, index, snapshot and lock files are always compressed,
 * as restic does in format version 2. {@link #AUTO} stores a blob uncompressed when zstd does not
 * make it smaller.
 */
public enum Compression {
    OFF, AUTO, MAX
}
