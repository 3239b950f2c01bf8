package io.backbench.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.device.api.Device;

/**
 * There is no tape drive on the build machines, so these tests build the sysfs layout that the st
 * driver documents (Documentation/scsi/st.rst) in a temporary folder: the one fake in this bundle.
 */
class TapeDrivesTest {
    @TempDir
    Path sys;

    private Path scsiDevice(String hctl, String vendor, String model, String serial) throws IOException {
        Path dev = Files.createDirectories(sys.resolve("devices/pci0000:00/host0/target0:0:0/" + hctl));
        Files.writeString(dev.resolve("vendor"), vendor + "\n");
        Files.writeString(dev.resolve("model"), model + "\n");
        Files.writeString(dev.resolve("rev"), "B6W1\n");
        Files.writeString(dev.resolve("type"), "1\n");
        byte[] text = serial.getBytes(StandardCharsets.US_ASCII);
        byte[] vpd = new byte[4 + text.length];
        vpd[0] = 0x01; // peripheral type: sequential-access
        vpd[1] = (byte) 0x80;
        vpd[3] = (byte) text.length;
        System.arraycopy(text, 0, vpd, 4, text.length);
        Files.write(dev.resolve("vpd_pg80"), vpd);
        return dev;
    }

    private void mode(String name, Path scsi, String dev, String blksize, String density) throws IOException {
        Path d = Files.createDirectories(sys.resolve("class/scsi_tape/" + name));
        Files.createSymbolicLink(d.resolve("device"), scsi);
        Files.writeString(d.resolve("dev"), dev + "\n");
        Files.writeString(d.resolve("defined"), "1\n");
        Files.writeString(d.resolve("default_blksize"), blksize + "\n");
        Files.writeString(d.resolve("default_density"), density + "\n");
        Files.writeString(d.resolve("default_compression"), "-1\n");
        Files.writeString(d.resolve("options"), "0x1\n");
    }

    @Test
    void reportsOneDevicePerDriveWithTheNonRewindingNode() throws IOException {
        Path lto = scsiDevice("0:0:0:0", "HP      ", "Ultrium 5-SCSI  ", "HU1234ABCD  ");
        for (String m : List.of("", "l", "m", "a")) {
            mode("st0" + m, lto, "9:" + (m.isEmpty() ? 0 : 32), "-1", "-1");
            mode("nst0" + m, lto, "9:" + (128 + (m.isEmpty() ? 0 : 32)), "-1", "-1");
        }
        Path dat = scsiDevice("1:0:0:0", "SEAGATE", "DAT    9SP40-000", "");
        mode("st1", dat, "9:1", "1024", "0x24");
        mode("nst1", dat, "9:129", "1024", "0x24");

        List<Device> tapes = new TapeDrives(sys, Path.of("/dev")).scan();

        assertEquals(2, tapes.size(), tapes.toString());
        Device first = tapes.get(0);
        assertEquals("st0", first.id());
        assertEquals(Device.Kind.TAPE, first.kind());
        assertEquals("/dev/nst0", first.path());
        assertEquals("HP", first.vendor());
        assertEquals("Ultrium 5-SCSI", first.model());
        assertEquals("HU1234ABCD", first.serial(), "from VPD page 0x80");
        assertEquals("/dev/st0", first.attributes().get("tape.rewinding"));
        assertEquals("0:0:0:0", first.attributes().get("scsi.hctl"));
        assertTrue(first.removable());
        assertTrue(!first.attributes().containsKey("tape.default_blksize"), "-1 means no default is set");

        Device second = tapes.get(1);
        assertEquals("/dev/nst1", second.path());
        assertEquals("", second.serial());
        assertEquals("1024", second.attributes().get("tape.default_blksize"));
        assertEquals("0x24", second.attributes().get("tape.default_density"));
    }

    @Test
    void sortsDrivesByNumberNotByName() throws IOException {
        for (int i : new int[] {10, 2, 1}) {
            Path dev = scsiDevice(i + ":0:0:0", "IBM", "ULTRIUM-TD" + i, "S" + i);
            mode("st" + i, dev, "9:" + i, "-1", "-1");
        }
        assertEquals(List.of("st1", "st2", "st10"),
                new TapeDrives(sys, Path.of("/dev")).scan().stream().map(Device::id).toList());
    }

    @Test
    void noScsiTapeClassMeansNoTapes() throws IOException {
        assertEquals(List.of(), new TapeDrives(sys, Path.of("/dev")).scan());
    }
}
