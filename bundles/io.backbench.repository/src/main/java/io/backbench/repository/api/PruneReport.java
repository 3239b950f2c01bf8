package io.backbench.repository.api;

/**
 * What {@link RepositoryOperations#prune} did (or, in a dry run, would do). Sizes are bytes of
 * encrypted blobs as stored in packs.
 *
 * @param dryRun             nothing was changed
 * @param snapshots          snapshots whose data was kept
 * @param usedBlobs          blobs referenced by a snapshot
 * @param usedBytes          their stored size
 * @param unusedBlobs        blobs no snapshot references (including extra copies of duplicates)
 * @param unusedBytes        their stored size
 * @param packsKept          packs left as they are
 * @param packsRemoved       packs deleted because nothing in them is used
 * @param packsRepacked      partly used packs whose used blobs were copied into new packs, then deleted
 * @param packsWritten       new packs written by repacking
 * @param unreferencedPacks  packs no index listed (left by interrupted runs), deleted
 * @param indexFilesReplaced old index files superseded by the new ones and deleted
 * @param indexFilesWritten  new index files
 * @param unusedBytesAfter   unused data still stored after prune (in kept packs)
 * @param bytesFreed         stored bytes of pack files deleted minus those written
 */
public record PruneReport(boolean dryRun, int snapshots, long usedBlobs, long usedBytes, long unusedBlobs, long unusedBytes,
        int packsKept, int packsRemoved, int packsRepacked, int packsWritten, int unreferencedPacks, int indexFilesReplaced,
        int indexFilesWritten, long unusedBytesAfter, long bytesFreed) {

    public String text() {
        String verb = dryRun ? "would " : "";
        return "used:   " + usedBlobs + " blobs, " + Sizes.human(usedBytes) + " in " + snapshots + " snapshots\n"
                + "unused: " + unusedBlobs + " blobs, " + Sizes.human(unusedBytes) + "\n"
                + verb + "remove " + packsRemoved + " unused packs, " + verb + "repack " + packsRepacked + " partly used packs into "
                + (dryRun ? "new" : packsWritten) + " packs, " + verb + "keep " + packsKept + " packs\n"
                + (unreferencedPacks > 0 ? verb + "delete " + unreferencedPacks + " packs not in any index\n" : "")
                + "unused after prune: " + Sizes.human(unusedBytesAfter) + "\n"
                + (dryRun ? "would free about " : "freed ") + Sizes.human(bytesFreed) + "\n"
                + (dryRun ? "" : "replaced " + indexFilesReplaced + " index files with " + indexFilesWritten + "\n");
    }
}
