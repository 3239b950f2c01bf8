package io.backbench.discovery.internal;

import java.util.Map;

import io.backbench.device.api.Device;
import io.backbench.discovery.internal.fs.FsProbe;
import io.backbench.discovery.internal.table.PartitionEntry;
import io.backbench.discovery.internal.table.PartitionTable;

/** Puts what {@link Volume} found into {@link Device} fields and attributes; shared by every kind of source. */
final class Describe {
    static final String TABLE_UUID = "partition.table.uuid";
    static final String TABLE_WARNING = "partition.table.warning";
    static final String PART_UUID = "partition.uuid";
    static final String PART_NODE = "partition.node";

    private Describe() {
    }

    /** The whole-device view: its filesystem or its table. */
    static void whole(Device.Builder b, Map<String, String> attrs, Volume v) {
        filesystem(b, attrs, v.filesystem());
        PartitionTable t = v.table();
        if (t != null) {
            b.partitionTableType(t.type());
            attrs.put(TABLE_UUID, t.id());
            if (!t.warnings().isEmpty()) {
                attrs.put(TABLE_WARNING, String.join("; ", t.warnings()));
            }
        }
    }

    static void filesystem(Device.Builder b, Map<String, String> attrs, FsProbe fs) {
        if (fs == null) {
            return;
        }
        b.filesystem(fs.toInfo());
        if (!fs.version().isEmpty()) {
            attrs.put("filesystem.version", fs.version());
        }
        fs.extra().forEach((k, v) -> attrs.put("filesystem." + k, v));
    }

    /** A partition from the table alone: start and size in bytes from its entry. */
    static Device.Builder partition(String id, String path, Device parent, PartitionTable t, PartitionEntry e,
                                    FsProbe fs, Map<String, String> attrs) {
        Device.Builder b = Device.builder(id, Device.Kind.PARTITION, path).parentId(parent.id())
                .size(e.size(t.sectorSize())).sectorSizes(parent.logicalSectorSize(), parent.physicalSectorSize())
                .rotational(parent.rotational()).removable(parent.removable()).readOnly(parent.readOnly())
                .partition(e.number(), e.start(t.sectorSize()), e.type(), e.name());
        attrs.put(PART_UUID, e.uuid());
        if (e.extended()) {
            attrs.put("partition.extended", "true");
        }
        filesystem(b, attrs, fs);
        return b;
    }

    /** The kernel's name for partition {@code number} of {@code disk}: sda1, but nvme0n1p1 and loop0p1. */
    static String partitionName(String disk, int number) {
        return disk + (Character.isDigit(disk.charAt(disk.length() - 1)) ? "p" : "") + number;
    }
}
