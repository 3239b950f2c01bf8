package io.backbench.discovery.internal.fs;

import static io.backbench.discovery.internal.source.Bytes.be32;
import static io.backbench.discovery.internal.source.Bytes.be64;
import static io.backbench.discovery.internal.source.Bytes.le16;
import static io.backbench.discovery.internal.source.Bytes.le32;
import static io.backbench.discovery.internal.source.Bytes.le64;
import static io.backbench.discovery.internal.source.Bytes.u8;

import java.io.IOException;

import io.backbench.discovery.internal.source.BlockSource;

/**
 * A recognised filesystem's allocation unit and size from its superblock, for the formats whose
 * used blocks someone maps (ext, FAT, NTFS) and XFS; zeros for the rest. Only called after a
 * parser has accepted the superblock, so the fields are known to be plausible.
 *
 * @param blockSize bytes per block or cluster, 0 if not known
 * @param bytes     the size the superblock gives, 0 if not known
 */
public record Geometry(int blockSize, long bytes) {
    private static final Geometry UNKNOWN = new Geometry(0, 0);
    private static final long INCOMPAT_64BIT = 0x80;

    public static Geometry of(BlockSource source, String type) throws IOException {
        switch (type) {
            case "ext2", "ext3", "ext4": {
                byte[] sb = source.read(1024, 1024);
                int bs = 1024 << (int) Math.min(6, le32(sb, 0x18));
                long blocks = le32(sb, 0x04);
                if ((le32(sb, 0x60) & INCOMPAT_64BIT) != 0) {
                    blocks |= le32(sb, 0x150) << 32;
                }
                return new Geometry(bs, blocks * bs);
            }
            case "vfat": {
                byte[] bs = source.read(0, 512);
                int bps = le16(bs, 0x0B);
                long total = le16(bs, 0x13) != 0 ? le16(bs, 0x13) : le32(bs, 0x20);
                return new Geometry(bps * u8(bs, 0x0D), total * bps);
            }
            case "ntfs": {
                byte[] bs = source.read(0, 512);
                int bps = le16(bs, 11);
                return new Geometry(bps * u8(bs, 13), le64(bs, 40) * bps);
            }
            case "xfs": {
                byte[] sb = source.read(0, 512);
                long bs = be32(sb, 4);
                return new Geometry((int) bs, be64(sb, 8) * bs);
            }
            default:
                return UNKNOWN;
        }
    }
}
