package io.backbench.imaging.api;

import java.io.IOException;
import java.nio.file.Path;

import io.backbench.imaging.internal.source.FileBlockSource;
import io.backbench.imaging.internal.source.SliceBlockSource;

/** Opens block devices and raw image files read-only. */
public final class BlockSources {
    private BlockSources() {
    }

    /**
     * Opens a block device node or a regular (image) file read-only. A device's logical sector size
     * comes from sysfs, a file's is 512.
     *
     * @throws ImagingException if it does not exist, is neither a file nor a block device, or cannot be read
     */
    public static BlockSource open(Path path) throws IOException {
        return FileBlockSource.open(path);
    }

    /** The window {@code [offset, offset + size)} of {@code source} (one partition); closing it leaves the source open. */
    public static BlockSource slice(BlockSource source, long offset, long size, String name) {
        return new SliceBlockSource(source, offset, size, name);
    }
}
