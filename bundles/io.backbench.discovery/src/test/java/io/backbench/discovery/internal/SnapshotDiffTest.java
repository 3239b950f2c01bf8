package io.backbench.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.backbench.device.api.Device;
import io.backbench.device.api.DeviceEvent;
import io.backbench.device.api.FileSystemInfo;

class SnapshotDiffTest {
    private static Device disk(String id) {
        return Device.builder(id, Device.Kind.DISK, "/dev/" + id).size(1 << 20).build();
    }

    private static Device part(String parent, int n) {
        return Device.builder(parent + n, Device.Kind.PARTITION, "/dev/" + parent + n).parentId(parent)
                .partition(n, 1 << 20, "0x83", "").build();
    }

    private static String render(List<DeviceEvent> events) {
        return String.join(" ", events.stream().map(e -> e.type() + ":" + e.device().id()).toList());
    }

    @Test
    void addsParentsBeforeChildrenAndRemovesChildrenFirst() {
        List<Device> before = List.of(disk("sda"), part("sda", 1), part("sda", 2));
        List<Device> after = List.of(disk("sdb"), part("sdb", 1));
        assertEquals("REMOVED:sda2 REMOVED:sda1 REMOVED:sda ADDED:sdb ADDED:sdb1",
                render(SnapshotDiff.diff(before, after)));
    }

    @Test
    void reportsAChangedDeviceOnce() {
        Device p = part("sda", 1);
        Device formatted = p.toBuilder().filesystem(new FileSystemInfo("ext4", "", "x")).build();
        assertEquals("CHANGED:sda1", render(SnapshotDiff.diff(List.of(disk("sda"), p), List.of(disk("sda"), formatted))));
    }

    @Test
    void equalSnapshotsGiveNoEvents() {
        assertEquals(List.of(), SnapshotDiff.diff(List.of(disk("sda")), List.of(disk("sda"))));
    }
}
