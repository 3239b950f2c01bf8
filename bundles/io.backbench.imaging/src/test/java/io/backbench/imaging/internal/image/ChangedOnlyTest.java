package io.backbench.imaging.internal.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.api.ImageResult;
import io.backbench.imaging.testing.FsImages;
import io.backbench.imaging.testing.Repos;
import io.backbench.imaging.testing.TestDisks;
import io.backbench.imaging.testing.Tools;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.StoredSnapshot;

/**
 * --changed-only on a real ext4 image whose files were written long ago (mkfs.ext4 -d with a fake
 * clock): a next image reads only what the inodes say may have changed, and its chunks equal those
 * of a full read of the same source (the oracle).
 */
class ChangedOnlyTest {
    private static final ImageOptions OPTIONS = ImageOptions.defaults().withChunkSize(256 << 10);

    @TempDir
    Path tmp;

    private Path oldFilesystem() throws Exception {
        Path content = tmp.resolve("content");
        for (int i = 0; i < 12; i++) {
            TestDisks.randomFile(content.resolve("f" + i + ".bin"), 1 << 20, 40 + i);
        }
        Files.writeString(content.resolve("hello.txt"), "hello\n");
        Path img = TestDisks.stale(tmp.resolve("fs.img"), 48L << 20, 4);
        Tools.Result r = Tools.exec(Map.of("E2FSPROGS_FAKE_TIME", "1700000000"), "mkfs.ext4", "-q", "-F", "-b", "4096", "-E",
                "nodiscard,lazy_itable_init=0,lazy_journal_init=0", "-d", content.toString(), img.toString());
        assertEquals(0, r.exit(), r.err());
        // mkfs.ext4 -d copies the source files' ctimes (now): date them back as if written long ago
        StringBuilder cmds = new StringBuilder();
        for (String f : new String[] {"hello.txt", "f0.bin", "f1.bin", "f2.bin", "f3.bin", "f4.bin", "f5.bin", "f6.bin", "f7.bin",
                "f8.bin", "f9.bin", "f10.bin", "f11.bin"}) {
            cmds.append("set_inode_field /").append(f).append(" ctime @1700000000\n");
        }
        Path script = Files.writeString(tmp.resolve("old.debugfs"), cmds);
        Tools.run("debugfs", "-w", "-f", script.toString(), img.toString());
        return img;
    }

    private static List<Id> chunks(Repository repo, Id snapshot) throws Exception {
        StoredSnapshot s = repo.snapshots().stream().filter(x -> x.id().equals(snapshot)).findFirst().orElseThrow();
        return ImageStore.load(repo, s).metadata().chunks();
    }

    /** Overwrites block {@code index} of {@code file} in place, behind the filesystem's back. */
    private static void overwriteBlock(Path img, String file, int index, long seed) throws Exception {
        byte[] junk = new byte[4096];
        new Random(seed).nextBytes(junk);
        try (RandomAccessFile f = new RandomAccessFile(img.toFile(), "rw")) {
            f.seek(FsImages.blockOffset(img, file, index));
            f.write(junk);
        }
    }

    @Test
    void aNextImageReadsOnlyWhatChangedInodesHoldAndEqualsAFullRead() throws Exception {
        Path img = oldFilesystem();
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            ImageResult first = DiskImages.create(repo, img, OPTIONS, ImageProgress.NONE);
            Path added = TestDisks.randomFile(tmp.resolve("added.bin"), 300_000, 7);
            Tools.run("debugfs", "-w", "-R", "write " + added + " added.bin", img.toString());
            Tools.run("debugfs", "-w", "-R", "rm /f3.bin", img.toString());
            // a write as the kernel does it: new data, and the inode's ctime set to now
            overwriteBlock(img, "/f5.bin", 0, 1);
            Tools.run("debugfs", "-w", "-R", "set_inode_field /f5.bin ctime @" + Instant.now().getEpochSecond(), img.toString());

            ImageResult changed = DiskImages.create(repo, img, OPTIONS.withChangedOnly(true), ImageProgress.NONE);
            ImageResult full = DiskImages.create(repo, img, OPTIONS, ImageProgress.NONE);

            assertEquals(first.snapshot(), changed.parent());
            assertEquals(full.bytesRead(), first.bytesRead(), 2 << 20, "a full read reads about as much as the first image");
            assertTrue(changed.bytesRead() < full.bytesRead() / 2, "read " + changed.bytesRead() + " of " + full.bytesRead()
                    + " bytes in use");
            assertTrue(chunks(repo, full.snapshot()).equals(chunks(repo, changed.snapshot())), "the same image as a full read");
            assertFalse(chunks(repo, first.snapshot()).equals(chunks(repo, changed.snapshot())), "the changes are in it");
        }
    }

    @Test
    void aRawWriteBehindTheFilesystemsBackIsNotSeenAsDocumented() throws Exception {
        Path img = oldFilesystem();
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            ImageResult first = DiskImages.create(repo, img, OPTIONS, ImageProgress.NONE);
            overwriteBlock(img, "/f5.bin", 0, 2); // the inode keeps its old ctime
            ImageResult changed = DiskImages.create(repo, img, OPTIONS.withChangedOnly(true), ImageProgress.NONE);
            ImageResult full = DiskImages.create(repo, img, OPTIONS, ImageProgress.NONE);
            assertTrue(changed.bytesRead() < full.bytesRead() / 2, "read " + changed.bytesRead() + " of " + full.bytesRead());
            assertTrue(chunks(repo, first.snapshot()).equals(chunks(repo, changed.snapshot())), "the raw write was not read");
            assertFalse(chunks(repo, full.snapshot()).equals(chunks(repo, changed.snapshot())), "a full read sees it");
        }
    }

    @Test
    void theJournalIsAlwaysReadForTheKernelWritesItWithoutANewCtime() throws Exception {
        Path img = oldFilesystem();
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            DiskImages.create(repo, img, OPTIONS, ImageProgress.NONE);
            // inode 8: the journal, a regular file with an old ctime; block 512 lies among journal blocks only
            overwriteBlock(img, "<8>", 512, 3);
            ImageResult changed = DiskImages.create(repo, img, OPTIONS.withChangedOnly(true), ImageProgress.NONE);
            ImageResult full = DiskImages.create(repo, img, OPTIONS, ImageProgress.NONE);
            assertTrue(chunks(repo, full.snapshot()).equals(chunks(repo, changed.snapshot())), "the journal's new block is in it");
        }
    }

    @Test
    void withoutAPreviousImageEverythingIsReadAndTheResultSaysWhy() throws Exception {
        Path img = oldFilesystem();
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            ImageResult r = DiskImages.create(repo, img, OPTIONS.withChangedOnly(true), ImageProgress.NONE);
            ImageResult full = DiskImages.create(repo, img, OPTIONS, ImageProgress.NONE);
            assertEquals(full.bytesRead(), r.bytesRead());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no previous image")), r.warnings().toString());
        }
    }
}
