package io.backbench.imaging.api;

/**
 * How to restore an image.
 *
 * @param unused          what to write where the image has no used blocks
 * @param overwriteSource allow the target to be the device or file the image was taken from
 * @param threads         threads that load, decrypt, decompress and write chunks; 0 for two per processor plus one
 * @param checkChunks     also recompute every chunk's SHA-256 while restoring. Off by default: each
 *                        chunk's Poly1305 MAC is checked in any case and proves that it is what a
 *                        holder of the repository key stored, so a damaged or altered chunk fails the
 *                        restore either way; the hash would only catch a chunk that a faulty writer
 *                        stored under a wrong id, which {@code image verify} checks for (the hash cost
 *                        about as much CPU as the decryption and the MAC together)
 */
public record RestoreOptions(UnusedBlocks unused, boolean overwriteSource, int threads, boolean checkChunks) {

    public RestoreOptions {
        unused = unused == null ? UnusedBlocks.ZERO : unused;
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative");
        }
    }

    public RestoreOptions(UnusedBlocks unused, boolean overwriteSource, int threads) {
        this(unused, overwriteSource, threads, false);
    }

    /** Zero unused blocks; never onto the image's own source; chunks authenticated by their MAC only. */
    public static RestoreOptions defaults() {
        return new RestoreOptions(UnusedBlocks.ZERO, false, 0, false);
    }

    public RestoreOptions withUnused(UnusedBlocks u) {
        return new RestoreOptions(u, overwriteSource, threads, checkChunks);
    }

    public RestoreOptions withOverwriteSource(boolean allow) {
        return new RestoreOptions(unused, allow, threads, checkChunks);
    }

    public RestoreOptions withThreads(int n) {
        return new RestoreOptions(unused, overwriteSource, n, checkChunks);
    }

    public RestoreOptions withCheckChunks(boolean check) {
        return new RestoreOptions(unused, overwriteSource, threads, check);
    }
}
