package io.backbench.imaging.internal.map;

import static io.backbench.imaging.internal.map.Le.u16;
import static io.backbench.imaging.internal.map.Le.u8;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import io.backbench.imaging.api.BlockSource;

/**
 * FAT12/16/32: the used clusters that cannot have changed since a moment, known from the directory
 * entries (no file data is read). Every writer (Linux vfat, mtools, Windows) stamps a file's entry
 * with a new modification time when it writes the file, so the clusters of a file whose newest time
 * stamp (modification or creation) is older than the moment hold what they held then.
 * <p>
 * The rule, conservative where it can be: only the clusters of a regular file's own chain count as
 * unchanged; the reserved sectors, the FATs, the FAT12/16 root directory, every directory's clusters,
 * clusters no entry reaches (lost chains) and any cluster that a changed file or a directory also
 * claims (a cross-link) always count as changed. A file whose chain is damaged (out of range, free
 * or looping) or longer or shorter than its size needs counts as changed whole. FAT time stamps are
 * local time in an unknown zone with 2-second steps, so a stamp counts as older only if it is older
 * even in the zone furthest west (UTC-12) plus those 2 seconds. What this cannot see: data written
 * behind the filesystem's back (as for ext), and a file written with a preserved old time stamp that
 * reuses exactly the clusters of a file deleted since (a copy that keeps times, such as
 * {@code mcopy -m} or {@code cp -p} onto a mount, that also keeps creation time); --changed-only
 * documents both.
 */
public final class FatChanges {
    /** The furthest a local clock can be behind UTC (UTC-12), and the 2-second steps of FAT times. */
    static final long ZONE_SLACK_SECONDS = 12 * 3600 + 2;
    private static final int ATTR_VOLUME = 0x08;
    private static final int ATTR_DIRECTORY = 0x10;
    private static final int ATTR_LFN = 0x0F;
    /** Deeper than any real tree; a deeper one is a loop in damaged directories. */
    private static final int MAX_DEPTH = 64;

    private final BlockSource src;
    private final FatVolume fat;
    private final long since;
    private final Set<Long> directories = new HashSet<>();
    private final Extents.Builder unchanged = new Extents.Builder();
    private final Extents.Builder changed = new Extents.Builder();

    private FatChanges(BlockSource src, FatVolume fat, long since) {
        this.src = src;
        this.fat = fat;
        this.since = since;
    }

    /**
     * The bytes (relative to the filesystem's start) of the clusters of files whose directory entry
     * has no time stamp at or after {@code sinceEpochSecond}.
     *
     * @throws FsMapException if a directory is damaged (then nothing can be trusted)
     */
    public static Extents unchangedSince(BlockSource src, long sinceEpochSecond) throws IOException {
        FatChanges c = new FatChanges(src, FatVolume.read(src), sinceEpochSecond);
        if (c.fat.bits == 32) {
            c.directory(c.fat.rootCluster, 0);
        } else {
            byte[] root = new byte[Math.toIntExact(c.fat.rootDirSectors * c.fat.bytesPerSector)];
            src.read(c.fat.rootDirStart, root, 0, root.length);
            c.entries(root, 0);
        }
        return c.unchanged.build().intersect(c.changed.build().complement(0, c.fat.totalSectors * c.fat.bytesPerSector));
    }

    private void directory(long first, int depth) throws IOException {
        if (depth > MAX_DEPTH || !directories.add(first)) {
            throw new FsMapException("the FAT directory tree loops (cluster " + first + " is reached twice)");
        }
        Extents chain = chain(first);
        if (chain == null) {
            throw new FsMapException("the cluster chain of a FAT directory starting at " + first + " is damaged");
        }
        changed.addAll(chain);
        for (int i = 0; i < chain.count(); i++) {
            byte[] b = new byte[Math.toIntExact(chain.end(i) - chain.start(i))];
            src.read(chain.start(i), b, 0, b.length);
            if (!entries(b, depth)) {
                return;
            }
        }
    }

    /** Handles the 32-byte entries of {@code b}; false once the end-of-directory mark is met. */
    private boolean entries(byte[] b, int depth) throws IOException {
        for (int off = 0; off + 32 <= b.length; off += 32) {
            int first = u8(b, off);
            int attr = u8(b, off + 11);
            if (first == 0) {
                return false;
            }
            if (first == 0xE5 || attr == ATTR_LFN || (attr & ATTR_VOLUME) != 0 || first == '.') {
                continue;
            }
            long cluster = (fat.bits == 32 ? (long) u16(b, off + 0x14) << 16 : 0) | u16(b, off + 0x1A);
            if ((attr & ATTR_DIRECTORY) != 0) {
                if (cluster != 0) {
                    directory(cluster, depth + 1);
                }
                continue;
            }
            long size = Le.u32(b, off + 0x1C);
            if (cluster == 0) {
                continue;
            }
            Extents chain = chain(cluster);
            long needed = (size + fat.clusterBytes - 1) / fat.clusterBytes;
            if (chain == null || chain.total() != needed * fat.clusterBytes) {
                if (chain != null) {
                    changed.addAll(chain);
                } else if (fat.isCluster(cluster)) {
                    changed.add(fat.clusterOffset(cluster), fat.clusterBytes);
                }
                continue;
            }
            (newest(b, off) + ZONE_SLACK_SECONDS >= since ? changed : unchanged).addAll(chain);
        }
        return true;
    }

    /** The clusters of the chain from {@code first} as bytes, or null if it is damaged. */
    private Extents chain(long first) {
        Extents.Builder out = new Extents.Builder();
        long c = first;
        for (long n = 0; n <= fat.clusters; n++) {
            if (!fat.isCluster(c)) {
                return null;
            }
            out.add(fat.clusterOffset(c), fat.clusterBytes);
            long next = fat.entry(c);
            if (fat.isEndOfChain(next)) {
                return out.build();
            }
            c = next;
        }
        return null; // longer than the volume: a loop
    }

    /**
     * The later of modification and creation time, read as if local time were UTC; a missing or
     * invalid modification time is taken as "now" (changed).
     */
    private static long newest(byte[] b, int off) {
        long modified = stamp(u16(b, off + 0x18), u16(b, off + 0x16));
        if (modified < 0) {
            return Long.MAX_VALUE / 2;
        }
        return Math.max(modified, stamp(u16(b, off + 0x10), u16(b, off + 0x0E)));
    }

    private static long stamp(int date, int time) {
        if (date == 0) {
            return -1;
        }
        try {
            return LocalDateTime.of(1980 + (date >>> 9), date >>> 5 & 0xF, date & 0x1F, time >>> 11, time >>> 5 & 0x3F,
                    Math.min(59, (time & 0x1F) * 2)).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return -1;
        }
    }
}
