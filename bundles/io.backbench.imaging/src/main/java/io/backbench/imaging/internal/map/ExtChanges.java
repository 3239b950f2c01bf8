package io.backbench.imaging.internal.map;

import static io.backbench.imaging.internal.map.Le.u16;
import static io.backbench.imaging.internal.map.Le.u32;

import java.io.IOException;

import io.backbench.imaging.api.BlockSource;

/**
 * ext2/3/4: the used blocks that cannot have changed since a moment, known from the inodes alone
 * (no data block is read). A regular file's inode gets a new ctime with every write, truncate,
 * fallocate, hole punch or attribute change, so the data blocks of a file whose ctime is older than
 * the moment hold what they held then. Only files mapped by extents count; everything else
 * (directories, block-mapped files, extent tree blocks, bitmaps, inode tables, inline data) may
 * have changed, and so may any block that a changed inode lists too. The reserved inodes and those
 * the superblock names (journal, quota files, orphan file) are written by the kernel without a new
 * ctime, so their blocks always count as changed. Reads the inode bitmaps, the initialised part of
 * the inode tables and the extent index blocks.
 */
public final class ExtChanges {
    private static final long RO_COMPAT_GDT_CSUM = 0x10;
    private static final long RO_COMPAT_METADATA_CSUM = 0x400;
    private static final int BG_INODE_UNINIT = 0x1;
    private static final int S_IFMT = 0xF000;
    private static final int S_IFREG = 0x8000;
    private static final long EXTENTS_FL = 0x80000;
    private static final long INLINE_DATA_FL = 0x10000000;
    private static final int EXTENT_MAGIC = 0xF30A;
    private static final int MAX_DEPTH = 5;

    private final BlockSource src;
    private final ExtMap fs;
    private final long since;
    private final java.util.Set<Long> hidden = new java.util.HashSet<>();
    private long firstInode;
    private final Extents.Builder unchanged = new Extents.Builder();
    private final Extents.Builder changed = new Extents.Builder();

    private ExtChanges(BlockSource src, ExtMap fs, long since) {
        this.src = src;
        this.fs = fs;
        this.since = since;
    }

    /**
     * The bytes (relative to the filesystem's start) of the data of regular files whose inode has
     * not changed at or after {@code sinceEpochSecond}.
     *
     * @throws FsMapException if an inode or extent tree is damaged (then nothing can be trusted)
     */
    public static Extents unchangedSince(BlockSource src, long sinceEpochSecond) throws IOException {
        ExtChanges c = new ExtChanges(src, ExtMap.geometry(src), sinceEpochSecond);
        c.scan();
        Extents changed = c.changed.build();
        Extents unchanged = c.unchanged.build();
        return unchanged.intersect(changed.complement(0, c.fs.blocks() * c.fs.blockSize()));
    }

    private void scan() throws IOException {
        byte[] sb = fs.superblock();
        int bs = fs.blockSize();
        long inodesPerGroup = u32(sb, 0x28);
        int inodeSize = u32(sb, 0x4C) == 0 ? 128 : u16(sb, 0x58);
        boolean csum = (u32(sb, 0x64) & (RO_COMPAT_GDT_CSUM | RO_COMPAT_METADATA_CSUM)) != 0;
        if (inodeSize < 128 || inodeSize > bs || inodesPerGroup == 0 || inodesPerGroup > 8L * bs) {
            throw new FsMapException("inode size " + inodeSize + " or " + inodesPerGroup + " inodes per group is out of range");
        }
        // rev 0 filesystems have 11 as their first ordinary inode; the superblock names the hidden ones
        firstInode = u32(sb, 0x4C) == 0 ? 11 : u32(sb, 0x54);
        for (int field : new int[] {0xE0, 0x180, 0x240, 0x244, 0x26C, 0x280}) {
            hidden.add(u32(sb, field));
        }
        byte[] bitmap = new byte[bs];
        for (long g = 0; g < fs.groups(); g++) {
            if (csum && (fs.descriptorFlags(g) & BG_INODE_UNINIT) != 0) {
                continue; // no inode of this group was ever used
            }
            long count = inodesPerGroup - (csum ? Math.min(inodesPerGroup, fs.inodeTableUnused(g)) : 0);
            if (count == 0) {
                continue;
            }
            long bitmapBlock = fs.descriptorField(g, 0x4, 0x24);
            long table = fs.descriptorField(g, 0x8, 0x28);
            fs.check(bitmapBlock, "inode bitmap of group " + g);
            fs.check(table + (count * inodeSize - 1) / bs, "inode table of group " + g);
            src.read(bitmapBlock * bs, bitmap, 0, bs);
            byte[] inodes = new byte[Math.toIntExact(count * inodeSize)];
            src.read(table * bs, inodes, 0, inodes.length);
            for (int i = 0; i < count; i++) {
                if ((bitmap[i >>> 3] >> (i & 7) & 1) != 0) {
                    long number = g * inodesPerGroup + i + 1;
                    inode(inodes, i * inodeSize, inodeSize, number < firstInode || hidden.contains(number));
                }
            }
        }
    }

    private void inode(byte[] t, int off, int inodeSize, boolean kernelWritten) throws IOException {
        int mode = u16(t, off);
        long flags = u32(t, off + 0x20);
        if (mode == 0 || u16(t, off + 0x1A) == 0 || (mode & S_IFMT) != S_IFREG || (flags & EXTENTS_FL) == 0
                || (flags & INLINE_DATA_FL) != 0) {
            return;
        }
        byte[] root = new byte[60];
        System.arraycopy(t, off + 0x28, root, 0, 60);
        extents(root, 0, kernelWritten || ctime(t, off, inodeSize) >= since ? changed : unchanged, MAX_DEPTH);
    }

    /** Seconds since 1970: the signed 32-bit field plus the epoch bits of ctime_extra where the inode has them. */
    private static long ctime(byte[] t, int off, int inodeSize) {
        long seconds = (int) u32(t, off + 0xC);
        if (inodeSize > 128 && u16(t, off + 0x80) >= 8) {
            seconds += (u32(t, off + 0x84) & 3) << 32;
        }
        return seconds;
    }

    /** Adds the leaf extents of the tree node at {@code node[off..]} to {@code out}. */
    private void extents(byte[] node, int off, Extents.Builder out, int depthLeft) throws IOException {
        if (u16(node, off) != EXTENT_MAGIC) {
            throw new FsMapException("an extent tree node has no magic 0xF30A");
        }
        int entries = u16(node, off + 2);
        int depth = u16(node, off + 6);
        if (depth > depthLeft || 12 + 12L * entries > node.length - off) {
            throw new FsMapException("an extent tree node is damaged (depth " + depth + ", " + entries + " entries)");
        }
        int bs = fs.blockSize();
        for (int e = 0; e < entries; e++) {
            int p = off + 12 + 12 * e;
            if (depth == 0) {
                int len = u16(node, p + 4);
                len = len > 32768 ? len - 32768 : len; // above 32768: an unwritten extent
                long start = u32(node, p + 8) | (long) u16(node, p + 6) << 32;
                if (len > 0) {
                    fs.check(start, "extent start");
                    fs.check(start + len - 1, "extent end");
                    out.add(start * bs, (long) len * bs);
                }
            } else {
                long child = u32(node, p + 4) | (long) u16(node, p + 8) << 32;
                fs.check(child, "extent index block");
                byte[] block = new byte[bs];
                src.read(child * bs, block, 0, bs);
                extents(block, 0, out, depth - 1);
            }
        }
    }
}
