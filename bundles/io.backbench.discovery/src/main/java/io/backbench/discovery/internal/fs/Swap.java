package io.backbench.discovery.internal.fs;

import java.io.IOException;

import io.backbench.discovery.internal.source.BlockSource;
import io.backbench.discovery.internal.source.Bytes;

/**
 * Linux swap: the signature sits in the last 10 bytes of the first page, whose size depends on the
 * machine that made it; a version 1 header at 1024 holds the UUID (at 1036) and label (at 1052).
 */
final class Swap implements FsParser {
    private static final int[] PAGE_SIZES = {4096, 8192, 16384, 32768, 65536};

    @Override
    public FsProbe probe(BlockSource source) throws IOException {
        for (int page : PAGE_SIZES) {
            byte[] sig = source.read(page - 10, 10);
            if (Bytes.matches(sig, 0, "SWAPSPACE2")) {
                byte[] h = source.read(1024, 44);
                if (h.length < 44 || Bytes.le32(h, 0) != 1 || Bytes.le32(h, 4) == 0) {
                    return null;
                }
                String uuid = Bytes.isZero(h, 12, 16) ? "" : Bytes.uuid(h, 12);
                return new FsProbe("swap", Bytes.label(h, 28, 16), uuid, "1");
            }
            if (Bytes.matches(sig, 0, "SWAP-SPACE")) {
                return new FsProbe("swap", "", "", "0");
            }
        }
        return null;
    }
}
