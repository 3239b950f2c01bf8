package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Compression;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.KeyInfo;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.RepositoryLock;
import io.backbench.repository.api.RepositoryLockedException;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.Snapshot;
import io.backbench.repository.api.WrongPasswordException;
import io.backbench.repository.oracle.FolderTarget;
import io.backbench.target.api.Capability;

class RepositoryTest {
    static final RepositoryOptions OPTS = RepositoryOptions.defaults().withKdf(new RepositoryOptions.KdfParams(1024, 8, 1))
            .withPackSize(4 << 20);
    static final char[] PW = "pw".toCharArray();

    @TempDir
    Path dir;

    private Repository init() throws RepositoryException {
        return Repositories.init(new FolderTarget(dir), PW, OPTS);
    }

    private Repository open() throws RepositoryException {
        return Repositories.open(new FolderTarget(dir), PW, OPTS);
    }

    private long count(String sub) throws Exception {
        Path p = dir.resolve(sub);
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void initWritesConfigAndOneKeyAndRefusesToInitTwice() throws Exception {
        try (Repository r = init()) {
            assertEquals(2, r.config().version());
            assertEquals(53, Polynomial.degree(r.config().chunkerPolynomial()));
        }
        assertTrue(Files.isRegularFile(dir.resolve("config")));
        assertEquals(1, count("keys"));
        RepositoryException e = assertThrows(RepositoryException.class, this::init);
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }

    @Test
    void openingAnEmptyTargetOrWithAWrongPasswordSaysSo() throws Exception {
        RepositoryException none = assertThrows(RepositoryException.class, this::open);
        assertTrue(none.getMessage().startsWith("no repository at folder:" + dir), none.getMessage());
        init().close();
        WrongPasswordException wrong = assertThrows(WrongPasswordException.class,
                () -> Repositories.open(new FolderTarget(dir), "nope".toCharArray(), OPTS));
        assertEquals("wrong password or no key found in folder:" + dir, wrong.getMessage());
    }

    @Test
    void keysLeftByInitsCutShortDoNotStopTheRepositoryOpening() throws Exception {
        Id real;
        try (Repository r = init()) {
            real = r.keys().get(0).id();
        }
        // the same password, other master keys, no config of theirs: what an init cut short after its
        // key left (fifteen of them, so that some are listed before the real key in any order)
        for (int i = 0; i < 15; i++) {
            byte[] orphan = KeyFile.create(CryptoKey.random(), PW, OPTS.kdf());
            Files.write(dir.resolve("keys").resolve(Id.hash(orphan).hex()), orphan);
        }
        try (Repository r = open()) {
            assertEquals(real, r.keys().stream().filter(KeyInfo::current).findFirst().orElseThrow().id());
        }
        Files.delete(dir.resolve("keys").resolve(real.hex()));
        RepositoryException none = assertThrows(RepositoryException.class, this::open);
        assertTrue(none.getMessage().contains("no key it opens belongs to the repository's config"), none.getMessage());
    }

    @Test
    void savesEachBlobOnceAndReadsItBackAfterReopening() throws Exception {
        byte[] data = "some file content".getBytes(StandardCharsets.UTF_8);
        Id id;
        try (Repository r = init()) {
            id = r.saveBlob(BlobType.DATA, data, 0, data.length);
            assertEquals(Id.hash(data), id);
            assertFalse(r.saveBlob(BlobType.DATA, id, data, 0, data.length), "second save is a no-op");
            assertTrue(r.hasBlob(BlobType.DATA, id));
            assertFalse(r.hasBlob(BlobType.TREE, id));
            assertArrayEquals(data, r.loadBlob(BlobType.DATA, id), "readable before an explicit flush");
        }
        assertEquals(1, count("data"));
        assertEquals(1, count("index"));
        try (Repository r = open()) {
            assertArrayEquals(data, r.loadBlob(BlobType.DATA, id));
            assertFalse(r.saveBlob(BlobType.DATA, id, data, 0, data.length), "deduplicated against the stored index");
        }
        assertEquals(1, count("data"));
    }

    @Test
    void fillsPacksToThePackSizeAndWritesPacksBeforeTheIndex() throws Exception {
        Random rnd = new Random(3);
        List<Id> ids = new ArrayList<>();
        try (Repository r = init()) {
            for (int i = 0; i < 10; i++) {
                byte[] b = new byte[1 << 20];
                rnd.nextBytes(b);
                ids.add(r.saveBlob(BlobType.DATA, b, 0, b.length));
            }
            assertEquals(2, count("data"), "two full 4 MiB packs uploaded as they filled");
            assertEquals(0, count("index"), "no index before a flush");
            r.flush();
            assertEquals(3, count("data"));
            assertEquals(1, count("index"));
        }
        try (Repository r = open()) {
            for (Id id : ids) {
                PackedBlob b = r.index().lookup(BlobType.DATA, id).orElseThrow();
                assertFalse(b.compressed(), "random data does not shrink, so auto stores it plain");
                assertEquals(1 << 20, r.loadBlob(BlobType.DATA, id).length);
            }
        }
    }

    @Test
    void compressesWhatShrinksUnlessCompressionIsOff() throws Exception {
        byte[] text = "abcabcabc".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        try (Repository r = Repositories.init(new FolderTarget(dir.resolve("auto")), PW, OPTS)) {
            Id id = r.saveBlob(BlobType.DATA, text, 0, text.length);
            r.flush();
            PackedBlob b = r.index().lookup(BlobType.DATA, id).orElseThrow();
            assertTrue(b.compressed() && b.length() < text.length / 10, b.toString());
            assertArrayEquals(text, r.loadBlob(BlobType.DATA, id));
        }
        try (Repository r = Repositories.init(new FolderTarget(dir.resolve("off")), PW, OPTS.withCompression(Compression.OFF))) {
            Id id = r.saveBlob(BlobType.DATA, text, 0, text.length);
            r.flush();
            assertFalse(r.index().lookup(BlobType.DATA, id).orElseThrow().compressed());
            assertArrayEquals(text, r.loadBlob(BlobType.DATA, id));
        }
    }

    /** Words drawn from a small vocabulary: text that zstd compresses better the higher its level. */
    private static byte[] words(long seed, int bytes) {
        Random rnd = new Random(seed);
        String[] vocabulary = new String[800];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = Long.toString(rnd.nextLong() & 0xffffffffL, 36);
        }
        StringBuilder sb = new StringBuilder();
        while (sb.length() < bytes) {
            sb.append(vocabulary[rnd.nextInt(vocabulary.length)]).append(rnd.nextInt(9) == 0 ? '\n' : ' ');
        }
        return sb.substring(0, bytes).getBytes(StandardCharsets.US_ASCII);
    }

    /** The stored length of a blob compressed by zstd at {@code level}: the frame, the IV and the MAC. */
    private static long sealedAt(byte[] data, int level) {
        return com.github.luben.zstd.Zstd.compress(data, level).length + CryptoKey.OVERHEAD;
    }

    @Test
    void theWriterChoosesTheLevelOfCompressionAutoButNotOfMaxOrOff() throws Exception {
        byte[] a = words(1, 300_000);
        byte[] b = words(2, 300_000);
        byte[] c = words(3, 300_000);
        assertTrue(sealedAt(a, 1) > sealedAt(a, 19) * 11 / 10, "the sample must tell the levels apart");
        try (Repository r = Repositories.init(new FolderTarget(dir.resolve("auto")), PW, OPTS)) {
            assertTrue(r.saveBlob(BlobType.DATA, Id.hash(a), a, 0, a.length, 1));
            assertTrue(r.saveBlob(BlobType.DATA, Id.hash(b), b, 0, b.length, 19));
            assertTrue(r.saveBlob(BlobType.DATA, Id.hash(c), c, 0, c.length));
            for (int bad : new int[] {0, 20, -1}) {
                assertThrows(IllegalArgumentException.class, () -> r.saveBlob(BlobType.DATA, Id.hash(a), a, 0, a.length, bad));
            }
            r.flush();
            assertEquals(sealedAt(a, 1), r.index().lookup(BlobType.DATA, Id.hash(a)).orElseThrow().length());
            assertEquals(sealedAt(b, 19), r.index().lookup(BlobType.DATA, Id.hash(b)).orElseThrow().length());
            assertEquals(sealedAt(c, Compression.AUTO_LEVEL), r.index().lookup(BlobType.DATA, Id.hash(c)).orElseThrow().length());
            assertArrayEquals(a, r.loadBlob(BlobType.DATA, Id.hash(a)));
            assertArrayEquals(b, r.loadBlob(BlobType.DATA, Id.hash(b)));
        }
        try (Repository r = Repositories.init(new FolderTarget(dir.resolve("max")), PW, OPTS.withCompression(Compression.MAX))) {
            r.saveBlob(BlobType.DATA, Id.hash(a), a, 0, a.length, 1);
            r.flush();
            assertEquals(sealedAt(a, 19), r.index().lookup(BlobType.DATA, Id.hash(a)).orElseThrow().length());
        }
        try (Repository r = Repositories.init(new FolderTarget(dir.resolve("off")), PW, OPTS.withCompression(Compression.OFF))) {
            r.saveBlob(BlobType.DATA, Id.hash(a), a, 0, a.length, 19);
            r.flush();
            PackedBlob p = r.index().lookup(BlobType.DATA, Id.hash(a)).orElseThrow();
            assertFalse(p.compressed());
            assertEquals(a.length + CryptoKey.OVERHEAD, p.length());
        }
    }

    @Test
    void aDamagedPackIsReportedNamingBlobAndPack() throws Exception {
        byte[] data = new byte[5000];
        new Random(1).nextBytes(data);
        Id id;
        try (Repository r = init()) {
            id = r.saveBlob(BlobType.DATA, data, 0, data.length);
        }
        Path pack;
        try (Stream<Path> s = Files.walk(dir.resolve("data"))) {
            pack = s.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(pack);
        bytes[100] ^= 0x10;
        pack.toFile().setWritable(true);
        Files.write(pack, bytes);
        try (Repository r = open()) {
            RepositoryException e = assertThrows(RepositoryException.class, () -> r.loadBlob(BlobType.DATA, id));
            assertTrue(e.getMessage().contains(id.shortHex()) && e.getMessage().contains(pack.getFileName().toString().substring(0, 8)),
                    e.getMessage());
        }
    }

    @Test
    void withoutTheIdCheckADamagedBlobStillFailsItsMacButAWrongIdIsOnlyCaughtByTheCheck() throws Exception {
        byte[] data = new byte[5000];
        new Random(2).nextBytes(data);
        Id wrongId = Id.hash("something else".getBytes(StandardCharsets.UTF_8));
        Id rightId;
        try (Repository r = init()) {
            rightId = r.saveBlob(BlobType.DATA, data, 0, data.length);
            // a faulty writer: a blob stored under an id that is not its hash
            r.saveBlob(BlobType.DATA, wrongId, data, 0, data.length);
        }
        try (Repository r = open()) {
            assertArrayEquals(data, r.loadBlob(BlobType.DATA, wrongId, false));
            RepositoryException mismatch = assertThrows(RepositoryException.class, () -> r.loadBlob(BlobType.DATA, wrongId, true));
            assertTrue(mismatch.getMessage().contains("does not match its id"), mismatch.getMessage());
            List<byte[]> got = new ArrayList<>();
            r.loadBlobs(List.of(r.index().lookup(BlobType.DATA, rightId).orElseThrow()), false, (b, plain) -> got.add(plain));
            assertArrayEquals(data, got.get(0));
        }
        Path pack;
        try (Stream<Path> s = Files.walk(dir.resolve("data"))) {
            pack = s.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(pack);
        bytes[100] ^= 0x10;
        pack.toFile().setWritable(true);
        Files.write(pack, bytes);
        try (Repository r = open()) {
            RepositoryException e = assertThrows(RepositoryException.class, () -> r.loadBlob(BlobType.DATA, rightId, false));
            assertTrue(e.getMessage().contains("verification failed"), e.getMessage());
        }
    }

    @Test
    void savesListsAndLoadsSnapshots() throws Exception {
        try (Repository r = init()) {
            Id tree = r.saveTree(new io.backbench.repository.api.Tree(List.of()));
            Snapshot s = new Snapshot(Instant.parse("2026-01-02T03:04:05.123456789Z"), tree, List.of("/home/a b"), "host", "user",
                    1000, 100, List.of("*.tmp"), List.of("daily"), null, null);
            Id id = r.saveSnapshot(s);
            assertEquals(List.of(id), r.listSnapshots());
            assertEquals(s, r.loadSnapshot(id));
            assertEquals(1, count("index"), "saving a snapshot flushes packs and index first");
        }
    }

    @Test
    void managesKeysAndRefusesToRemoveTheCurrentOne() throws Exception {
        Id second;
        try (Repository r = init()) {
            second = r.addKey("other".toCharArray());
            List<KeyInfo> keys = r.keys();
            assertEquals(2, keys.size());
            KeyInfo current = keys.stream().filter(KeyInfo::current).findFirst().orElseThrow();
            RepositoryException e = assertThrows(RepositoryException.class, () -> r.removeKey(current.id()));
            assertTrue(e.getMessage().contains("cannot be removed"), e.getMessage());
        }
        try (Repository r = Repositories.open(new FolderTarget(dir), "other".toCharArray(), OPTS)) {
            assertEquals(second, r.keys().stream().filter(KeyInfo::current).findFirst().orElseThrow().id());
            Id first = r.keys().stream().filter(k -> !k.current()).findFirst().orElseThrow().id();
            r.removeKey(first);
            assertEquals(1, r.keys().size());
        }
        assertThrows(WrongPasswordException.class, this::open);
    }

    @Test
    void exclusiveLocksExcludeEverythingSharedLocksOnlyExclusive() throws Exception {
        try (Repository a = init(); Repository b = open()) {
            try (RepositoryLock s1 = a.lock(false); RepositoryLock s2 = b.lock(false)) {
                assertEquals(2, count("locks"));
                RepositoryLockedException e = assertThrows(RepositoryLockedException.class, () -> b.lock(true));
                assertTrue(e.getMessage().contains("already locked by PID " + ProcessHandle.current().pid()), e.getMessage());
            }
            assertEquals(0, count("locks"), "closing removes the lock files");
            try (RepositoryLock x = a.lock(true)) {
                RepositoryLockedException e = assertThrows(RepositoryLockedException.class, () -> b.lock(false));
                assertTrue(e.getMessage().contains("locked exclusively"), e.getMessage());
            }
            a.lock(true);
        }
        assertEquals(0, count("locks"), "closing the repository releases its locks");
    }

    @Test
    void exclusiveLocksTakenAtTheSameMomentWithoutTheWaitNeverBothHold() throws Exception {
        Set<Capability> consistent = EnumSet.of(Capability.CONSISTENT_LISTING);
        assertEquals(0, Locker.recheckDelayMs(consistent), "a target that lists every write at once is locked without waiting");
        assertEquals(Locker.RECHECK_DELAY_MS, Locker.recheckDelayMs(EnumSet.noneOf(Capability.class)));
        init().close();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (Repository a = Repositories.open(new FolderTarget(dir, consistent), PW, OPTS);
                Repository b = Repositories.open(new FolderTarget(dir, consistent), PW, OPTS)) {
            int held = 0;
            for (int round = 0; round < 300; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                Future<RepositoryLock> fa = two.submit(() -> lockOrNull(a, together));
                Future<RepositoryLock> fb = two.submit(() -> lockOrNull(b, together));
                RepositoryLock la = fa.get(30, TimeUnit.SECONDS);
                RepositoryLock lb = fb.get(30, TimeUnit.SECONDS);
                assertFalse(la != null && lb != null, "round " + round + ": two exclusive locks held at once");
                held += (la != null ? 1 : 0) + (lb != null ? 1 : 0);
                for (RepositoryLock l : new RepositoryLock[] {la, lb}) {
                    if (l != null) {
                        l.close();
                    }
                }
                assertEquals(0, count("locks"), "round " + round + ": the lock files are removed, also the refused one");
            }
            assertTrue(held > 0, "some rounds got the lock");
        } finally {
            two.shutdownNow();
        }
    }

    private static RepositoryLock lockOrNull(Repository r, CyclicBarrier together) throws Exception {
        together.await(30, TimeUnit.SECONDS);
        try {
            return r.lock(true);
        } catch (RepositoryLockedException e) {
            return null;
        }
    }

    @Test
    void staleLocksFromDeadProcessesOrOlderThanThirtyMinutesAreIgnored() throws Exception {
        try (Repository r = init()) {
            ResticRepository rr = (ResticRepository) r;
            CryptoKey key = masterOf(rr);
            Store store = new Store(new FolderTarget(dir));
            long deadPid = deadPid();
            store.saveUnpacked(key, 2, Store.LOCKS, lockJson(Instant.now(), Host.hostname(), deadPid));
            store.saveUnpacked(key, 2, Store.LOCKS, lockJson(Instant.now().minusSeconds(31 * 60), "elsewhere", 1));
            try (RepositoryLock l = r.lock(true)) {
                assertTrue(l.exclusive());
            }
            Id live = store.saveUnpacked(key, 2, Store.LOCKS, lockJson(Instant.now(), "elsewhere", 1));
            assertThrows(RepositoryLockedException.class, () -> r.lock(true));
            assertEquals(2, rr.removeStaleLocks());
            assertEquals(1, count("locks"));
            store.delete(Store.LOCKS + "/" + live.hex());
        }
    }

    private static byte[] lockJson(Instant time, String host, long pid) {
        return new JsonWriter().beginObject().field("time", GoTime.format(time)).name("exclusive").value(true)
                .field("hostname", host).field("username", "someone").field("pid", pid).endObject().toBytes();
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static CryptoKey masterOf(ResticRepository r) throws Exception {
        java.lang.reflect.Field f = ResticRepository.class.getDeclaredField("master");
        f.setAccessible(true);
        return (CryptoKey) f.get(r);
    }
}
