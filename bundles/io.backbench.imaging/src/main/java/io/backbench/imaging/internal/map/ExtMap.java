package io.backbench.imaging.internal.map;

import static io.backbench.imaging.internal.map.Le.u16;
import static io.backbench.imaging.internal.map.Le.u32;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.backbench.imaging.api.BlockSource;

/**
 * ext2/3/4 used blocks from the block group descriptors and each group's block bitmap, as partclone
 * (through libext2fs) finds them: 64-bit descriptors, flex_bg (a group's bitmap may live in another
 * group), meta_bg descriptor placement, bigalloc clusters, and groups marked BLOCK_UNINIT (their
 * bitmap was never written: only the superblock and descriptor backups and the group's own
 * metadata are in use there, as libext2fs computes).
 */
final class ExtMap {
    private static final long INCOMPAT_JOURNAL_DEV = 0x8;
    private static final long INCOMPAT_META_BG = 0x10;
    private static final long INCOMPAT_64BIT = 0x80;
    private static final long RO_COMPAT_SPARSE_SUPER = 0x1;
    private static final long RO_COMPAT_GDT_CSUM = 0x10;
    private static final long RO_COMPAT_BIGALLOC = 0x200;
    private static final long RO_COMPAT_METADATA_CSUM = 0x400;
    private static final long COMPAT_SPARSE_SUPER2 = 0x200;
    private static final int BG_BLOCK_UNINIT = 0x2;

    private final BlockSource src;
    private byte[] sb;
    private int blockSize;
    private long blocks;
    private long firstData;
    private long blocksPerGroup;
    private long unitsPerGroup;
    private int ratio;
    private long groups;
    private int descSize;
    private int descPerBlock;
    private long descBlocks;
    private boolean metaBg;
    private long firstMetaBg;
    private int reservedGdt;
    private long itBlocks;
    private byte[] descriptors;

    private ExtMap(BlockSource src) {
        this.src = src;
    }

    static UsedMap read(BlockSource src) throws IOException {
        return new ExtMap(src).map();
    }

    /** The superblock and group descriptors only, for {@link ExtChanges}. */
    static ExtMap geometry(BlockSource src) throws IOException {
        ExtMap m = new ExtMap(src);
        m.readSuper();
        m.readDescriptors();
        return m;
    }

    byte[] superblock() {
        return sb;
    }

    int blockSize() {
        return blockSize;
    }

    long blocks() {
        return blocks;
    }

    long groups() {
        return groups;
    }

    /** Group {@code g}'s descriptor field: low 32 bits at {@code lo}, high at {@code hi} in 64-byte descriptors. */
    long descriptorField(long g, int lo, int hi) {
        return field((int) (g * descSize), lo, hi);
    }

    int descriptorFlags(long g) {
        return u16(descriptors, (int) (g * descSize) + 0x12);
    }

    /** Unused inodes at the end of group {@code g}'s inode table (with group checksums), else 0. */
    long inodeTableUnused(long g) {
        int d = (int) (g * descSize);
        long v = u16(descriptors, d + 0x1C);
        if (descSize >= 64) {
            v |= (long) u16(descriptors, d + 0x32) << 16;
        }
        return v;
    }

    void check(long block, String what) throws FsMapException {
        checkBlock(block, what);
    }

    private UsedMap map() throws IOException {
        readSuper();
        readDescriptors();
        Extents.Builder used = new Extents.Builder();
        // the boot block and the superblock are in no group when blocks are 1 KiB
        used.add(0, Math.max(2048, firstData * blockSize));
        byte[] bitmap = new byte[blockSize];
        boolean csum = (u32(sb, 0x64) & (RO_COMPAT_GDT_CSUM | RO_COMPAT_METADATA_CSUM)) != 0;
        List<String> warnings = new ArrayList<>();
        for (long g = 0; g < groups; g++) {
            int d = (int) (g * descSize);
            long blockBitmap = field(d, 0x0, 0x20);
            long first = firstData + g * blocksPerGroup;
            long units = Math.min(unitsPerGroup, (blocks - first + ratio - 1) / ratio);
            if (csum && (u16(descriptors, d + 0x12) & BG_BLOCK_UNINIT) != 0) {
                uninitGroup(g, d, used);
                continue;
            }
            checkBlock(blockBitmap, "block bitmap of group " + g);
            src.read(blockBitmap * blockSize, bitmap, 0, blockSize);
            Le.addSetBits(bitmap, units, first * blockSize, (long) ratio * blockSize, used);
        }
        return new UsedMap("ext-bitmap", blockSize * ratio, blocks * blockSize, used.build().clip(0, blocks * blockSize), warnings);
    }

    private void readSuper() throws IOException {
        sb = new byte[1024];
        if (src.size() < 2048) {
            throw new FsMapException("too small for an ext filesystem");
        }
        src.read(1024, sb, 0, 1024);
        if (u16(sb, 0x38) != 0xEF53) {
            throw new FsMapException("no ext superblock (magic 0xEF53) at byte 1024");
        }
        long incompat = u32(sb, 0x60);
        long roCompat = u32(sb, 0x64);
        if ((incompat & INCOMPAT_JOURNAL_DEV) != 0) {
            throw new FsMapException("an external ext journal device has no block bitmaps");
        }
        long log = u32(sb, 0x18);
        if (log > 6) {
            throw new FsMapException("block size 2^(10+" + log + ") is out of range");
        }
        blockSize = 1024 << log;
        boolean is64 = (incompat & INCOMPAT_64BIT) != 0;
        blocks = u32(sb, 0x04) | (is64 ? u32(sb, 0x150) << 32 : 0);
        firstData = u32(sb, 0x14);
        blocksPerGroup = u32(sb, 0x20);
        boolean bigalloc = (roCompat & RO_COMPAT_BIGALLOC) != 0;
        long logCluster = u32(sb, 0x1C);
        ratio = bigalloc ? (1024 << logCluster) / blockSize : 1;
        unitsPerGroup = bigalloc ? u32(sb, 0x24) : blocksPerGroup;
        if (blocksPerGroup == 0 || ratio < 1 || unitsPerGroup * ratio != blocksPerGroup || blocksPerGroup > 8L * blockSize * ratio) {
            throw new FsMapException("blocks per group " + blocksPerGroup + " does not fit one bitmap block");
        }
        if (blocks <= firstData || blocks > src.size() / blockSize) {
            throw new FsMapException("the superblock says " + blocks + " blocks of " + blockSize + " bytes, more than the "
                    + src.size() + " bytes of the partition");
        }
        groups = (blocks - firstData + blocksPerGroup - 1) / blocksPerGroup;
        descSize = is64 ? Math.max(32, u16(sb, 0xFE)) : 32;
        if (descSize > 1024 || Integer.bitCount(descSize) != 1) {
            throw new FsMapException("group descriptor size " + descSize + " is out of range");
        }
        descPerBlock = blockSize / descSize;
        descBlocks = (groups + descPerBlock - 1) / descPerBlock;
        metaBg = (incompat & INCOMPAT_META_BG) != 0;
        firstMetaBg = u32(sb, 0x104);
        reservedGdt = u16(sb, 0xCE);
        long inodesPerGroup = u32(sb, 0x28);
        int inodeSize = u32(sb, 0x4C) == 0 ? 128 : u16(sb, 0x58);
        itBlocks = (inodesPerGroup * inodeSize + blockSize - 1) / blockSize;
    }

    private void readDescriptors() throws IOException {
        descriptors = new byte[(int) (descBlocks * blockSize)];
        for (long b = 0; b < descBlocks; b++) {
            long loc = descriptorBlock(b);
            checkBlock(loc, "group descriptor block " + b);
            src.read(loc * blockSize, descriptors, (int) (b * blockSize), blockSize);
        }
    }

    // libext2fs ext2fs_descriptor_block_loc2
    private long descriptorBlock(long i) {
        if (!metaBg || i < firstMetaBg) {
            return groupBlock(0) + i + 1;
        }
        long bg = descPerBlock * i;
        return groupBlock(bg) + (hasSuper(bg) ? 1 : 0);
    }

    private long groupBlock(long g) {
        long b = firstData + g * blocksPerGroup;
        return b == 0 && blockSize == 1024 ? 1 : b;
    }

    // libext2fs ext2fs_bg_has_super
    private boolean hasSuper(long g) {
        if (g == 0) {
            return true;
        }
        if ((u32(sb, 0x5C) & COMPAT_SPARSE_SUPER2) != 0) {
            return g == u32(sb, 0x24C) || g == u32(sb, 0x250);
        }
        if (g <= 1 || (u32(sb, 0x64) & RO_COMPAT_SPARSE_SUPER) == 0) {
            return true;
        }
        if ((g & 1) == 0) {
            return false;
        }
        return isPower(g, 3) || isPower(g, 5) || isPower(g, 7);
    }

    private static boolean isPower(long g, int base) {
        long n = base;
        while (n < g) {
            n *= base;
        }
        return n == g;
    }

    /** A BLOCK_UNINIT group: libext2fs ext2fs_reserve_super_and_bgd plus the group's own bitmaps and inode table. */
    private void uninitGroup(long g, int d, Extents.Builder used) throws FsMapException {
        long start = groupBlock(g);
        boolean sup = hasSuper(g);
        long oldDescBlocks = metaBg ? firstMetaBg : descBlocks + reservedGdt;
        if (sup) {
            addBlocks(used, start, 1);
        }
        long metaGroup = g / descPerBlock;
        if (!metaBg || metaGroup < firstMetaBg) {
            if (sup) {
                addBlocks(used, start + 1, oldDescBlocks);
            }
        } else {
            long r = g % descPerBlock;
            if (r == 0 || r == 1 || r == descPerBlock - 1) {
                addBlocks(used, start + (sup ? 1 : 0), 1);
            }
        }
        long bb = field(d, 0x0, 0x20);
        long ib = field(d, 0x4, 0x24);
        long it = field(d, 0x8, 0x28);
        checkBlock(bb, "block bitmap of group " + g);
        checkBlock(ib, "inode bitmap of group " + g);
        checkBlock(it + itBlocks - 1, "inode table of group " + g);
        addBlocks(used, bb, 1);
        addBlocks(used, ib, 1);
        addBlocks(used, it, itBlocks);
    }

    private void addBlocks(Extents.Builder used, long block, long count) {
        long end = Math.min(blocks, block + count);
        if (end > block) {
            used.add(block * blockSize, (end - block) * blockSize);
        }
    }

    /** A block number from a descriptor: low 32 bits at {@code lo}, high at {@code hi} in 64-byte descriptors. */
    private long field(int d, int lo, int hi) {
        long v = u32(descriptors, d + lo);
        if (descSize >= 64) {
            v |= u32(descriptors, d + hi) << 32;
        }
        return v;
    }

    private void checkBlock(long block, String what) throws FsMapException {
        if (block < firstData || block >= blocks) {
            throw new FsMapException("the " + what + " is at block " + block + ", outside the filesystem's " + blocks + " blocks");
        }
    }
}
