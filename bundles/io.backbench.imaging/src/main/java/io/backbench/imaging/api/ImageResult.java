package io.backbench.imaging.api;

import java.util.List;

import io.backbench.repository.api.Id;

/**
 * What {@link DiskImages#create} did.
 *
 * @param snapshot    the new snapshot's id
 * @param parent      the previous image of the same source and host (the snapshot's parent), or null
 * @param source      the source as the snapshot names it
 * @param size        the source's size in bytes
 * @param chunks      chunks in the image
 * @param zeroChunks  chunks that are all zero (unused or zero blocks), stored as the one zero blob
 * @param usedBytes   bytes the used-block map says are in use (what was read)
 * @param bytesRead   bytes actually read from the source
 * @param newChunks   chunks not yet in the repository, stored now
 * @param bytesNew    their plaintext size (before compression)
 * @param unreadable  ranges that could not be read (only with {@link ImageOptions#skipBadSectors()}), as zeros in the image
 * @param warnings    what the user should know (mounted filesystems, damaged tables, unknown filesystems)
 */
public record ImageResult(Id snapshot, Id parent, String source, long size, long chunks, long zeroChunks, long usedBytes,
        long bytesRead, long newChunks, long bytesNew, List<ByteRange> unreadable, List<String> warnings) {

    public ImageResult {
        unreadable = List.copyOf(unreadable);
        warnings = List.copyOf(warnings);
    }

    /** Whether the whole source was read without error. */
    public boolean complete() {
        return unreadable.isEmpty();
    }
}
