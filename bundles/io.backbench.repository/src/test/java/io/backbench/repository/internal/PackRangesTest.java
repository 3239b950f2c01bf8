package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import io.backbench.repository.oracle.RecordingTarget;

/**
 * {@code loadBlobs} reads a pack's wanted blobs with one read of the range covering them, but blobs
 * that lie far apart (a partial restore, a restore test's sample) with a read each, so that a remote
 * target is not asked for the megabytes between them. The reads are recorded on a real folder target.
 */
class PackRangesTest {
    @TempDir
    Path dir;

    @Test
    void blobsFarApartAreReadApartAndNeighboursTogether() throws Exception {
        Map<Id, byte[]> saved = new LinkedHashMap<>();
        try (Repository r = Repositories.init(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            Random rnd = new Random(11);
            for (int i = 0; i < 30; i++) { // 30 random blobs of 100 KiB: one 3 MiB pack (packs are 4 MiB here)
                byte[] b = new byte[100 << 10];
                rnd.nextBytes(b);
                saved.put(r.saveBlob(BlobType.DATA, b, 0, b.length), b);
            }
            r.flush();
        }
        RecordingTarget target = new RecordingTarget(new FolderTarget(dir));
        try (Repository r = Repositories.open(target, RepositoryTest.PW, RepositoryTest.OPTS)) {
            List<PackedBlob> all = new ArrayList<>();
            for (Id id : saved.keySet()) {
                all.add(r.index().lookup(BlobType.DATA, id).orElseThrow());
            }
            assertEquals(1, all.stream().map(PackedBlob::pack).distinct().count(), "one pack");
            all.sort((a, b) -> Long.compare(a.offset(), b.offset()));

            // the first two (neighbours) and the last, 2.7 MiB further on
            List<PackedBlob> some = List.of(all.get(0), all.get(1), all.get(29));
            target.reads.clear();
            assertEquals(3, load(r, some, saved));
            assertEquals(2, packReads(target), "one read for the neighbours, one for the far blob");
            long wanted = some.stream().mapToLong(PackedBlob::length).sum();
            assertEquals(wanted, packBytes(target), "no byte between them read");

            // every blob: one read of the whole range
            target.reads.clear();
            assertEquals(30, load(r, all, saved));
            assertEquals(1, packReads(target));
            assertTrue(packBytes(target) >= all.stream().mapToLong(PackedBlob::length).sum());
        }
    }

    /** Loads {@code wanted}, checking each blob's bytes; returns how many arrived. */
    private static int load(Repository r, List<PackedBlob> wanted, Map<Id, byte[]> saved) throws Exception {
        int[] n = {0};
        r.loadBlobs(wanted, true, new Repository.BlobReceiver() {
            @Override
            public void accept(PackedBlob b, byte[] plain) {
                acceptLent(b, plain, 0, plain.length);
            }

            @Override
            public void acceptLent(PackedBlob b, byte[] plain, int off, int len) {
                assertArrayEquals(saved.get(b.id()), Arrays.copyOfRange(plain, off, off + len), b.id().shortHex());
                n[0]++;
            }

            @Override
            public void damaged(PackedBlob b, RepositoryException problem) {
                throw new AssertionError(problem);
            }
        });
        return n[0];
    }

    private static long packReads(RecordingTarget t) {
        return List.copyOf(t.reads).stream().filter(r -> r.key().startsWith("data/")).count();
    }

    private static long packBytes(RecordingTarget t) {
        return List.copyOf(t.reads).stream().filter(r -> r.key().startsWith("data/")).mapToLong(RecordingTarget.Read::length).sum();
    }
}
