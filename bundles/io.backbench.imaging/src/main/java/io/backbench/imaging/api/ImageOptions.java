package io.backbench.imaging.api;

import java.util.List;

/**
 * How to take an image.
 *
 * @param chunkSize      bytes per chunk (a power of two, 64 KiB to 8 MiB; default 2 MiB, which zstd compresses within
 *                       1% of a whole-stream zstd; 1 MiB loses about 2%; with the default, a source whose
 *                       previous image used another chunk size keeps that one). Chunks are
 *                       aligned to the device's start, so an unchanged chunk dedupes in the next image
 * @param partition      0 for the whole source; else the number of one partition of its table to image alone
 * @param tags           snapshot tags added to {@value DiskImages#TAG}
 * @param hostname       the snapshot's host, or null for this machine's name
 * @param skipBadSectors on a read error, image the rest and record the unreadable sectors (as zeros)
 *                       instead of failing
 * @param mounted        what to do about filesystems on the source mounted writable
 * @param readAll        ignore the filesystems' allocation bitmaps and read every byte (as dd does)
 * @param threads        threads that read, hash, compress and store chunks; 0 for two per processor plus one
 * @param changedOnly    with a previous image of the same source (same layout and chunk size): take its chunk as is,
 *                       without reading, where every used byte of the chunk is data of an ext2/3/4 file whose inode
 *                       has not changed (ctime), or of a FAT file whose directory entry has no modification or creation
 *                       time (local time, so read with 12 hours of slack) since ten minutes before that image began, and
 *                       the chunk's used map is the same. Directories, FATs, journals and other metadata are always
 *                       read. Trusts the filesystem's time stamps (and a clock no more than ten minutes apart from the
 *                       one that wrote it): a block changed behind the filesystem's back, by a raw write to the device,
 *                       is not seen, nor on FAT a file written with preserved old time stamps into exactly the clusters
 *                       of a file deleted since. NTFS and other filesystems are read as usual
 */
public record ImageOptions(int chunkSize, int partition, List<String> tags, String hostname, boolean skipBadSectors,
        MountedPolicy mounted, boolean readAll, int threads, boolean changedOnly) {
    public static final int DEFAULT_CHUNK_SIZE = 2 << 20;

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

    /** 2 MiB chunks, the whole source, refuse mounted writable filesystems, fail on read errors. */
    public static ImageOptions defaults() {
        return new ImageOptions(DEFAULT_CHUNK_SIZE, 0, List.of(), null, false, MountedPolicy.REFUSE, false, 0, false);
    }

    public ImageOptions withChunkSize(int bytes) {
        return new ImageOptions(bytes, partition, tags, hostname, skipBadSectors, mounted, readAll, threads, changedOnly);
    }

    public ImageOptions withPartition(int number) {
        return new ImageOptions(chunkSize, number, tags, hostname, skipBadSectors, mounted, readAll, threads, changedOnly);
    }

    public ImageOptions withTags(List<String> t) {
        return new ImageOptions(chunkSize, partition, t, hostname, skipBadSectors, mounted, readAll, threads, changedOnly);
    }

    public ImageOptions withHostname(String h) {
        return new ImageOptions(chunkSize, partition, tags, h, skipBadSectors, mounted, readAll, threads, changedOnly);
    }

    public ImageOptions withSkipBadSectors(boolean skip) {
        return new ImageOptions(chunkSize, partition, tags, hostname, skip, mounted, readAll, threads, changedOnly);
    }

    public ImageOptions withMounted(MountedPolicy policy) {
        return new ImageOptions(chunkSize, partition, tags, hostname, skipBadSectors, policy, readAll, threads, changedOnly);
    }

    public ImageOptions withReadAll(boolean all) {
        return new ImageOptions(chunkSize, partition, tags, hostname, skipBadSectors, mounted, all, threads, changedOnly);
    }

    public ImageOptions withThreads(int n) {
        return new ImageOptions(chunkSize, partition, tags, hostname, skipBadSectors, mounted, readAll, n, changedOnly);
    }

    public ImageOptions withChangedOnly(boolean changed) {
        return new ImageOptions(chunkSize, partition, tags, hostname, skipBadSectors, mounted, readAll, threads, changed);
    }
}
