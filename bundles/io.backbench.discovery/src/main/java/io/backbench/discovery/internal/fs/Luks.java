package io.backbench.discovery.internal.fs;

import java.io.IOException;
import java.util.Map;

import io.backbench.discovery.internal.source.BlockSource;
import io.backbench.discovery.internal.source.Bytes;

/**
 * LUKS 1 and 2 encrypted containers ("crypto_LUKS"). The UUID is stored as text; LUKS2 adds a label
 * and a subsystem. If the LUKS2 primary header is damaged, the secondary one is looked for at the
 * offsets the format allows.
 */
final class Luks implements FsParser {
    private static final long[] SECONDARY = {0x4000, 0x8000, 0x10000, 0x20000, 0x40000, 0x80000, 0x100000, 0x200000,
            0x400000};

    @Override
    public FsProbe probe(BlockSource source) throws IOException {
        byte[] h = source.read(0, 512);
        if (valid(h, "LUKS\u00ba\u00be", 0)) {
            return describe(h);
        }
        for (long off : SECONDARY) {
            h = source.read(off, 512);
            if (valid(h, "SKUL\u00ba\u00be", off)) {
                return describe(h);
            }
        }
        return null;
    }

    private static boolean valid(byte[] h, String magic, long offset) {
        if (h.length < 512 || !Bytes.matches(h, 0, magic)) {
            return false;
        }
        return Bytes.be16(h, 6) != 2 || Bytes.be64(h, 256) == offset;
    }

    private static FsProbe describe(byte[] h) {
        int version = Bytes.be16(h, 6);
        String uuid = Bytes.label(h, 168, 40);
        if (version == 2) {
            String subsystem = Bytes.label(h, 208, 48);
            return new FsProbe("crypto_LUKS", Bytes.label(h, 24, 48), uuid, "2",
                    subsystem.isEmpty() ? Map.of() : Map.of("subsystem", subsystem));
        }
        return new FsProbe("crypto_LUKS", "", uuid, Integer.toString(version));
    }
}
