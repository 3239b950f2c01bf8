package io.backbench.imaging.internal.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.api.BlockSources;
import io.backbench.imaging.testing.TestDisks;
import io.backbench.imaging.testing.Tools;

/**
 * Each filesystem's used-block map against the filesystem's own tools: ext's against the free
 * block ranges dumpe2fs lists (they must be exact complements), FAT's against fsck.fat's used
 * cluster count, NTFS's against ntfscluster's free space. The filesystems are made on stale random
 * data, as on a reused disk.
 */
class UsedMapsTest {
    @TempDir
    Path tmp;

    private Path content() throws Exception {
        Path dir = tmp.resolve("content");
        TestDisks.randomFile(dir.resolve("a/big.bin"), 3 << 20, 1);
        TestDisks.randomFile(dir.resolve("a/b/small.bin"), 5000, 2);
        Files.writeString(dir.resolve("hello.txt"), "hello\n");
        for (int i = 0; i < 40; i++) {
            TestDisks.randomFile(dir.resolve("many/f" + i), 700 * i, 10 + i);
        }
        return dir;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ext2:-b 1024", "ext3:-b 1024", "ext4:", "ext4:-O ^flex_bg", "ext4:-O 64bit,meta_bg,^resize_inode",
            "ext4:-O ^uninit_bg,^metadata_csum", "ext4:-O sparse_super2 -b 2048", "ext4:-O bigalloc -C 16384"})
    void extUsedBlocksAreExactlyTheComplementOfDumpe2fsFreeBlocks(String recipe) throws Exception {
        String type = recipe.substring(0, recipe.indexOf(':'));
        String opts = recipe.substring(recipe.indexOf(':') + 1);
        Path img = TestDisks.stale(tmp.resolve("fs.img"), 96L << 20, 7);
        List<String> cmd = new java.util.ArrayList<>(List.of("mkfs." + type, "-q", "-F", "-E", "nodiscard", "-d", content().toString()));
        if (!opts.isBlank()) {
            cmd.addAll(List.of(opts.split(" ")));
        }
        cmd.add(img.toString());
        Tools.run(cmd.toArray(String[]::new));
        String dump = Tools.run("dumpe2fs", img.toString());
        int bs = Integer.parseInt(field(dump, "Block size"));
        long blocks = Long.parseLong(field(dump, "Block count"));
        // with bigalloc dumpe2fs names each free cluster by its first block
        long ratio = dump.contains("Cluster size:") ? Long.parseLong(field(dump, "Cluster size")) / bs : 1;
        Extents.Builder free = new Extents.Builder();
        Matcher m = Pattern.compile("(?m)^\\s+Free blocks: (.*)$").matcher(dump);
        while (m.find()) {
            for (String r : m.group(1).split(",\\s*")) {
                if (r.isBlank()) {
                    continue;
                }
                String[] ab = r.trim().split("-");
                long a = Long.parseLong(ab[0]);
                long b = (ab.length > 1 ? Long.parseLong(ab[1]) : a) / ratio * ratio + ratio - 1;
                free.add(a * bs, (b - a + 1) * bs);
            }
        }
        Extents freeSet = free.build();
        UsedMap map;
        try (BlockSource src = BlockSources.open(img)) {
            map = ExtMap.read(src);
        }
        assertEquals("ext-bitmap", map.method());
        Extents used = map.used();
        assertTrue(used.clip(0, blocks * bs).complement(0, blocks * bs).equals(freeSet),
                "used must be the exact complement of dumpe2fs's free blocks; used " + used.total() + " free " + freeSet.total()
                        + " of " + blocks * bs);
        assertTrue(freeSet.total() > 40L << 20, "most of the filesystem is free: " + freeSet.total());
    }

    @ParameterizedTest(name = "FAT{0}")
    @ValueSource(ints = {12, 16, 32})
    void fatUsedClustersAreThoseFsckCounts(int bits) throws Exception {
        long size = bits == 12 ? 4L << 20 : bits == 16 ? 32L << 20 : 64L << 20;
        Path img = TestDisks.stale(tmp.resolve("fat.img"), size, 8);
        Tools.run("mkfs.vfat", "-F", Integer.toString(bits), img.toString());
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("hello.txt", TestDisks.randomFile(tmp.resolve("h"), 6, 3));
        files.put("big.bin", TestDisks.randomFile(tmp.resolve("b"), bits == 12 ? 900_000 : 2_500_000, 4));
        files.put("small.bin", TestDisks.randomFile(tmp.resolve("s"), 10_000, 5));
        for (Map.Entry<String, Path> e : files.entrySet()) {
            Tools.run("mcopy", "-i", img.toString(), e.getValue().toString(), "::/" + e.getKey());
        }
        Tools.run("mmd", "-i", img.toString(), "::/sub");
        Tools.run("mcopy", "-i", img.toString(), files.get("small.bin").toString(), "::/sub/x.bin");
        String out = Tools.run("fsck.vfat", "-n", "-v", img.toString());
        Matcher m = Pattern.compile("(\\d+)/(\\d+) clusters").matcher(out);
        assertTrue(m.find(), out);
        long usedClusters = Long.parseLong(m.group(1));
        UsedMap map;
        byte[] bs = new byte[512];
        try (BlockSource src = BlockSources.open(img)) {
            map = FatMap.read(src);
            src.read(0, bs, 0, 512);
        }
        assertEquals("fat" + bits, map.method());
        int bps = Le.u16(bs, 11);
        long fatSz = Le.u16(bs, 0x16) != 0 ? Le.u16(bs, 0x16) : Le.u32(bs, 0x24);
        long meta = (Le.u16(bs, 14) + Le.u8(bs, 16) * fatSz + (Le.u16(bs, 17) * 32L + bps - 1) / bps) * bps;
        assertTrue(map.used().clip(0, meta).total() == meta, "the reserved sectors, FATs and root directory are used");
        assertEquals(usedClusters * map.blockSize(), map.used().total() - meta, "used clusters");
    }

    @org.junit.jupiter.api.Test
    void ntfsUsedClustersAreThoseNtfsclusterDoesNotCountFree() throws Exception {
        Path img = TestDisks.stale(tmp.resolve("ntfs.img"), 48L << 20, 9);
        Tools.run("mkntfs", "-Q", "-F", "-L", "win", img.toString());
        Tools.run("ntfscp", "-f", img.toString(), TestDisks.randomFile(tmp.resolve("b"), 3_000_000, 6).toString(), "big.bin");
        Tools.run("ntfscp", "-f", img.toString(), TestDisks.randomFile(tmp.resolve("s"), 500, 7).toString(), "small.bin");
        String out = Tools.run("ntfscluster", "-i", img.toString());
        long free = Long.parseLong(field(out, "bytes of free space"));
        UsedMap map;
        byte[] bs = new byte[512];
        try (BlockSource src = BlockSources.open(img)) {
            map = NtfsMap.read(src);
            src.read(0, bs, 0, 512);
        }
        long totalSectors = Le.u64(bs, 0x28);
        long cs = map.blockSize();
        long clusters = totalSectors * 512 / cs;
        // clusters $MFT has allocated past its initialized size are unused (they read as zeros), as ntfsinfo tells
        String mft = Tools.run("ntfsinfo", "-i", "0", img.toString());
        Matcher sizes = Pattern.compile("Data size:\\s+(\\d+).*\\n\\s*Allocated size:\\s+(\\d+).*\\n\\s*Initialized size:\\s+(\\d+)")
                .matcher(mft);
        assertTrue(sizes.find(), mft);
        long allocated = Long.parseLong(sizes.group(2));
        long initialized = Math.min(Long.parseLong(sizes.group(1)), Long.parseLong(sizes.group(3)));
        long unwritten = allocated - (initialized + cs - 1) / cs * cs;
        assertEquals(clusters * cs - free - unwritten, map.used().clip(0, clusters * cs).total(), "used clusters");
        assertEquals(totalSectors * 512, map.fsBytes());
        assertTrue(free > 30L << 20, "most of the volume is free: " + free);
    }

    private static String field(String text, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s*:\\s*(\\S+)").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no '" + name + "' in\n" + text);
        }
        return m.group(1);
    }
}
