package io.backbench.discovery.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.discovery.testing.DiskImages;
import io.backbench.discovery.testing.Tools;

/** The exported probe API on disks and filesystems made by the real tools, compared with blkid, sfdisk and each fs's own tool. */
class ProbesTest {
    @TempDir
    Path dir;

    /** A caller's source as the API asks for it: ranged reads, short at the end; optionally a window of a file. */
    private record FileSource(RandomAccessFile file, long offset, long size) implements ProbeSource {
        FileSource slice(long at, long length) {
            return new FileSource(file, offset + at, length);
        }

        @Override
        public byte[] read(long at, int length) throws IOException {
            int n = (int) Math.max(0, Math.min(length, size - at));
            byte[] b = new byte[n];
            file.seek(offset + at);
            file.readFully(b);
            return b;
        }
    }

    @Test
    void readsAGptDiskAndIdentifiesEachPartitionsFilesystemLikeBlkid() throws Exception {
        Path disk = DiskImages.gpt(dir);
        Map<String, String> blkidDisk = Tools.blkid(disk);
        try (RandomAccessFile raf = new RandomAccessFile(disk.toFile(), "r")) {
            FileSource src = new FileSource(raf, 0, Files.size(disk));
            PartitionTable t = Probes.readTable(src, 512);
            assertEquals("gpt", t.type());
            assertEquals(blkidDisk.get("PTUUID"), t.id());
            assertEquals(List.of(), t.warnings());
            assertEquals(5, t.entries().size());
            assertEquals("EFI system", t.entries().get(1).name());
            for (PartitionEntry e : t.entries()) {
                Map<String, String> want = Tools.blkid(disk, e.start(512));
                FileSystemProbe fs = Probes.identify(src.slice(e.start(512), e.size(512)));
                assertEquals(want.get("TYPE"), fs.type(), "partition " + e.number());
                assertEquals(want.getOrDefault("LABEL", ""), fs.label(), "partition " + e.number());
                assertEquals(want.getOrDefault("UUID", ""), fs.uuid(), "partition " + e.number());
            }
        }
    }

    @Test
    void aDamagedPrimaryGptHeaderIsReportedAndTheBackupUsed() throws Exception {
        Path disk = DiskImages.gpt(dir);
        PartitionTable good = read(disk);
        Tools.flip(disk, 512 + 60);
        PartitionTable t = read(disk);
        assertEquals(good.entries(), t.entries());
        assertEquals(1, t.warnings().size(), t.warnings().toString());
        assertTrue(t.warnings().get(0).contains("primary GPT header"), t.warnings().get(0));
    }

    @Test
    void readsADosTableWithItsExtendedContainerAndLogicalPartitions() throws Exception {
        Path disk = DiskImages.dos(dir);
        PartitionTable t = read(disk);
        assertEquals("dos", t.type());
        assertEquals(List.of(1, 2, 5, 6), t.entries().stream().map(PartitionEntry::number).toList());
        assertTrue(t.entries().get(1).extended());
        assertEquals("0x7", t.entries().get(3).type(), "sfdisk type 7 (NTFS) as blkid writes it");
    }

    @Test
    void aFatFilesystemFillingTheSourceIsNotTakenForAnMbr() throws Exception {
        Path img = Tools.sparseFile(dir, "fat.img", 32 << 20);
        Tools.run("mkfs.vfat", "-n", "WHOLE", img.toString());
        try (RandomAccessFile raf = new RandomAccessFile(img.toFile(), "r")) {
            FileSource src = new FileSource(raf, 0, Files.size(img));
            assertNull(Probes.readTable(src, 512));
            assertEquals("WHOLE", Probes.identify(src).label());
        }
    }

    @Test
    void givesExtBlockSizeAndSizeAsDumpe2fsDoes() throws Exception {
        Path img = Tools.sparseFile(dir, "ext.img", 48 << 20);
        Tools.run("mkfs.ext4", "-q", "-F", "-b", "2048", img.toString());
        String head = Tools.run("dumpe2fs", "-h", img.toString());
        long blockSize = Long.parseLong(value(head, "Block size:"));
        long blocks = Long.parseLong(value(head, "Block count:"));
        FileSystemProbe fs = identify(img);
        assertEquals(2048, fs.blockSize());
        assertEquals(blockSize, fs.blockSize());
        assertEquals(blocks * blockSize, fs.bytes());
    }

    @Test
    void givesFatClusterSizeAndSizeAsMinfoDoes() throws Exception {
        Path img = Tools.sparseFile(dir, "fat.img", 40 << 20);
        Tools.run("mkfs.vfat", "-F", "32", "-s", "2", img.toString());
        String info = Tools.run("minfo", "-i", img.toString(), "::");
        long clusterSectors = Long.parseLong(value(info, "cluster size:").split(" ")[0]);
        long sectors = Long.parseLong(value(info, "big size:").split(" ")[0]);
        FileSystemProbe fs = identify(img);
        assertEquals("FAT32", fs.version());
        assertEquals(clusterSectors * 512, fs.blockSize());
        assertEquals(sectors * 512, fs.bytes());
    }

    @Test
    void givesNtfsClusterSizeAsNtfsinfoDoes() throws Exception {
        Path img = Tools.sparseFile(dir, "ntfs.img", 32 << 20);
        Tools.run("mkntfs", "-F", "-Q", "-q", "-c", "8192", img.toString());
        String info = Tools.run("ntfsinfo", "-m", "-f", img.toString());
        FileSystemProbe fs = identify(img);
        assertEquals(Long.parseLong(value(info, "Cluster Size:")), fs.blockSize());
        assertEquals(8192, fs.blockSize());
        assertTrue(fs.bytes() > 31L << 20 && fs.bytes() <= 32L << 20, "NTFS spans all but its backup boot sector: " + fs.bytes());
    }

    @Test
    void anEmptySourceHasNeitherTableNorFilesystem() throws Exception {
        Path img = Tools.sparseFile(dir, "zero.img", 8 << 20);
        assertNull(read(img));
        assertNull(identify(img));
    }

    private static PartitionTable read(Path disk) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(disk.toFile(), "r")) {
            return Probes.readTable(new FileSource(raf, 0, Files.size(disk)), 512);
        }
    }

    private static FileSystemProbe identify(Path img) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(img.toFile(), "r")) {
            return Probes.identify(new FileSource(raf, 0, Files.size(img)));
        }
    }

    private static String value(String text, String key) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(l -> l.startsWith(key))
                .map(l -> l.substring(key.length()).strip()).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + key + "' in:\n" + text));
    }
}
