package io.backbench.imaging.api;

import java.util.List;

/**
 * How to take an image.
 *
 * @param chunkSize      bytes per chunk (a power of two, 64 KiB to 8 MiB; default 1 MiB). Chunks are
 *                       aligned to the device's start, so an unchanged chunk dedupes in the next image
 * @param partition      0 for the whole source; else the number of one partition of its table to image alone
 * @param tags           snapshot tags added to {@value DiskImages#TAG}
 * @param hostname       the snapshot's host, or null for this machine's name
 * @param skipBadSectors on a read error, image the rest and record the unreadable sectors (as zeros)
 *                       instead of failing
 * @param mounted        what to do about filesystems on the source mounted writable
 * @param readAll        ignore the filesystems' allocation bitmaps and read every byte (as dd does)
 * @param threads        hash/compress threads, 0 for one per processor
 */
public record ImageOptions(int chunkSize, int partition, List<String> tags, String hostname, boolean skipBadSectors,
        MountedPolicy mounted, boolean readAll, int threads) {
    public static final int DEFAULT_CHUNK_SIZE = 1 << 20;

    public ImageOptions {
        if (Integer.bitCount(chunkSize) != 1 || chunkSize < 64 << 10 || chunkSize > 8 << 20) {
            throw new IllegalArgumentException("chunk size must be a power of two from 64 KiB to 8 MiB, not " + chunkSize);
        }
        if (partition < 0 || threads < 0) {
            throw new IllegalArgumentException("partition and threads must not be negative");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        mounted = mounted == null ? MountedPolicy.REFUSE : mounted;
    }

    /** 1 MiB chunks, the whole source, refuse mounted writable filesystems, fail on read errors. */
    public static ImageOptions defaults() {
        return new ImageOptions(DEFAULT_CHUNK_SIZE, 0, List.of(), null, false, MountedPolicy.REFUSE, false, 0);
    }

    public ImageOptions withChunkSize(int bytes) {
        return new ImageOptions(bytes, partition, tags, hostname, skipBadSectors, mounted, readAll, threads);
    }

    public ImageOptions withPartition(int number) {
        return new ImageOptions(chunkSize, number, tags, hostname, skipBadSectors, mounted, readAll, threads);
    }

    public ImageOptions withTags(List<String> t) {
        return new ImageOptions(chunkSize, partition, t, hostname, skipBadSectors, mounted, readAll, threads);
    }

    public ImageOptions withHostname(String h) {
        return new ImageOptions(chunkSize, partition, tags, h, skipBadSectors, mounted, readAll, threads);
    }

    public ImageOptions withSkipBadSectors(boolean skip) {
        return new ImageOptions(chunkSize, partition, tags, hostname, skip, mounted, readAll, threads);
    }

    public ImageOptions withMounted(MountedPolicy policy) {
        return new ImageOptions(chunkSize, partition, tags, hostname, skipBadSectors, policy, readAll, threads);
    }

    public ImageOptions withReadAll(boolean all) {
        return new ImageOptions(chunkSize, partition, tags, hostname, skipBadSectors, mounted, all, threads);
    }

    public ImageOptions withThreads(int n) {
        return new ImageOptions(chunkSize, partition, tags, hostname, skipBadSectors, mounted, readAll, n);
    }
}
