package io.backbench.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.device.api.Device;
import io.backbench.discovery.testing.DiskImages;
import io.backbench.discovery.testing.Json;
import io.backbench.discovery.testing.LoopDevice;
import io.backbench.discovery.testing.Tools;

/**
 * Acceptance: what Backbench reports for real loop devices equals what lsblk, sfdisk and blkid
 * report. Needs root and loop devices; fails (never skips) without them.
 */
class LoopDeviceDiscoveryTest {
    @TempDir
    Path dir;

    private final LinuxDeviceProvider provider = new LinuxDeviceProvider();

    private static Device find(List<Device> all, String id) {
        return all.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no device " + id + " in " + all.stream().map(Device::id).toList()));
    }

    private static List<Device> children(List<Device> all, String parent) {
        return all.stream().filter(d -> parent.equals(d.parentId())).toList();
    }

    /** The whole-device fields against {@code lsblk -J -O -b} and the table against {@code blkid -p}. */
    private static void assertLikeLsblk(Device d, List<Device> all, LoopDevice loop, Path image) throws Exception {
        Map<String, Object> ls = Json.object(Json.array(Json.object(Json.parse(
                Tools.run("lsblk", "-J", "-O", "-b", loop.node()))).get("blockdevices")).get(0));
        assertEquals(Device.Kind.LOOP, d.kind());
        assertEquals(ls.get("path"), d.path());
        assertEquals(ls.get("type"), "loop");
        assertEquals(((Number) ls.get("size")).longValue(), d.size(), "size");
        assertEquals(((Number) ls.get("log-sec")).intValue(), d.logicalSectorSize(), "log-sec");
        assertEquals(((Number) ls.get("phy-sec")).intValue(), d.physicalSectorSize(), "phy-sec");
        assertEquals(ls.get("ro"), d.readOnly(), "ro");
        assertEquals(ls.get("rm"), d.removable(), "rm");
        assertEquals(ls.get("rota"), d.rotational(), "rota");
        assertEquals(ls.get("maj:min"), d.attributes().get("dev"));
        assertEquals(image.toRealPath().toString(), d.attributes().get("loop.backing_file"));
        Map<String, String> pt = Tools.blkid(Path.of(loop.node()));
        assertEquals(pt.getOrDefault("PTTYPE", ""), d.partitionTableType(), "PTTYPE");
        assertEquals(pt.get("PTUUID"), d.attributes().get("partition.table.uuid"), "PTUUID");
        if (ls.containsKey("children")) {
            // the kernel made partitions: lsblk's start and size must agree with ours too
            for (Object c : Json.array(ls.get("children"))) {
                Map<String, Object> child = Json.object(c);
                Device p = all.stream().filter(x -> x.path().equals(child.get("path"))).findFirst()
                        .orElseThrow(() -> new AssertionError("lsblk lists " + child.get("path") + ", we do not"));
                assertEquals(((Number) child.get("start")).longValue() * 512, p.partitionStart(), "start of " + p.id());
                if (!p.attributes().containsKey("partition.extended")) {
                    assertEquals(((Number) child.get("size")).longValue(), p.size(), "size of " + p.id());
                }
            }
        }
    }

    @Test
    void gptLoopDeviceMatchesLsblkSfdiskAndBlkid() throws Exception {
        Path img = DiskImages.gpt(dir);
        try (LoopDevice loop = LoopDevice.attach(img, true)) {
            List<Device> all = provider.devices();
            Device d = find(all, loop.name());
            assertLikeLsblk(d, all, loop, img);
            assertEquals("gpt", d.partitionTableType());
            List<Device> parts = children(all, loop.name());
            ImageFilesTest.assertPartitionsLikeOracles(img, parts);
            for (Device p : parts) {
                assertEquals(d.path() + "p" + p.partitionNumber(), p.path(), "kernel naming of partition nodes");
                assertEquals(!Files.exists(Path.of(p.path())), "absent".equals(p.attributes().get("partition.node")));
            }
            assertTrue(all.indexOf(d) < all.indexOf(parts.get(0)), "parents before children");
        }
    }

    @Test
    void dosLoopDeviceWithLogicalPartitionsMatchesTheOracles() throws Exception {
        Path img = DiskImages.dos(dir);
        try (LoopDevice loop = LoopDevice.attach(img, true)) {
            List<Device> all = provider.devices();
            Device d = find(all, loop.name());
            assertLikeLsblk(d, all, loop, img);
            assertEquals("dos", d.partitionTableType());
            ImageFilesTest.assertPartitionsLikeOracles(img, children(all, loop.name()));
        }
    }

    @Test
    void filesystemOnAWholeLoopDeviceAndItsMountPoint() throws Exception {
        Path img = Tools.sparseFile(dir, "whole.img", 32 << 20);
        Tools.run("mkfs.ext4", "-q", "-F", "-L", "whole disk", img.toString());
        Path mnt = Files.createDirectory(dir.resolve("mount point"));
        try (LoopDevice loop = LoopDevice.attach(img, false)) {
            Tools.run("mount", "-o", "ro", loop.node(), mnt.toString());
            try {
                Device d = find(provider.devices(), loop.name());
                Map<String, String> fs = Tools.blkid(img);
                assertNotNull(d.filesystem());
                assertEquals(fs.get("TYPE"), d.filesystem().type());
                assertEquals(fs.get("LABEL"), d.filesystem().label());
                assertEquals(fs.get("UUID"), d.filesystem().uuid());
                assertEquals("", d.partitionTableType());
                Map<String, Object> ls = Json.object(Json.array(Json.object(Json.parse(
                        Tools.run("lsblk", "-J", "-O", "-b", loop.node()))).get("blockdevices")).get(0));
                assertEquals(Json.array(ls.get("mountpoints")), List.copyOf(d.mountPoints()));
                assertEquals(List.of(mnt.toString()), d.mountPoints(), "the space in the path is decoded");
            } finally {
                Tools.run("umount", mnt.toString());
            }
        }
    }

    @Test
    void readOnlyLoopDeviceIsReportedReadOnly() throws Exception {
        Path img = Tools.sparseFile(dir, "ro.img", 8 << 20);
        Tools.Result r = Tools.exec(null, "losetup", "-f", "--show", "-r", img.toString());
        assertEquals(0, r.exit(), "losetup -r failed (these tests need root and loop devices): " + r.err());
        String node = r.out().strip();
        try {
            Device d = find(provider.devices(), node.substring(node.lastIndexOf('/') + 1));
            assertTrue(d.readOnly());
            assertFalse(d.removable());
        } finally {
            Tools.run("losetup", "-d", node);
        }
    }
}
