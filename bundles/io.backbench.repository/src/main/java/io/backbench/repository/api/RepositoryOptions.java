package io.backbench.repository.api;

import java.nio.file.Path;

/**
 * Choices for a session on a repository.
 *
 * @param compression how data blobs are compressed
 * @param packSize    the size at which a pack is finished and uploaded, in bytes (restic: 16 MiB)
 * @param kdf         scrypt parameters for key files this session creates (init, add key, change password)
 * @param cacheDir    a folder on this machine where the repository keeps copies of its index files in a
 *                    form that opens faster (under {@code index/<repository id>/}), or null for none;
 *                    only a cache: anything wrong with it costs time, never data
 */
public record RepositoryOptions(Compression compression, int packSize, KdfParams kdf, Path cacheDir) {
    public static final int DEFAULT_PACK_SIZE = 16 << 20;

    public RepositoryOptions {
        if (compression == null || kdf == null) {
            throw new IllegalArgumentException("compression and kdf are required");
        }
        if (packSize < 4 << 20 || packSize > 128 << 20) {
            throw new IllegalArgumentException("pack size must be 4 to 128 MiB, got " + packSize);
        }
    }

    /** Without a cache folder. */
    public RepositoryOptions(Compression compression, int packSize, KdfParams kdf) {
        this(compression, packSize, kdf, null);
    }

    /** Compression auto, 16 MiB packs, scrypt N=32768 r=8 p=1, no cache folder. */
    public static RepositoryOptions defaults() {
        return new RepositoryOptions(Compression.AUTO, DEFAULT_PACK_SIZE, KdfParams.DEFAULT, null);
    }

    public RepositoryOptions withCompression(Compression c) {
        return new RepositoryOptions(c, packSize, kdf, cacheDir);
    }

    public RepositoryOptions withPackSize(int bytes) {
        return new RepositoryOptions(compression, bytes, kdf, cacheDir);
    }

    public RepositoryOptions withKdf(KdfParams params) {
        return new RepositoryOptions(compression, packSize, params, cacheDir);
    }

    /** With the cache folder {@code dir} (null: none). */
    public RepositoryOptions withCacheDir(Path dir) {
        return new RepositoryOptions(compression, packSize, kdf, dir);
    }

    /** scrypt's cost parameters: N (a power of two), r and p. */
    public record KdfParams(int n, int r, int p) {
        public static final KdfParams DEFAULT = new KdfParams(32768, 8, 1);

        public KdfParams {
            if (n < 2 || Integer.bitCount(n) != 1 || r < 1 || p < 1) {
                throw new IllegalArgumentException("scrypt N must be a power of two > 1 and r, p positive: " + n + "/" + r + "/" + p);
            }
        }
    }
}
