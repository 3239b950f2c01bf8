package io.backbench.target.tape.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.api.BackupListener;
import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.BackupResult;
import io.backbench.backup.api.FileBackup;
import io.backbench.backup.api.FileRestore;
import io.backbench.backup.api.RestoreOptions;
import io.backbench.repository.api.CheckOptions;
import io.backbench.repository.api.CheckReport;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetFullException;

/**
 * Backups with the real engine onto small virtual cartridges (6 MiB each, 64 KiB blocks, 4 MiB packs): spanning,
 * GNU tar reading every tape file, a lost catalog rebuilt by a scan, and a full last volume.
 */
class TapeBackupTest {
    static final char[] PASSWORD = "tape password".toCharArray();
    static final RepositoryOptions OPTIONS = RepositoryOptions.defaults().withPackSize(4 << 20)
            .withKdf(new RepositoryOptions.KdfParams(1024, 8, 1));

    @TempDir
    Path dir;

    @Test
    void backupSpanningTwoVolumesRestoresIdenticallyAndTarListsEveryTapeFile() throws Exception {
        Path source = source("src", 8 << 20, 1);
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001,VOL002", 6, 64);
        Id snapshot = backup(tapes, source, true);

        assertTrue(count(tapes, "VOL001") > 1 && count(tapes, "VOL002") > 1,
                "the backup must span both cartridges: " + tapes.tapeFiles());
        StringBuilder listed = new StringBuilder();
        for (Path f : tapes.tapeFiles()) {
            listed.append(VirtualTapes.run(List.of("tar", "-t", "-b", "128", "-f", f.toString())));
        }
        assertTrue(listed.toString().lines().anyMatch(l -> l.equals("config")), listed.toString());
        assertTrue(listed.toString().lines().anyMatch(l -> l.startsWith("data/")), listed.toString());
        assertTrue(listed.toString().lines().anyMatch(l -> l.startsWith("snapshots/")), listed.toString());
        assertTrue(listed.toString().lines().noneMatch(l -> l.startsWith("locks/")), "locks must not go to tape");

        assertRestoresIdentically(tapes, snapshot, source);
    }

    @Test
    void gnuTarExtractingEveryTapeFileInOrderRebuildsARepositoryThatResticChecks() throws Exception {
        Path source = source("src", 8 << 20, 5);
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001,VOL002", 6, 64);
        backup(tapes, source, true);
        Path extracted = Files.createDirectories(dir.resolve("extracted"));
        for (Path f : tapes.tapeFiles()) {
            VirtualTapes.run(List.of("tar", "-x", "-b", "128", "-f", f.toString(), "-C", extracted.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder("restic", "-r", extracted.toString(), "--no-cache", "check", "--read-data")
                .redirectErrorStream(true);
        pb.environment().put("RESTIC_PASSWORD", new String(PASSWORD));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "restic check did not finish");
        assertEquals(0, p.exitValue(), "restic check --read-data of the extracted tape files failed:\n" + out);
        assertTrue(out.contains("no errors were found"), out);
    }

    @Test
    void afterTheCatalogIsDeletedAScanRebuildsItAndTheRestoreStillWorks() throws Exception {
        Path source = source("src", 8 << 20, 2);
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001,VOL002", 6, 64);
        Id snapshot = backup(tapes, source, true);
        String before = Files.readString(tapes.catalog.resolve(TapeCatalog.LOG));
        deleteTree(tapes.catalog);

        assertRestoresIdentically(tapes, snapshot, source);
        assertEquals(objects(before), objects(Files.readString(tapes.catalog.resolve(TapeCatalog.LOG))),
                "the rebuilt catalog must place every object where the lost one did");
    }

    @Test
    void aFullTapeWithoutANextVolumeFailsTheBackupCleanlyAndEarlierSnapshotsStillRestore() throws Exception {
        Path first = source("first", 2 << 20, 3);
        VirtualTapes tapes = new VirtualTapes(dir, "VOL001,VOL002", 6, 64);
        Id snapshot = backup(tapes, first, true);
        Map<Path, String> written = hashes(tapes.tapeFiles());

        Path second = source("second", 12 << 20, 4);
        IOException e = assertThrows(IOException.class, () -> backup(tapes, second, false));
        TargetFullException full = cause(e, TargetFullException.class);
        assertEquals("volume VOL002 is full; load a blank volume (or add one to the magazine) and run the job again",
                full.getMessage());

        Map<Path, String> after = hashes(tapes.tapeFiles());
        written.forEach((f, h) -> assertEquals(h, after.get(f), f + " was changed by the failed backup"));
        assertRestoresIdentically(tapes, snapshot, first);
    }

    private Id backup(VirtualTapes tapes, Path source, boolean init) throws Exception {
        try (StorageTarget target = tapes.open();
             Repository repo = init ? Repositories.init(target, PASSWORD, OPTIONS) : Repositories.open(target, PASSWORD, OPTIONS)) {
            BackupResult r = FileBackup.backup(repo, BackupOptions.of(source), BackupListener.NONE, () -> false);
            assertTrue(r.complete(), r.toString());
            List<Id> ids = repo.listSnapshots();
            return ids.get(ids.size() - 1);
        }
    }

    private void assertRestoresIdentically(VirtualTapes tapes, Id snapshot, Path source) throws Exception {
        Path restored = dir.resolve("restored-" + System.nanoTime());
        try (StorageTarget target = tapes.open(); Repository repo = Repositories.open(target, PASSWORD, OPTIONS)) {
            CheckReport report = RepositoryOperations.check(repo, CheckOptions.readAllData());
            assertTrue(report.errors().isEmpty(), report.text());
            FileRestore.restore(repo, snapshot, RestoreOptions.to(restored).withRestoreOwners(false), null, () -> false);
        }
        assertEquals(tree(source), tree(restored.resolve(source.getRoot().relativize(source))));
    }

    private Path source(String name, int bytes, long seed) throws IOException {
        Path src = Files.createDirectories(dir.resolve(name));
        SplittableRandom random = new SplittableRandom(seed);
        int left = bytes;
        for (int i = 0; left > 0; i++) {
            byte[] data = new byte[Math.min(left, 100_000 + random.nextInt(600_000))];
            random.nextBytes(data);
            Files.write(Files.createDirectories(src.resolve("d" + i % 3)).resolve("f" + i), data);
            left -= data.length;
        }
        Files.writeString(src.resolve("a-" + "long-name-".repeat(12) + ".txt"), "a long name\n".repeat(50));
        return src;
    }

    private static long count(VirtualTapes tapes, String volume) throws IOException {
        return tapes.tapeFiles().stream().filter(p -> p.getParent().getFileName().toString().equals(volume)).count();
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.put(root.relativize(p).toString(), Files.isRegularFile(p) ? sha256(Files.readAllBytes(p)) : "dir");
            }
        }
        return out;
    }

    private static Map<Path, String> hashes(List<Path> files) throws IOException {
        Map<Path, String> out = new HashMap<>();
        for (Path f : files) {
            out.put(f, sha256(Files.readAllBytes(f)));
        }
        return out;
    }

    /** The put lines of a catalog, last one per key wins, as key to location. */
    private static Map<String, String> objects(String log) {
        Map<String, String> out = new TreeMap<>();
        log.lines().filter(l -> l.startsWith("put ")).forEach(l -> {
            String[] f = l.split(" ");
            out.put(f[1], f[2] + " " + f[3] + " " + f[4] + " " + f[5]);
        });
        log.lines().filter(l -> l.startsWith("del ")).forEach(l -> out.remove(l.split(" ")[1]));
        return out;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the causes of " + e, e);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
