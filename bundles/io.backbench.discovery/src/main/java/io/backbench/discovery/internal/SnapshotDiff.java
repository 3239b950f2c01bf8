package io.backbench.discovery.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backbench.device.api.Device;
import io.backbench.device.api.DeviceEvent;

/** The events that turn one snapshot into the next, matched by device id. */
final class SnapshotDiff {
    private SnapshotDiff() {
    }

    /**
     * Removals first, children before their parents (the reverse of snapshot order); then additions
     * and changes in snapshot order, so a disk is added before its partitions.
     */
    static List<DeviceEvent> diff(List<Device> before, List<Device> after) {
        Map<String, Device> old = index(before);
        Map<String, Device> now = index(after);
        List<DeviceEvent> events = new ArrayList<>();
        for (int i = before.size() - 1; i >= 0; i--) {
            Device d = before.get(i);
            if (!now.containsKey(d.id())) {
                events.add(new DeviceEvent(DeviceEvent.Type.REMOVED, d));
            }
        }
        for (Device d : after) {
            Device was = old.get(d.id());
            if (was == null) {
                events.add(new DeviceEvent(DeviceEvent.Type.ADDED, d));
            } else if (!was.equals(d)) {
                events.add(new DeviceEvent(DeviceEvent.Type.CHANGED, d));
            }
        }
        return events;
    }

    private static Map<String, Device> index(List<Device> devices) {
        Map<String, Device> m = new LinkedHashMap<>();
        for (Device d : devices) {
            m.put(d.id(), d);
        }
        return m;
    }
}
