package io.backbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance, faults: {@code backbench backup} killed with SIGKILL once it has uploaded packs and
 * indexed some of them. The earlier snapshot stays restorable, the repository passes check (ours and
 * restic's {@code --read-data}), and the next backup succeeds and reuses the packs the killed run
 * uploaded instead of uploading their data again.
 */
class KilledBackupIT {
    private static final String PASSWORD = "kill -9 proof";
    private static final int FILES = 40;
    private static final int FILE_SIZE = 8 << 20;

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void aBackupKilledMidwayLeavesARepositoryThatChecksAndTheNextRunReusesItsPacks() throws Exception {
        Path repo = work.resolve("repo");
        Path early = Files.createDirectories(work.resolve("early"));
        Files.writeString(early.resolve("before.txt"), "saved before the crash\n");
        Path src = Files.createDirectories(work.resolve("src"));
        Random rnd = new Random(9);
        byte[] buf = new byte[FILE_SIZE];
        for (int i = 0; i < FILES; i++) {
            rnd.nextBytes(buf); // incompressible, so packs fill at the rate files are read
            Files.write(src.resolve(String.format("f%02d.bin", i)), buf);
        }
        long sourceBytes = (long) FILES * FILE_SIZE;

        ok(run("repo", "init"));
        ok(run("backup", early.toString()));
        Map<String, Long> packsBefore = packs(repo);
        int indexBefore = count(repo.resolve("index"));

        Process p = command("backup", src.toString()).redirectOutput(work.resolve("killed.out").toFile())
                .redirectError(work.resolve("killed.err").toFile()).start();
        // kill once the run has uploaded packs and written an index file for some of them
        while (!(count(repo.resolve("index")) > indexBefore && packs(repo).size() >= packsBefore.size() + 6)) {
            assertTrue(p.isAlive(), "the backup ended before it could be killed (make the tree bigger): "
                    + Files.readString(work.resolve("killed.err")));
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL: bin/backbench execs the JVM, so this is the backup process itself
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        Map<String, Long> packsAfterKill = packs(repo);
        long killedRunBytes = packsAfterKill.entrySet().stream().filter(e -> !packsBefore.containsKey(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        assertEquals(1, snapshotCount(), "the killed run saved no snapshot");

        Backbench.Result check = run("repo", "check");
        assertEquals(0, check.code(), "right after the kill the repository checks: " + check);
        // restic's exclusive lock does not pass over a dead process's lock; as with restic, unlock first
        Backbench.Result unlock = run("repo", "unlock");
        ok(unlock);
        assertTrue(unlock.out().contains("removed 1 lock"), "the killed run's lock is stale: " + unlock);
        restic("check", "--read-data");

        Backbench.Result second = run("backup", src.toString(), "--json");
        ok(second);
        long dataAdded = number(second.out(), "data_added");
        Map<String, Long> packsAfter = packs(repo);
        assertTrue(packsAfter.keySet().containsAll(packsAfterKill.keySet()), "no pack of the killed run was deleted");
        long uploadedAgain = packsAfter.entrySet().stream().filter(e -> !packsAfterKill.containsKey(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        // the killed run's first index covered at least 4 packs of 16 MiB: at least that much is not sent again
        assertTrue(dataAdded <= sourceBytes - (64L << 20), "reused the killed run's data: added " + dataAdded + " of " + sourceBytes);
        assertTrue(uploadedAgain <= sourceBytes + (1 << 20) - (64L << 20),
                "uploaded " + uploadedAgain + " bytes after the killed run had uploaded " + killedRunBytes);
        assertEquals(2, snapshotCount());

        assertEquals(0, count(repo.resolve("locks")), "the second run removed its lock");
        ok(run("repo", "check", "--read-data"));
        restic("check", "--read-data");

        Path restored = work.resolve("restored");
        ok(run("restore", firstSnapshot(), "--target", restored.toString()));
        assertEquals("saved before the crash\n", Files.readString(restored.resolve(early.toString().substring(1)).resolve("before.txt")));
        ok(run("restore", "latest", "--target", restored.toString(), "--verify"));
        Path back = restored.resolve(src.toString().substring(1));
        for (int i = 0; i < FILES; i++) {
            String name = String.format("f%02d.bin", i);
            assertEquals(-1, Files.mismatch(src.resolve(name), back.resolve(name)), name);
        }
    }

    private ProcessBuilder command(String... args) {
        ProcessBuilder b = Backbench.command(home, args);
        b.environment().put("BACKBENCH_REPOSITORY", work.resolve("repo").toString());
        b.environment().put("BACKBENCH_PASSWORD", PASSWORD);
        return b;
    }

    private Backbench.Result run(String... args) throws Exception {
        Path out = Files.createTempFile(work, "out-", ".txt");
        Path err = Files.createTempFile(work, "err-", ".txt");
        Process p = command(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(Backbench.HANG_GUARD_SECONDS * 3, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("backbench " + String.join(" ", args) + " did not finish");
        }
        return new Backbench.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void ok(Backbench.Result r) {
        assertEquals(0, r.code(), r.toString());
    }

    private int snapshotCount() throws Exception {
        return count(work.resolve("repo").resolve("snapshots"));
    }

    private String firstSnapshot() throws Exception {
        Backbench.Result r = run("snapshots", "--json");
        ok(r);
        Matcher m = Pattern.compile("\"id\":\"([0-9a-f]{64})\"").matcher(r.out());
        assertTrue(m.find(), r.out());
        return m.group(1);
    }

    private void restic(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("restic", "--no-cache", "-r", work.resolve("repo").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        b.environment().put("RESTIC_PASSWORD", PASSWORD);
        Path out = Files.createTempFile(work, "restic-", ".txt");
        Process p;
        try {
            p = b.redirectOutput(out.toFile()).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("restic is the oracle and must be installed (apt-get install restic): " + e.getMessage(), e);
        }
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "restic " + args[0] + " hung");
        assertEquals(0, p.exitValue(), "restic " + String.join(" ", args) + ":\n" + Files.readString(out));
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Long.parseLong(m.group(1));
    }

    /** Pack files (data/XX/ID) by name with their sizes. */
    private static Map<String, Long> packs(Path repo) throws Exception {
        Path data = repo.resolve("data");
        if (!Files.isDirectory(data)) {
            return new HashMap<>();
        }
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> s = Files.walk(data)) {
                return s.filter(f -> f.getFileName().toString().length() == 64 && Files.isRegularFile(f))
                        .collect(Collectors.toMap(f -> f.getFileName().toString(), f -> f.toFile().length()));
            } catch (java.io.UncheckedIOException e) {
                if (attempt > 10) {
                    throw e; // a temporary file renamed while listing: look again
                }
            }
        }
    }

    private static int count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(f -> f.getFileName().toString().length() == 64).count();
        }
    }
}
