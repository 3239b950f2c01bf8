package io.backbench.repository.api;

import java.util.List;

/**
 * What {@link RepositoryOperations#rebuildIndex} did.
 *
 * @param packs              packs now indexed
 * @param blobs              blobs now indexed
 * @param headersRead        packs whose header was read (the others' entries were taken from the old index)
 * @param unreadablePacks    packs whose header could not be read: left in place, not indexed
 * @param indexFilesRemoved  old index files replaced
 * @param indexFilesWritten  new index files
 */
public record IndexRebuildReport(int packs, long blobs, int headersRead, List<Id> unreadablePacks, int indexFilesRemoved,
        int indexFilesWritten) {
    public IndexRebuildReport {
        unreadablePacks = List.copyOf(unreadablePacks);
    }

    public String text() {
        StringBuilder sb = new StringBuilder("indexed " + blobs + " blobs in " + packs + " packs (" + headersRead + " pack headers read)\n"
                + "replaced " + indexFilesRemoved + " index files with " + indexFilesWritten + "\n");
        for (Id p : unreadablePacks) {
            sb.append("warning: pack ").append(p.shortHex()).append(" has no readable header; it was left out of the index\n");
        }
        return sb.toString();
    }
}
