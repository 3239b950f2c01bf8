package io.backbench.discovery.internal.fs;

import static io.backbench.discovery.internal.source.Bytes.le16;
import static io.backbench.discovery.internal.source.Bytes.le32;

import java.io.IOException;

import io.backbench.discovery.internal.source.BlockSource;
import io.backbench.discovery.internal.source.Bytes;

/**
 * ext2, ext3, ext4 (and an external ext journal, "jbd"). Which of the three it is follows blkid:
 * a journal makes ext3 unless a feature ext3 does not know is on; any such feature makes ext4.
 */
final class Ext implements FsParser {
    private static final int COMPAT_HAS_JOURNAL = 0x4;
    private static final long INCOMPAT_JOURNAL_DEV = 0x8;
    private static final long RO_COMPAT_EXT2_KNOWN = 0x1 | 0x2 | 0x4;
    private static final long INCOMPAT_EXT2_KNOWN = 0x2 | 0x10;
    private static final long INCOMPAT_EXT3_KNOWN = INCOMPAT_EXT2_KNOWN | 0x4;

    @Override
    public FsProbe probe(BlockSource source) throws IOException {
        byte[] sb = source.read(1024, 1024);
        if (sb.length < 1024 || le16(sb, 0x38) != 0xEF53) {
            return null;
        }
        long compat = le32(sb, 0x5C);
        long incompat = le32(sb, 0x60);
        long roCompat = le32(sb, 0x64);
        String type;
        if ((incompat & INCOMPAT_JOURNAL_DEV) != 0) {
            type = "jbd";
        } else if ((roCompat & ~RO_COMPAT_EXT2_KNOWN) != 0) {
            type = "ext4";
        } else if ((compat & COMPAT_HAS_JOURNAL) != 0) {
            type = (incompat & ~INCOMPAT_EXT3_KNOWN) == 0 ? "ext3" : "ext4";
        } else {
            type = (incompat & ~INCOMPAT_EXT2_KNOWN) == 0 ? "ext2" : "ext4";
        }
        String version = le32(sb, 0x4C) + "." + le16(sb, 0x3E);
        return new FsProbe(type, Bytes.label(sb, 0x78, 16), Bytes.uuid(sb, 0x68), version);
    }
}
