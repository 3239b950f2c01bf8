package io.backbench.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class MountTableTest {

    @Test
    void findsMountPointsByDeviceNumberAndDecodesOctalEscapes() {
        MountTable t = MountTable.parse(List.of(
                "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
                "42 27 7:0 / /mnt/backup\\040disk rw,relatime shared:5 - ext4 /dev/loop0 rw",
                "43 27 7:0 /sub /srv/tab\\011and\\134slash rw master:1 propagate_from:2 - ext4 /dev/loop0 rw"));
        assertEquals(List.of("/"), t.mountPoints("254:0", "/dev/vda"));
        assertEquals(List.of("/mnt/backup disk", "/srv/tab\tand\\slash"), t.mountPoints("7:0", "/dev/loop0"));
    }

    @Test
    void findsBtrfsByItsSourceSinceItsDeviceNumberIsAnonymous() {
        MountTable t = MountTable.parse(List.of("50 27 0:48 / /data rw,relatime - btrfs /dev/loop3 rw,space_cache=v2"));
        assertEquals(List.of("/data"), t.mountPoints("7:3", "/dev/loop3"));
        assertEquals(List.of(), t.mountPoints("7:4", "/dev/loop4"));
    }

    @Test
    void skipsMalformedLinesAndKeepsTheRest() {
        MountTable t = MountTable.parse(List.of("garbage", "", "1 2 3", "60 27 8:1 / /boot rw - vfat /dev/sda1 rw"));
        assertEquals(List.of("/boot"), t.mountPoints("8:1", "/dev/sda1"));
    }

    @Test
    void leavesABackslashThatIsNoEscapeAlone() {
        assertEquals("a\\9b\\", MountTable.decode("a\\9b\\"));
    }
}
