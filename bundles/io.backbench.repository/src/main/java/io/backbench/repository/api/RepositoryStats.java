package io.backbench.repository.api;

import java.util.Locale;

/**
 * Sizes of a set of snapshots ({@link RepositoryOperations#stats}).
 *
 * @param snapshots     snapshots counted
 * @param files         file entries in them (a file in three snapshots counts three times)
 * @param rawSize       sum of those files' sizes: what restoring every snapshot would write
 * @param dataBlobs     distinct data blobs the snapshots reference
 * @param treeBlobs     distinct tree blobs
 * @param uniqueSize    plaintext size of those distinct blobs (after deduplication, before compression)
 * @param storedSize    their size in packs (compressed and encrypted)
 * @param packs         pack files in the repository (all snapshots)
 * @param packBytes     their total size on the target
 */
public record RepositoryStats(int snapshots, long files, long rawSize, long dataBlobs, long treeBlobs, long uniqueSize,
        long storedSize, long packs, long packBytes) {

    /** raw / unique: how much deduplication saves (1 = nothing). */
    public double deduplicationRatio() {
        return uniqueSize == 0 ? 1 : (double) rawSize / uniqueSize;
    }

    /** unique / stored: how much compression saves (1 = nothing; encryption adds a little). */
    public double compressionRatio() {
        return storedSize == 0 ? 1 : (double) uniqueSize / storedSize;
    }

    /** raw / stored: both together. */
    public double totalRatio() {
        return storedSize == 0 ? 1 : (double) rawSize / storedSize;
    }

    public String text() {
        return String.format(Locale.ROOT, "snapshots:          %d%n"
                + "files:              %d%n"
                + "raw size:           %s (sum of file sizes)%n"
                + "deduplicated size:  %s (%d data blobs, %d tree blobs)%n"
                + "stored size:        %s%n"
                + "deduplication:      %.2fx%n"
                + "compression:        %.2fx%n"
                + "total ratio:        %.2fx%n"
                + "repository packs:   %d files, %s%n", snapshots, files, Sizes.human(rawSize), Sizes.human(uniqueSize), dataBlobs,
                treeBlobs, Sizes.human(storedSize), deduplicationRatio(), compressionRatio(), totalRatio(), packs, Sizes.human(packBytes));
    }
}
