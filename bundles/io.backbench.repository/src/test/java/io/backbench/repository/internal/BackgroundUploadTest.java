package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.oracle.FolderTarget;
import io.backbench.target.api.Capability;
import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;

/**
 * Full packs are uploaded on uploader threads: a failed upload is reported to a later save or flush,
 * its blobs can be saved again, and no index ever names a pack that is not on the target.
 */
class BackgroundUploadTest {
    @TempDir
    Path dir;

    /** The real folder target, with the second data pack's upload failing once (a fault a folder cannot make). */
    private static final class SecondPackFails implements StorageTarget {
        private final StorageTarget inner;
        private final AtomicInteger packs = new AtomicInteger();

        SecondPackFails(StorageTarget inner) {
            this.inner = inner;
        }

        @Override
        public void put(String key, InputStream data, long length) throws TargetException {
            if (key.startsWith("data/") && packs.incrementAndGet() == 2) {
                throw new TargetException("injected: the connection dropped while uploading " + key, true);
            }
            inner.put(key, data, length);
        }

        @Override
        public Set<Capability> capabilities() {
            return inner.capabilities();
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public InputStream get(String key, long offset, long length) throws TargetException {
            return inner.get(key, offset, length);
        }

        @Override
        public Optional<ObjectInfo> stat(String key) throws TargetException {
            return inner.stat(key);
        }

        @Override
        public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
            inner.list(prefix, consumer);
        }

        @Override
        public boolean delete(String key) throws TargetException {
            return inner.delete(key);
        }

        @Override
        public void close() throws TargetException {
            inner.close();
        }
    }

    @Test
    void aFailedBackgroundUploadIsReportedLosesOnlyItsOwnBlobsAndTheyCanBeSavedAgain() throws Exception {
        Random rnd = new Random(11);
        List<byte[]> blobs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            byte[] b = new byte[1 << 20];
            rnd.nextBytes(b); // incompressible: four blobs fill a 4 MiB pack
            blobs.add(b);
        }
        int reported = 0;
        try (Repository r = Repositories.init(new SecondPackFails(new FolderTarget(dir)), RepositoryTest.PW, RepositoryTest.OPTS)) {
            for (byte[] b : blobs) {
                try {
                    r.saveBlob(BlobType.DATA, b, 0, b.length);
                } catch (RepositoryException e) {
                    assertTrue(e.getMessage().contains("injected"), e.getMessage());
                    reported++;
                }
            }
            try {
                r.flush();
            } catch (RepositoryException e) {
                assertTrue(e.getMessage().contains("injected"), e.getMessage());
                reported++;
            }
            r.flush(); // reported once; the uploaded packs get their index now
        }
        assertEquals(1, reported, "the failure is reported exactly once");
        int lost = 0;
        try (Repository r = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            for (byte[] b : blobs) {
                Id id = Id.hash(b);
                Optional<PackedBlob> p = r.index().lookup(BlobType.DATA, id);
                if (p.isEmpty()) {
                    lost++;
                    assertTrue(r.saveBlob(BlobType.DATA, id, b, 0, b.length), "a lost blob is saved again");
                } else {
                    assertTrue(Files.isRegularFile(dir.resolve("data").resolve(p.get().pack().hex().substring(0, 2))
                            .resolve(p.get().pack().hex())), "the index names only packs that exist");
                }
            }
        }
        assertTrue(lost > 0 && lost <= 4, "only the failed pack's blobs are missing: " + lost);
        try (Repository r = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            for (byte[] b : blobs) {
                assertArrayEquals(b, r.loadBlob(BlobType.DATA, Id.hash(b)));
            }
            assertFalse(r.index().lookup(BlobType.DATA, Id.hash(new byte[1])).isPresent());
        }
    }
}
