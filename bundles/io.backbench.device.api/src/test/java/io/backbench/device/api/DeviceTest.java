package io.backbench.device.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeviceTest {

    private static Device.Builder partition() {
        return Device.builder("sda1", Device.Kind.PARTITION, "/dev/sda1").parentId("sda").size(1L << 30)
                .sectorSizes(512, 4096).partition(1, 1L << 20, "0fc63daf-8483-4772-8e79-3d69d8477de4", "root");
    }

    @Test
    void buildsAPartitionWithEveryField() {
        Device d = partition().filesystem(new FileSystemInfo("ext4", "root", "1234"))
                .mountPoints(List.of("/")).attributes(Map.of("transport", "sata")).build();
        assertTrue(d.isPartition());
        assertEquals("sda", d.parentId());
        assertEquals(1, d.partitionNumber());
        assertEquals(1L << 20, d.partitionStart());
        assertEquals("ext4", d.filesystem().type());
        assertEquals(List.of("/"), d.mountPoints());
        assertEquals("sata", d.attributes().get("transport"));
    }

    @Test
    void unknownTextBecomesEmptyAndUnknownFilesystemStaysNull() {
        Device d = Device.builder("sda", Device.Kind.DISK, "/dev/sda").vendor(null).model("  QEMU HARDDISK   ").build();
        assertEquals("", d.vendor());
        assertEquals("QEMU HARDDISK", d.model(), "padding that sysfs adds is stripped");
        assertEquals("", d.serial());
        assertEquals("", d.partitionTableType());
        assertEquals(List.of(), d.mountPoints());
        assertEquals(Map.of(), d.attributes());
        assertNull(d.filesystem());
        assertNull(d.parentId());
    }

    @Test
    void copiesListsAndMapsSoLaterChangesDoNotLeakIn() {
        List<String> mounts = new ArrayList<>(List.of("/mnt/a"));
        Map<String, String> attrs = new HashMap<>(Map.of("k", "v"));
        Device d = Device.builder("loop0", Device.Kind.LOOP, "/dev/loop0").mountPoints(mounts).attributes(attrs).build();
        mounts.add("/mnt/b");
        attrs.put("x", "y");
        assertEquals(List.of("/mnt/a"), d.mountPoints());
        assertEquals(Map.of("k", "v"), d.attributes());
        assertThrows(UnsupportedOperationException.class, () -> d.mountPoints().add("/z"));
    }

    @Test
    void rejectsBlankIdOrPathAndMissingKind() {
        assertThrows(IllegalArgumentException.class, () -> Device.builder(" ", Device.Kind.DISK, "/dev/sda").build());
        assertThrows(IllegalArgumentException.class, () -> Device.builder("sda", Device.Kind.DISK, "").build());
        assertThrows(NullPointerException.class, () -> Device.builder("sda", null, "/dev/sda").build());
    }

    @Test
    void rejectsNegativeSizesAndSectorSizesThatAreNotPowersOfTwo() {
        Device.Builder disk = Device.builder("sda", Device.Kind.DISK, "/dev/sda");
        assertThrows(IllegalArgumentException.class, () -> disk.size(-1).build());
        disk.size(0);
        assertThrows(IllegalArgumentException.class, () -> disk.sectorSizes(520, 4096).build());
        assertThrows(IllegalArgumentException.class, () -> disk.sectorSizes(4096, 512).build(),
                "physical smaller than logical");
        assertEquals(4096, disk.sectorSizes(512, 4096).build().physicalSectorSize());
        assertEquals(0, disk.sectorSizes(0, 0).build().logicalSectorSize(), "0 means unknown");
    }

    @Test
    void partitionNeedsAParentAndANumber() {
        assertThrows(IllegalArgumentException.class, () -> partition().parentId(null).build());
        assertThrows(IllegalArgumentException.class, () -> partition().partition(0, 0, "", "").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> partition().parentId("sda1").build());
        assertTrue(e.getMessage().contains("parentId"), e.getMessage());
    }

    @Test
    void onlyPartitionsHavePartitionFields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Device.builder("sda", Device.Kind.DISK, "/dev/sda").partition(1, 0, "", "").build());
        assertTrue(e.getMessage().contains("not a partition"), e.getMessage());
    }

    @Test
    void toBuilderReproducesTheDeviceForAChange() {
        Device before = partition().filesystem(new FileSystemInfo("xfs", null, null)).build();
        Device after = before.toBuilder().mountPoints(List.of("/srv")).build();
        assertEquals(before, before.toBuilder().build());
        assertEquals(List.of("/srv"), after.mountPoints());
        assertEquals(before.partitionStart(), after.partitionStart());
    }

    @Test
    void fileSystemNeedsATypeAndDefaultsLabelAndUuid() {
        FileSystemInfo fs = new FileSystemInfo("vfat", null, null);
        assertEquals("", fs.label());
        assertEquals("", fs.uuid());
        assertThrows(IllegalArgumentException.class, () -> new FileSystemInfo(" ", "x", "y"));
        assertThrows(NullPointerException.class, () -> new FileSystemInfo(null, "x", "y"));
    }

    @Test
    void eventNeedsATypeAndADevice() {
        Device d = Device.builder("st0", Device.Kind.TAPE, "/dev/nst0").removable(true).rotational(true).build();
        assertEquals(DeviceEvent.Type.ADDED, new DeviceEvent(DeviceEvent.Type.ADDED, d).type());
        assertThrows(NullPointerException.class, () -> new DeviceEvent(null, d));
        assertThrows(NullPointerException.class, () -> new DeviceEvent(DeviceEvent.Type.REMOVED, null));
    }
}
