package io.backbench.discovery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.backbench.device.api.Device;
import io.backbench.discovery.internal.source.BlockSource;
import io.backbench.discovery.internal.source.FileBlockSource;
import io.backbench.discovery.internal.table.PartitionEntry;

/**
 * Whole disks, loop devices and their partitions from {@code /sys/block}; partition tables and
 * filesystems read from the device nodes under {@code /dev}, opened read-only. Without udev the
 * kernel may know partitions (sysfs) that have no node, or a loop device's table may not have been
 * scanned at all: partitions then come from our own reading of the table.
 */
final class BlockDevices {
    private static final int RAM_DISK_MAJOR = 1;

    private final Path sysBlock;
    private final Path devRoot;

    BlockDevices(Path sysRoot, Path devRoot) {
        this.sysBlock = sysRoot.resolve("block");
        this.devRoot = devRoot;
    }

    List<Device> scan(MountTable mounts) throws IOException {
        if (!Files.isDirectory(sysBlock)) {
            throw new IOException(sysBlock + " does not exist: sysfs is not mounted, so block devices cannot be"
                    + " listed. Mount it (mount -t sysfs sysfs /sys) and try again.");
        }
        List<Path> disks;
        try (Stream<Path> s = Files.list(sysBlock)) {
            disks = s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        List<Device> out = new ArrayList<>();
        for (Path dir : disks) {
            disk(dir, mounts, out);
        }
        return out;
    }

    private void disk(Path dir, MountTable mounts, List<Device> out) {
        String name = dir.getFileName().toString();
        String dev = Sysfs.text(dir, "dev");
        boolean loop = Files.isDirectory(dir.resolve("loop"));
        long size = Sysfs.number(dir, "size", 0) * 512;
        boolean removable = Sysfs.flag(dir, "removable");
        if (dev.startsWith(RAM_DISK_MAJOR + ":") || (name.startsWith("loop") && !loop)) {
            return; // RAM disks and unattached loop devices: lsblk hides them too
        }
        Device.Kind kind = loop ? Device.Kind.LOOP
                : Files.exists(dir.resolve("device")) ? Device.Kind.DISK : Device.Kind.OTHER;
        Path node = devRoot.resolve(name);
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("dev", dev);
        Device.Builder b = Device.builder(name, kind, node.toString()).size(size)
                .sectorSizes((int) Sysfs.number(dir, "queue/logical_block_size", 0),
                        (int) Sysfs.number(dir, "queue/physical_block_size", 0))
                .rotational(Sysfs.flag(dir, "queue/rotational")).removable(removable).readOnly(Sysfs.flag(dir, "ro"))
                .mountPoints(mounts.mountPoints(dev, node.toString()));
        identity(dir, b, attrs);
        if (loop) {
            loopAttributes(dir, attrs);
        }
        List<Path> kernelParts = kernelPartitions(dir);
        if (size == 0) {
            // no medium (card reader, optical drive) or an unconfigured zram: nothing to open
            Device disk = b.attributes(attrs).build();
            out.add(disk);
            partitionsFromSysfsOnly(disk, kernelParts, mounts, out);
            return;
        }
        try (BlockSource source = FileBlockSource.openDevice(node, size)) {
            Volume v = Volume.read(source, (int) Sysfs.number(dir, "queue/logical_block_size", 0));
            Describe.whole(b, attrs, v);
            Device disk = b.attributes(attrs).build();
            out.add(disk);
            partitions(disk, v, kernelParts, mounts, out);
        } catch (IOException | RuntimeException e) {
            // cannot open the node (no permission, no /dev entry, medium gone): list what sysfs says
            attrs.put("probe.error", String.valueOf(e.getMessage()));
            Device disk = b.attributes(attrs).build();
            out.add(disk);
            partitionsFromSysfsOnly(disk, kernelParts, mounts, out);
        }
    }

    private static void identity(Path dir, Device.Builder b, Map<String, String> attrs) {
        Path device = dir.resolve("device");
        b.vendor(Sysfs.text(device, "vendor")).model(Sysfs.text(device, "model"));
        String serial = Sysfs.text(device, "serial");
        if (serial.isEmpty()) {
            serial = Sysfs.text(dir, "serial"); // virtio-blk
        }
        if (serial.isEmpty()) {
            serial = Sysfs.vpdSerial(device); // SCSI
        }
        b.serial(serial);
        String wwid = Sysfs.text(dir, "wwid");
        if (wwid.isEmpty()) {
            wwid = Sysfs.text(device, "wwid");
        }
        if (!wwid.isEmpty()) {
            attrs.put("wwn", wwid);
        }
        String dmName = Sysfs.text(dir, "dm/name");
        if (!dmName.isEmpty()) {
            attrs.put("dm.name", dmName);
        }
    }

    private static void loopAttributes(Path dir, Map<String, String> attrs) {
        String backing = Sysfs.text(dir, "loop/backing_file");
        if (!backing.isEmpty()) {
            attrs.put("loop.backing_file", backing);
        }
        attrs.put("loop.offset", Long.toString(Sysfs.number(dir, "loop/offset", 0)));
        attrs.put("loop.sizelimit", Long.toString(Sysfs.number(dir, "loop/sizelimit", 0)));
        attrs.put("loop.autoclear", Boolean.toString(Sysfs.flag(dir, "loop/autoclear")));
        attrs.put("loop.partscan", Boolean.toString(Sysfs.flag(dir, "loop/partscan")));
    }

    /** Sub-directories that the kernel made for partitions (they have a "partition" file), by number. */
    private static List<Path> kernelPartitions(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Sysfs.number(p, "partition", 0) >= 1)
                    .sorted(Comparator.comparingLong(p -> Sysfs.number(p, "partition", 0))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void partitions(Device disk, Volume v, List<Path> kernelParts, MountTable mounts, List<Device> out) {
        if (v.table() == null) {
            partitionsFromSysfsOnly(disk, kernelParts, mounts, out);
            return;
        }
        Map<Long, Path> byNumber = new LinkedHashMap<>();
        for (Path p : kernelParts) {
            byNumber.put(Sysfs.number(p, "partition", 0), p);
        }
        for (PartitionEntry e : v.table().entries()) {
            Path sys = byNumber.remove((long) e.number());
            String name = sys != null ? sys.getFileName().toString() : Describe.partitionName(disk.id(), e.number());
            Path node = devRoot.resolve(name);
            Map<String, String> attrs = new LinkedHashMap<>();
            Device.Builder b = Describe.partition(name, node.toString(), disk, v.table(), e,
                    v.partitionFs().get(e.number()), attrs);
            if (sys != null) {
                String dev = Sysfs.text(sys, "dev");
                attrs.put("dev", dev);
                b.readOnly(disk.readOnly() || Sysfs.flag(sys, "ro")).mountPoints(mounts.mountPoints(dev, node.toString()));
                if (!e.extended()) {
                    b.size(Sysfs.number(sys, "size", 0) * 512);
                }
            }
            if (!Files.exists(node)) {
                attrs.put(Describe.PART_NODE, "absent");
            }
            out.add(b.attributes(attrs).build());
        }
        for (Path stale : byNumber.values()) {
            // the kernel knows a partition our table reading does not: report it as the kernel sees it
            out.add(sysfsPartition(disk, stale, mounts, "not in the partition table on the device"));
        }
    }

    private void partitionsFromSysfsOnly(Device disk, List<Path> kernelParts, MountTable mounts, List<Device> out) {
        for (Path p : kernelParts) {
            out.add(sysfsPartition(disk, p, mounts, null));
        }
    }

    private Device sysfsPartition(Device disk, Path sys, MountTable mounts, String warning) {
        String name = sys.getFileName().toString();
        String dev = Sysfs.text(sys, "dev");
        Path node = devRoot.resolve(name);
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("dev", dev);
        if (warning != null) {
            attrs.put("partition.warning", warning);
        }
        return Device.builder(name, Device.Kind.PARTITION, node.toString()).parentId(disk.id())
                .size(Sysfs.number(sys, "size", 0) * 512)
                .sectorSizes(disk.logicalSectorSize(), disk.physicalSectorSize()).rotational(disk.rotational())
                .removable(disk.removable()).readOnly(disk.readOnly() || Sysfs.flag(sys, "ro"))
                .partition((int) Sysfs.number(sys, "partition", 0), Sysfs.number(sys, "start", 0) * 512, "", "")
                .mountPoints(mounts.mountPoints(dev, node.toString())).attributes(attrs).build();
    }
}
