package io.backbench.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.backbench.device.api.Device;
import io.backbench.discovery.testing.Json;
import io.backbench.discovery.testing.Tools;

/** The machine's own disks (not loop devices, which other processes may attach meanwhile) against lsblk. */
class HostBlockDevicesTest {

    @Test
    void everyDiskMatchesLsblk() throws Exception {
        List<Device> ours = new LinuxDeviceProvider().devices().stream()
                .filter(d -> d.kind() == Device.Kind.DISK || d.kind() == Device.Kind.OTHER).toList();
        List<Object> theirs = Json.array(Json.object(Json.parse(Tools.run("lsblk", "-J", "-O", "-b", "-d")))
                .get("blockdevices"));
        List<Map<String, Object>> disks = theirs.stream().map(Json::object).filter(o -> !"loop".equals(o.get("type")))
                .toList();
        assertFalse(disks.isEmpty(), "lsblk lists no disk on this machine");
        assertEquals(new TreeSet<>(disks.stream().map(o -> (String) o.get("name")).toList()),
                new TreeSet<>(ours.stream().map(Device::id).toList()));
        for (Map<String, Object> o : disks) {
            Device d = ours.stream().filter(x -> x.id().equals(o.get("name"))).findFirst().orElseThrow();
            String n = d.id() + ": ";
            assertEquals(((Number) o.get("size")).longValue(), d.size(), n + "size");
            assertEquals(((Number) o.get("log-sec")).intValue(), d.logicalSectorSize(), n + "log-sec");
            assertEquals(((Number) o.get("phy-sec")).intValue(), d.physicalSectorSize(), n + "phy-sec");
            assertEquals(o.get("ro"), d.readOnly(), n + "ro");
            assertEquals(o.get("rm"), d.removable(), n + "rm");
            assertEquals(o.get("rota"), d.rotational(), n + "rota");
            assertEquals(o.get("maj:min"), d.attributes().get("dev"), n + "dev");
            // without udev lsblk reads these from sysfs as we do; it leaves out what it cannot find
            for (String key : List.of("vendor", "model", "serial")) {
                if (o.get(key) != null) {
                    String ourValue = switch (key) {
                        case "vendor" -> d.vendor();
                        case "model" -> d.model();
                        default -> d.serial();
                    };
                    assertEquals(((String) o.get(key)).strip(), ourValue, n + key);
                }
            }
        }
    }
}
