package io.backbench.imaging.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.backbench.imaging.api.ImagingException;
import io.backbench.imaging.internal.map.Extents;
import io.backbench.repository.api.Id;

class ImageMetadataTest {

    @Test
    void roundTripsThroughJsonWithChunkRunsCollapsed() throws Exception {
        Id zero = Id.hash(new byte[1 << 20]);
        Id data = Id.hash(new byte[] {1});
        List<Id> chunks = List.of(data, zero, zero, zero, data);
        ImageMetadata m = new ImageMetadata("sda.img", "/dev/sda", "8:0", 5L << 20, 512, 1 << 20, "gpt", "abc",
                null, List.of(new ImageMetadata.Part(1, 1 << 20, 3L << 20, "t", "root", "u", "ext4", "L", "fu", "ext-bitmap", 4096, 4096)),
                Extents.of(0, 8192), Extents.of(4096, 512), chunks, List.of("a warning"));
        String json = m.toJson();
        assertTrue(json.contains("{\"sha256\":\"" + zero.hex() + "\",\"count\":3}"), json);
        ImageMetadata back = ImageMetadata.parse(json);
        assertEquals(m.toJson(), back.toJson());
        assertEquals(chunks, back.chunks());
        assertEquals(m.used(), back.used());
        assertEquals(m.partitions(), back.partitions());
    }

    @Test
    void rejectsWhatIsNotImageMetadataOrTooNew() {
        assertThrows(ImagingException.class, () -> ImageMetadata.parse("{\"format\":\"other\"}"));
        ImagingException e = assertThrows(ImagingException.class,
                () -> ImageMetadata.parse("{\"format\":\"backbench-image\",\"version\":9}"));
        assertTrue(e.getMessage().contains("newer Backbench"), e.getMessage());
    }

    @Test
    void namesTheRawFileAfterTheSource() {
        assertEquals("sda.img", Imager.rawFileName("/dev/sda"));
        assertEquals("disk.img", Imager.rawFileName("/srv/disk.img"));
        assertEquals("disk-part2.img", Imager.rawFileName("/srv/disk.img#2"));
        assertEquals("sdb-part1.img", Imager.rawFileName("/dev/sdb#1"));
    }
}
