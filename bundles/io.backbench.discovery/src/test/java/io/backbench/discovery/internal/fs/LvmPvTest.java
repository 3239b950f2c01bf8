package io.backbench.discovery.internal.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.discovery.testing.LoopDevice;
import io.backbench.discovery.testing.Tools;

class LvmPvTest {
    @TempDir
    Path dir;

    /** pvcreate only works on block devices: the PV is made on a loop device, then read from the file. */
    private Path physicalVolume() throws Exception {
        Path img = Tools.sparseFile(dir, "pv.img", 16 << 20);
        try (LoopDevice loop = LoopDevice.attach(img, false)) {
            Tools.run("pvcreate", "-ff", "-y", "--config",
                    "devices { obtain_device_list_from_udev=0 } activation { udev_sync=0 udev_rules=0 }", loop.node());
        }
        return img;
    }

    @Test
    void readsPvUuidInLvmGroups() throws Exception {
        FsProbe p = FsAssert.assertLikeBlkid(new LvmPv(), physicalVolume());
        assertEquals("LVM2_member", p.type());
        assertEquals(38, p.uuid().length());
    }

    @Test
    void refusesALabelWhoseChecksumIsWrong() throws Exception {
        Path img = physicalVolume();
        // the label sits in sector 1; flip a byte inside the CRC-covered part
        byte[] one = {0x7f};
        Tools.poke(img, 512 + 100, one);
        assertNull(FsAssert.probe(new LvmPv(), img));
    }
}
