package io.backbench.discovery.internal.fs;

import java.io.IOException;
import java.util.Map;

import io.backbench.discovery.internal.source.BlockSource;
import io.backbench.discovery.internal.source.Bytes;

/**
 * btrfs: the primary superblock at 64 KiB, magic "_BHRfS_M" at 64 in it; the filesystem UUID
 * (fsid) at 32, this device's UUID (blkid's UUID_SUB) in the embedded dev_item, the label at 299.
 */
final class Btrfs implements FsParser {
    private static final long SUPER_OFFSET = 64 * 1024;

    @Override
    public FsProbe probe(BlockSource source) throws IOException {
        byte[] sb = source.read(SUPER_OFFSET, 4096);
        if (sb.length < 4096 || !Bytes.matches(sb, 64, "_BHRfS_M") || Bytes.le64(sb, 48) != SUPER_OFFSET) {
            return null;
        }
        return new FsProbe("btrfs", Bytes.label(sb, 299, 256), Bytes.uuid(sb, 32), "",
                Map.of("uuid_sub", Bytes.uuid(sb, 201 + 66)));
    }
}
