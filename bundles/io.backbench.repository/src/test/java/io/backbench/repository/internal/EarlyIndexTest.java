package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.oracle.FolderTarget;

/**
 * Resume after a crash: while a session writes, the repository lists finished packs in index files
 * (every 4 packs at first), so a session that dies without flushing leaves packs a later session
 * knows and reuses; open packs stay open.
 */
class EarlyIndexTest {
    @TempDir
    Path dir;

    @Test
    void finishedPacksAreIndexedWhileWritingSoASessionThatDiesLeavesReusableBlobs() throws Exception {
        Random rnd = new Random(4);
        List<Id> saved = new ArrayList<>();
        Repository writer = Repositories.init(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS);
        // 1 MiB blobs into 4 MiB packs: after 19 blobs four packs are finished, the fifth is open
        for (int i = 0; i < 19; i++) {
            byte[] b = new byte[1 << 20];
            rnd.nextBytes(b);
            saved.add(writer.saveBlob(BlobType.DATA, b, 0, b.length));
        }
        // packs are uploaded, and then indexed, by background threads: wait for them (a dead session
        // would have had that long too), at most a minute
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        while ((files("data") < 4 || files("index") < 1) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(4, files("data"), "four finished packs uploaded, the fifth still open");
        assertEquals(1, files("index"), "an index file for the four finished packs, written before any flush");
        // the writer is abandoned here as a killed process would be: no flush, no close

        try (Repository next = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            long known = saved.stream().filter(id -> next.hasBlob(BlobType.DATA, id)).count();
            assertEquals(16, known, "the blobs of the four finished packs are known");
            for (Id id : saved) {
                if (next.hasBlob(BlobType.DATA, id)) {
                    assertEquals(id, Id.hash(next.loadBlob(BlobType.DATA, id)));
                }
            }
            assertFalse(next.hasBlob(BlobType.DATA, saved.get(18)), "the open pack's blob was never uploaded");
        }
    }

    private long files(String sub) throws Exception {
        Path p = dir.resolve(sub);
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
