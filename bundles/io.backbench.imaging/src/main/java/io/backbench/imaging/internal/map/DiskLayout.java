package io.backbench.imaging.internal.map;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.backbench.discovery.probe.FileSystemProbe;
import io.backbench.discovery.probe.PartitionEntry;
import io.backbench.discovery.probe.PartitionTable;
import io.backbench.discovery.probe.Probes;
import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.internal.source.ProbeView;
import io.backbench.imaging.internal.source.SliceBlockSource;
import io.backbench.imaging.internal.source.UsedOnlyView;

/**
 * What is on a source and which of its bytes are in use: either one filesystem from byte 0, or a
 * partition table whose partitions each get their filesystem's used map, while everything outside
 * the partitions (the tables, the gaps, GPT's backup at the end, MBR's extended boot records) is
 * always in use. A source with neither is in use whole.
 *
 * @param size       the source's size
 * @param sectorSize its logical sector size
 * @param table      the partition table, or null
 * @param filesystem the filesystem on the whole source (when there is no table), or null
 * @param fsMap      that filesystem's used map, or null
 * @param partitions the partitions with their filesystems and used maps
 * @param used       the bytes in use, relative to the source's start
 * @param warnings   damaged tables, filesystems read whole because of damage, partitions past the end
 */
public record DiskLayout(long size, int sectorSize, PartitionTable table, FileSystemProbe filesystem, UsedMap fsMap,
        List<Partition> partitions, Extents used, List<String> warnings) {
    /** Formats whose boot sector is sector 0 of the disk, so a 0x55AA there is theirs, not an MBR's. */
    private static final Set<String> OWN_SECTOR_ZERO = Set.of("vfat", "ntfs");

    /** One partition of the table, where it lies, what is on it and how much of it is in use. */
    public record Partition(PartitionEntry entry, long start, long length, FileSystemProbe filesystem, UsedMap map) {
    }

    private record Probed(FileSystemProbe fs, UsedMap map) {
    }

    /**
     * The filesystem on a partition and its used map. One we have a bitmap reader for is recognised
     * from its first sectors and then probed for label and UUID through its used blocks only, so
     * free space is never read; anything else is probed in full (it is read whole anyway).
     */
    private static Probed probe(BlockSource part) throws IOException {
        String type = Signatures.detect(part);
        if (type != null) {
            UsedMap m = FsMaps.map(part, type);
            FileSystemProbe fs = Probes.identify(new UsedOnlyView(part, m.used()));
            if (fs != null && FsMaps.supported(fs.type()) && family(fs.type()).equals(family(type))) {
                return new Probed(fs, m);
            }
        }
        FileSystemProbe fs = Probes.identify(new ProbeView(part));
        return new Probed(fs, FsMaps.map(part, fs == null ? null : fs.type()));
    }

    private static String family(String type) {
        return type.startsWith("ext") ? "ext" : type;
    }

    public static DiskLayout analyse(BlockSource src, boolean readAll) throws IOException {
        ProbeView view = new ProbeView(src);
        int ss = src.sectorSize();
        PartitionTable table = Probes.readGpt(view, ss);
        if (table == null && !OWN_SECTOR_ZERO.contains(String.valueOf(Signatures.detect(src)))) {
            table = Probes.readMbr(view, ss);
        }
        List<String> warnings = new ArrayList<>();
        Extents all = Extents.of(0, src.size());
        if (table == null) {
            Probed probed = probe(src);
            FileSystemProbe whole = probed.fs;
            UsedMap m = probed.map;
            warnings.addAll(m.warnings());
            return new DiskLayout(src.size(), ss, null, whole, m, List.of(), readAll ? all : m.used(), warnings);
        }
        warnings.addAll(table.warnings());
        List<Partition> parts = new ArrayList<>();
        Extents.Builder inside = new Extents.Builder();
        Extents.Builder used = new Extents.Builder();
        for (PartitionEntry e : table.entries()) {
            if (e.extended()) {
                continue;
            }
            long start = e.start(table.sectorSize());
            long length = e.size(table.sectorSize());
            if (start >= src.size()) {
                warnings.add("partition " + e.number() + " starts past the end of " + src.describe() + "; it is not imaged");
                continue;
            }
            if (start + length > src.size()) {
                warnings.add("partition " + e.number() + " runs past the end of " + src.describe() + "; only what exists is imaged");
                length = src.size() - start;
            }
            SliceBlockSource slice = new SliceBlockSource(src, start, length, src.describe() + " partition " + e.number());
            Probed probed = probe(slice);
            FileSystemProbe fs = probed.fs;
            UsedMap m = probed.map;
            warnings.addAll(m.warnings());
            parts.add(new Partition(e, start, length, fs, m));
            inside.add(start, length);
            used.addAll(m.used().shift(start));
        }
        used.addAll(inside.build().complement(0, src.size()));
        return new DiskLayout(src.size(), ss, table, null, null, parts, readAll ? all : used.build(), warnings);
    }
}
