package io.backbench.discovery.internal.fs;

import java.io.IOException;

import io.backbench.discovery.internal.source.BlockSource;
import io.backbench.discovery.internal.source.Bytes;

/** XFS: big-endian superblock at offset 0, magic "XFSB", UUID at 32, 12-byte name at 108. */
final class Xfs implements FsParser {

    @Override
    public FsProbe probe(BlockSource source) throws IOException {
        byte[] sb = source.read(0, 512);
        if (sb.length < 512 || !Bytes.matches(sb, 0, "XFSB")) {
            return null;
        }
        long blockSize = Bytes.be32(sb, 4);
        if (blockSize < 512 || blockSize > 65536 || Long.bitCount(blockSize) != 1) {
            return null;
        }
        return new FsProbe("xfs", Bytes.label(sb, 108, 12), Bytes.uuid(sb, 32), "");
    }
}
