package io.backbench.discovery.probe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.backbench.discovery.internal.fs.FileSystems;
import io.backbench.discovery.internal.fs.FsProbe;
import io.backbench.discovery.internal.fs.Geometry;
import io.backbench.discovery.internal.source.BlockSource;

/**
 * Reads partition tables and identifies filesystems. Stateless and thread-safe: each call reads
 * only through the {@link ProbeSource} it is given, on the caller's thread.
 */
public final class Probes {
    private Probes() {
    }

    /**
     * The GPT on {@code source} counted in {@code sectorSize}-byte sectors, or null if there is none.
     * Both headers and their entry arrays are checked (CRC32, the header's own LBA); a damaged one is
     * named in {@link PartitionTable#warnings()} and the good one is used.
     */
    public static PartitionTable readGpt(ProbeSource source, int sectorSize) throws IOException {
        return api(io.backbench.discovery.internal.table.PartitionTable.readGpt(internal(source), sectorSize));
    }

    /**
     * The MBR table on {@code source}, or null if sector 0 holds none. A FAT or NTFS boot sector
     * also ends in 0x55AA, so a caller looks for those filesystems (or uses {@link #readTable})
     * first.
     */
    public static PartitionTable readMbr(ProbeSource source, int sectorSize) throws IOException {
        return api(io.backbench.discovery.internal.table.PartitionTable.readMbr(internal(source), sectorSize));
    }

    /**
     * The partition table as blkid finds it: a GPT, else an MBR unless sector 0 is the boot sector
     * of a FAT or NTFS filesystem filling the source; null if there is no table.
     */
    public static PartitionTable readTable(ProbeSource source, int sectorSize) throws IOException {
        PartitionTable gpt = readGpt(source, sectorSize);
        if (gpt != null) {
            return gpt;
        }
        FileSystemProbe fs = identify(source);
        if (fs != null && (fs.type().equals("vfat") || fs.type().equals("ntfs"))) {
            return null;
        }
        return readMbr(source, sectorSize);
    }

    /** The filesystem (or LUKS container, LVM physical volume, swap area) at byte 0, or null if none known. */
    public static FileSystemProbe identify(ProbeSource source) throws IOException {
        BlockSource s = internal(source);
        FsProbe p = FileSystems.probe(s);
        if (p == null) {
            return null;
        }
        Geometry g = Geometry.of(s, p.type());
        return new FileSystemProbe(p.type(), p.label(), p.uuid(), p.version(), g.blockSize(), g.bytes(), p.extra());
    }

    private static BlockSource internal(ProbeSource source) {
        return new BlockSource() {
            @Override
            public long size() {
                return source.size();
            }

            @Override
            public byte[] read(long offset, int length) throws IOException {
                return source.read(offset, length);
            }
        };
    }

    private static PartitionTable api(io.backbench.discovery.internal.table.PartitionTable t) {
        if (t == null) {
            return null;
        }
        List<PartitionEntry> entries = new ArrayList<>();
        for (io.backbench.discovery.internal.table.PartitionEntry e : t.entries()) {
            entries.add(new PartitionEntry(e.number(), e.firstLba(), e.sectors(), e.type(), e.name(), e.uuid(), e.extended()));
        }
        return new PartitionTable(t.type(), t.id(), t.sectorSize(), entries, t.warnings());
    }
}
