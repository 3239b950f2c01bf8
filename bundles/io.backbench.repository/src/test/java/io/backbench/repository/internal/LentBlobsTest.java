package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.oracle.FolderTarget;

/**
 * Blobs lent out of reused arrays ({@link Repository.BlobReceiver#acceptLent}) and data packs filled
 * in reused arrays: every blob still arrives with its own bytes, however the calls interleave.
 */
class LentBlobsTest {
    @TempDir
    Path dir;

    /** Compressible and random blobs (stored compressed and not), by id, in the order saved. */
    private final Map<Id, byte[]> saved = new LinkedHashMap<>();

    private Repository init() throws RepositoryException {
        return Repositories.init(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS);
    }

    private void save(Repository r, int count, int size, long seed) throws RepositoryException {
        Random rnd = new Random(seed);
        for (int i = 0; i < count; i++) {
            byte[] b = new byte[size];
            if (i % 2 == 0) {
                rnd.nextBytes(b);
            } else {
                Arrays.fill(b, (byte) ('a' + i % 26));
                b[0] = (byte) i;
                b[1] = (byte) seed;
            }
            saved.put(r.saveBlob(BlobType.DATA, b, 0, b.length), b);
        }
        r.flush();
    }

    private static Map<Id, List<PackedBlob>> byPack(Repository r, Iterable<Id> ids) {
        Map<Id, List<PackedBlob>> out = new LinkedHashMap<>();
        for (Id id : ids) {
            PackedBlob b = r.index().lookup(BlobType.DATA, id).orElseThrow();
            out.computeIfAbsent(b.pack(), k -> new ArrayList<>()).add(b);
        }
        return out;
    }

    @Test
    void everyBlobOfManyPacksIsLentWithItsOwnBytesAndADuplicateTwice() throws Exception {
        try (Repository r = init()) {
            // 4 MiB packs: 40 blobs of 300 KiB fill several, each pack array reused for the next
            save(r, 40, 300 << 10, 1);
            Map<Id, List<PackedBlob>> packs = byPack(r, saved.keySet());
            assertTrue(packs.size() >= 2, "the blobs fill more than one pack: " + packs.size());
            for (List<PackedBlob> blobs : packs.values()) {
                List<PackedBlob> wanted = new ArrayList<>(blobs);
                wanted.add(blobs.get(0)); // listed twice: delivered twice
                List<Id> seen = new ArrayList<>();
                r.loadBlobs(wanted, false, new Repository.BlobReceiver() {
                    @Override
                    public void accept(PackedBlob blob, byte[] plaintext) {
                        throw new AssertionError("a receiver with acceptLent gets no copy");
                    }

                    @Override
                    public void acceptLent(PackedBlob blob, byte[] data, int offset, int length) {
                        assertArrayEquals(saved.get(blob.id()), Arrays.copyOfRange(data, offset, offset + length),
                                "blob " + blob.id().shortHex());
                        seen.add(blob.id());
                    }
                });
                assertEquals(wanted.size(), seen.size());
                assertEquals(2, seen.stream().filter(blobs.get(0).id()::equals).count());
            }
        }
    }

    @Test
    void aReceiverThatLoadsBlobsInsideTheCallStillGetsEveryBlobRight() throws Exception {
        try (Repository r = init()) {
            save(r, 8, 300 << 10, 2);
            save(r, 8, 300 << 10, 4); // (a flush ends the open pack: a second pack)
            List<List<PackedBlob>> packs = new ArrayList<>(byPack(r, saved.keySet()).values());
            assertTrue(packs.size() >= 2, "two packs at least: " + packs.size());
            Map<Id, byte[]> outer = new HashMap<>();
            Map<Id, byte[]> inner = new HashMap<>();
            // the default acceptLent hands accept a copy; accept loads another pack on this thread
            r.loadBlobs(packs.get(0), true, (blob, plaintext) -> {
                outer.put(blob.id(), plaintext);
                try {
                    r.loadBlobs(packs.get(1), true, (b2, p2) -> inner.put(b2.id(), p2));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            assertEquals(packs.get(0).size(), outer.size());
            assertEquals(packs.get(1).size(), inner.size());
            outer.forEach((id, bytes) -> assertArrayEquals(saved.get(id), bytes, "outer " + id.shortHex()));
            inner.forEach((id, bytes) -> assertArrayEquals(saved.get(id), bytes, "inner " + id.shortHex()));
        }
    }

    @Test
    void aDamagedBlobIsReportedEachTimeItIsListedAndTheOthersArrive() throws Exception {
        try (Repository r = init()) {
            save(r, 6, 100 << 10, 3);
            List<PackedBlob> blobs = byPack(r, saved.keySet()).values().iterator().next();
            PackedBlob victim = blobs.get(1);
            Path pack;
            try (var s = Files.walk(dir.resolve("data"))) {
                pack = s.filter(p -> p.getFileName().toString().equals(victim.pack().hex())).findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(pack);
            bytes[(int) victim.offset() + 40] ^= 1;
            pack.toFile().setWritable(true);
            Files.write(pack, bytes);
            List<PackedBlob> wanted = new ArrayList<>(blobs);
            wanted.add(victim);
            List<Id> good = new ArrayList<>();
            List<String> damaged = new ArrayList<>();
            r.loadBlobs(wanted, false, new Repository.BlobReceiver() {
                @Override
                public void accept(PackedBlob blob, byte[] plaintext) {
                    assertArrayEquals(saved.get(blob.id()), plaintext);
                    good.add(blob.id());
                }

                @Override
                public void damaged(PackedBlob blob, RepositoryException problem) {
                    assertEquals(victim.id(), blob.id());
                    damaged.add(problem.getMessage());
                }
            });
            assertEquals(blobs.size() - 1, good.size());
            assertEquals(2, damaged.size());
            assertTrue(damaged.get(0).contains("blob " + victim.id().shortHex() + " in pack"), damaged.get(0));
        }
    }
}
