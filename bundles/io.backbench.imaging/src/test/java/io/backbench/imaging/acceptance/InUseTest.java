package io.backbench.imaging.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.api.ImageResult;
import io.backbench.imaging.api.ImagingException;
import io.backbench.imaging.api.MountedPolicy;
import io.backbench.imaging.api.RestoreOptions;
import io.backbench.imaging.testing.FsImages;
import io.backbench.imaging.testing.LoopDevice;
import io.backbench.imaging.testing.Repos;
import io.backbench.imaging.testing.Tools;
import io.backbench.repository.api.Repository;

/** Mounted sources and targets, and the image's own source as a target, on real loop devices and mounts. */
class InUseTest {
    @TempDir
    Path tmp;

    @Test
    void aMountedWritableSourceIsRefusedWarnedAboutOrFrozenAndAReadOnlyOneIsFine() throws Exception {
        Path img = FsImages.ext4(tmp, "fs.img");
        Path mnt = Files.createDirectories(tmp.resolve("mnt"));
        try (Repository repo = Repos.init(tmp.resolve("repo")); LoopDevice loop = LoopDevice.attach(img)) {
            Tools.run("mount", loop.node(), mnt.toString());
            try {
                ImagingException e = assertThrows(ImagingException.class,
                        () -> DiskImages.create(repo, loop.path(), ImageOptions.defaults(), ImageProgress.NONE));
                assertTrue(e.getMessage().contains("mounted read-write (" + mnt + " (ext4))") && e.getMessage().contains("--mounted freeze"),
                        e.getMessage());
                ImagingException viaFile = assertThrows(ImagingException.class,
                        () -> DiskImages.create(repo, img, ImageOptions.defaults(), ImageProgress.NONE));
                assertTrue(viaFile.getMessage().contains("mounted read-write"), "the image file behind the mounted loop device");
                ImageResult warned = DiskImages.create(repo, loop.path(), ImageOptions.defaults().withMounted(MountedPolicy.WARN),
                        ImageProgress.NONE);
                assertTrue(warned.warnings().stream().anyMatch(w -> w.contains("may be inconsistent")), warned.warnings().toString());
                ImageResult frozen = DiskImages.create(repo, loop.path(), ImageOptions.defaults().withMounted(MountedPolicy.FREEZE),
                        ImageProgress.NONE);
                assertTrue(frozen.warnings().stream().anyMatch(w -> w.startsWith("froze " + mnt)), frozen.warnings().toString());
                Files.writeString(mnt.resolve("after-thaw.txt"), "the filesystem was thawed");
                ImagingException busy = assertThrows(ImagingException.class, () -> DiskImages.restore(repo,
                        repo.snapshots().get(0), loop.path(), RestoreOptions.defaults().withOverwriteSource(true), ImageProgress.NONE));
                assertTrue(busy.getMessage().contains("is in use: mounted at " + mnt), busy.getMessage());
            } finally {
                Tools.run("umount", mnt.toString());
            }
            Tools.run("mount", "-o", "ro", loop.node(), mnt.toString());
            try {
                ImageResult ro = DiskImages.create(repo, loop.path(), ImageOptions.defaults(), ImageProgress.NONE);
                assertEquals(java.util.List.of(), ro.warnings());
            } finally {
                Tools.run("umount", mnt.toString());
            }
        }
    }

    @Test
    void restoringOntoTheImagesOwnSourceIsRefusedUnlessConfirmed() throws Exception {
        Path img = FsImages.ext4(tmp, "fs.img");
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            DiskImages.create(repo, img, ImageOptions.defaults(), ImageProgress.NONE);
            var snap = repo.snapshots().get(0);
            ImagingException e = assertThrows(ImagingException.class,
                    () -> DiskImages.restore(repo, snap, img, RestoreOptions.defaults(), ImageProgress.NONE));
            assertTrue(e.getMessage().contains("taken from") && e.getMessage().contains("--overwrite-source"), e.getMessage());
            DiskImages.restore(repo, snap, img, RestoreOptions.defaults().withOverwriteSource(true), ImageProgress.NONE);
            Tools.run("e2fsck", "-fn", img.toString());
        }
    }
}
