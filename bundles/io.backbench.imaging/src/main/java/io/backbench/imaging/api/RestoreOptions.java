package io.backbench.imaging.api;

/**
 * How to restore an image.
 *
 * @param unused          what to write where the image has no used blocks
 * @param overwriteSource allow the target to be the device or file the image was taken from
 * @param threads         threads that load, decrypt, decompress and write chunks; 0 for one per processor plus one
 */
public record RestoreOptions(UnusedBlocks unused, boolean overwriteSource, int threads) {

    public RestoreOptions {
        unused = unused == null ? UnusedBlocks.ZERO : unused;
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative");
        }
    }

    /** Zero unused blocks; never onto the image's own source. */
    public static RestoreOptions defaults() {
        return new RestoreOptions(UnusedBlocks.ZERO, false, 0);
    }

    public RestoreOptions withUnused(UnusedBlocks u) {
        return new RestoreOptions(u, overwriteSource, threads);
    }

    public RestoreOptions withOverwriteSource(boolean allow) {
        return new RestoreOptions(unused, allow, threads);
    }

    public RestoreOptions withThreads(int n) {
        return new RestoreOptions(unused, overwriteSource, n);
    }
}
