package io.backbench.discovery.internal.fs;

import java.io.IOException;
import java.util.List;

import io.backbench.discovery.internal.source.BlockSource;

/**
 * Finds the filesystem (or LUKS container, LVM physical volume, swap area) at the start of a
 * source. Formats with strong, far-apart magic numbers are tried first; FAT, whose only sure sign
 * is a boot sector that many other formats also have, comes last.
 */
public final class FileSystems {
    private static final List<FsParser> PARSERS = List.of(new Luks(), new LvmPv(), new Xfs(), new Ext(),
            new Btrfs(), new Ntfs(), new Swap(), new Fat());

    private FileSystems() {
    }

    /** The format found, or {@code null} if none of the known ones is there. */
    public static FsProbe probe(BlockSource source) throws IOException {
        for (FsParser p : PARSERS) {
            FsProbe found = p.probe(source);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
