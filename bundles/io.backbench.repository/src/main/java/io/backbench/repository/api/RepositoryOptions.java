package io.backbench.repository.api;

/**
 * Choices for a session on a repository.
 *
 * @param compression how data blobs are compressed
 * @param packSize    the size at which a pack is finished and uploaded, in bytes (restic: 16 MiB)
 * @param kdf         scrypt parameters for key files this session creates (init, add key, change password)
 */
public record RepositoryOptions(Compression compression, int packSize, KdfParams kdf) {
    public static final int DEFAULT_PACK_SIZE = 16 << 20;

    public RepositoryOptions {
        if (compression == null || kdf == null) {
            throw new IllegalArgumentException("compression and kdf are required");
        }
        if (packSize < 4 << 20 || packSize > 128 << 20) {
            throw new IllegalArgumentException("pack size must be 4 to 128 MiB, got " + packSize);
        }
    }

    /** Compression auto, 16 MiB packs, scrypt N=32768 r=8 p=1. */
    public static RepositoryOptions defaults() {
        return new RepositoryOptions(Compression.AUTO, DEFAULT_PACK_SIZE, KdfParams.DEFAULT);
    }

    public RepositoryOptions withCompression(Compression c) {
        return new RepositoryOptions(c, packSize, kdf);
    }

    public RepositoryOptions withPackSize(int bytes) {
        return new RepositoryOptions(compression, bytes, kdf);
    }

    public RepositoryOptions withKdf(KdfParams params) {
        return new RepositoryOptions(compression, packSize, params);
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
