package io.backbench.target.tape.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our pax archives against GNU tar, both ways. Needs GNU tar: without it these tests fail. */
class PaxTest {
    @TempDir
    Path dir;

    private static byte[] archive(String key, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Pax.fileHeaders(key, data.length, Instant.ofEpochSecond(1_700_000_000, 5), Map.of(Pax.TYPE, "object")));
        out.writeBytes(data);
        out.writeBytes(new byte[Pax.padding(data.length)]);
        out.writeBytes(Pax.endOfArchive());
        return out.toByteArray();
    }

    @Test
    void gnuTarExtractsAKeyLongerThanAUstarNameWithItsExactContent() throws Exception {
        String key = "data/ab/" + "0123456789abcdef".repeat(8) + "-and-more";
        byte[] data = new byte[70_001];
        new SplittableRandom(1).nextBytes(data);
        Path tar = Files.write(dir.resolve("a.tar"), archive(key, data));
        assertEquals(key + "\n", VirtualTapes.run(List.of("tar", "-t", "-f", tar.toString())));
        Path out = Files.createDirectories(dir.resolve("out"));
        VirtualTapes.run(List.of("tar", "-x", "-f", tar.toString(), "-C", out.toString()));
        assertArrayEquals(data, Files.readAllBytes(out.resolve(key)));
        assertEquals(Instant.ofEpochSecond(1_700_000_000), Files.getLastModifiedTime(out.resolve(key)).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void readsTheEntriesAndDataOffsetsOfAnArchiveGnuTarWroteInPaxFormat() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        String longName = "n".repeat(180);
        byte[] a = "first\n".getBytes();
        byte[] b = new byte[5000];
        Arrays.fill(b, (byte) 'b');
        Files.write(src.resolve("a.txt"), a);
        Files.write(src.resolve(longName), b);
        Path tar = dir.resolve("gnu.tar");
        VirtualTapes.run(List.of("tar", "--format=pax", "-b", "128", "-c", "-f", tar.toString(), "-C", src.toString(), "a.txt", longName));
        byte[] bytes = Files.readAllBytes(tar);
        assertEquals(0, bytes.length % (128 * 512), "GNU tar pads to whole records");

        PaxReader r = new PaxReader(new ByteArrayInputStream(bytes));
        PaxReader.Entry first = r.next();
        assertEquals("a.txt", first.path());
        assertArrayEquals(a, Arrays.copyOfRange(bytes, (int) first.dataOffset(), (int) first.dataOffset() + a.length));
        PaxReader.Entry second = r.next();
        assertEquals(longName, second.path());
        assertEquals(5000, second.size());
        assertArrayEquals(b, r.readData(10_000));
        assertNull(r.next(), "then the end-of-archive records");
    }

    @Test
    void anArchiveCutShortIsReportedAsTruncated() throws Exception {
        byte[] whole = archive("config", new byte[3000]);
        PaxReader r = new PaxReader(new ByteArrayInputStream(Arrays.copyOf(whole, 2048)));
        assertThrows(PaxReader.TruncatedArchiveException.class, () -> {
            r.next();
            r.next();
        });
    }

    @Test
    void paxRecordLengthsCountTheirOwnDigits() throws Exception {
        // a record whose length crosses from 2 to 3 digits
        String value = "x".repeat(93);
        byte[] rec = Pax.records(Map.of("path", value));
        String s = new String(rec);
        assertEquals(Integer.parseInt(s.substring(0, s.indexOf(' '))), rec.length);
        assertEquals(value, PaxReader.parseRecords(rec).get("path"));
    }
}
