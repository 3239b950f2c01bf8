package io.backbench.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.device.api.Device;
import io.backbench.discovery.testing.DiskImages;
import io.backbench.discovery.testing.Json;
import io.backbench.discovery.testing.Tools;

class ImageFilesTest {
    @TempDir
    Path dir;

    /** Every partition of {@code image} as we report it, checked against sfdisk and blkid at its offset. */
    static void assertPartitionsLikeOracles(Path image, List<Device> partitions) throws Exception {
        Map<String, Object> table = Json.object(Json.object(Json.parse(Tools.run("sfdisk", "-J", image.toString())))
                .get("partitiontable"));
        List<Object> oracle = Json.array(table.get("partitions"));
        assertEquals(oracle.size(), partitions.size(), "partitions: " + partitions);
        for (int i = 0; i < oracle.size(); i++) {
            Map<String, Object> o = Json.object(oracle.get(i));
            Device p = partitions.get(i);
            String node = (String) o.get("node");
            String where = p.id() + " (sfdisk " + node + ")";
            int number = Integer.parseInt(node.replaceAll(".*?(\\d+)$", "$1"));
            assertEquals(number, p.partitionNumber(), "number of " + where);
            long start = ((Number) o.get("start")).longValue() * 512;
            assertEquals(start, p.partitionStart(), "start of " + where);
            assertEquals(((Number) o.get("size")).longValue() * 512, p.size(), "size of " + where);
            String type = String.valueOf(o.get("type")).toLowerCase(Locale.ROOT);
            assertEquals(table.get("label").equals("dos") ? "0x" + type : type, p.partitionType(), "type of " + where);
            assertEquals(o.getOrDefault("name", ""), p.partitionName(), "name of " + where);
            if (o.containsKey("uuid")) {
                assertEquals(String.valueOf(o.get("uuid")).toLowerCase(Locale.ROOT), p.attributes().get("partition.uuid"));
            }
            boolean extended = List.of("5", "f", "85").contains(type);
            Map<String, String> fs = extended ? Map.of() : Tools.blkid(image, start);
            if (fs.isEmpty()) {
                assertNull(p.filesystem(), "blkid finds nothing in " + where);
            } else {
                assertEquals(fs.get("TYPE"), p.filesystem().type(), "TYPE of " + where);
                assertEquals(fs.getOrDefault("LABEL", ""), p.filesystem().label(), "LABEL of " + where);
                assertEquals(fs.getOrDefault("UUID", ""), p.filesystem().uuid(), "UUID of " + where);
            }
        }
    }

    @Test
    void reportsAGptImageWithItsPartitionsAndFilesystems() throws Exception {
        Path img = DiskImages.gpt(dir);
        ImageFiles files = new ImageFiles();
        assertTrue(files.add(img));
        List<Device> all = files.scan();
        Device image = all.get(0);
        assertEquals(Device.Kind.IMAGE_FILE, image.kind());
        assertEquals(img.toString(), image.path());
        assertEquals(Files.size(img), image.size());
        assertEquals("gpt", image.partitionTableType());
        assertEquals(Tools.blkid(img).get("PTUUID"), image.attributes().get("partition.table.uuid"));
        List<Device> parts = all.subList(1, all.size());
        parts.forEach(p -> assertEquals(image.id(), p.parentId()));
        assertPartitionsLikeOracles(img, parts);
        assertEquals(List.of("ext4", "vfat", "ntfs", "swap", "crypto_LUKS"),
                parts.stream().map(p -> p.filesystem().type()).toList());
    }

    @Test
    void reportsLogicalPartitionsOfADosImage() throws Exception {
        Path img = DiskImages.dos(dir);
        ImageFiles files = new ImageFiles();
        files.add(img);
        List<Device> all = files.scan();
        assertEquals("dos", all.get(0).partitionTableType());
        assertPartitionsLikeOracles(img, all.subList(1, all.size()));
        assertEquals(List.of(1, 2, 5, 6), all.subList(1, all.size()).stream().map(Device::partitionNumber).toList());
    }

    @Test
    void aFilesystemImageWithoutTableIsOneDevice() throws Exception {
        Path img = Tools.sparseFile(dir, "fat.img", 8 << 20);
        Tools.run("mkfs.vfat", "-n", "STICK", img.toString());
        ImageFiles files = new ImageFiles();
        files.add(img);
        List<Device> all = files.scan();
        assertEquals(1, all.size());
        assertEquals("", all.get(0).partitionTableType(), "a FAT boot sector is not an MBR");
        assertEquals("STICK", all.get(0).filesystem().label());
        assertEquals(Tools.blkid(img).get("UUID"), all.get(0).filesystem().uuid());
    }

    @Test
    void refusesWhatIsNotAReadableFileWithAClearMessage() {
        ImageFiles files = new ImageFiles();
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> files.add(dir.resolve("nope.img")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        IllegalArgumentException folder = assertThrows(IllegalArgumentException.class, () -> files.add(dir));
        assertTrue(folder.getMessage().contains("not a regular file"), folder.getMessage());
    }

    @Test
    void aDamagedPrimaryGptHeaderIsReportedAsAWarning() throws Exception {
        Path img = DiskImages.gpt(dir, "one.img", List.of(new DiskImages.Part("ext4", "data", 8, "8300", "data")));
        Tools.flip(img, 512 + 60);
        ImageFiles files = new ImageFiles();
        files.add(img);
        List<Device> all = files.scan();
        assertTrue(all.get(0).attributes().get("partition.table.warning").contains("primary GPT header"),
                all.get(0).attributes().toString());
        assertEquals("data", all.get(1).filesystem().label(), "the partition is still found through the backup header");
    }
}
