package io.backbench.imaging.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.backbench.imaging.internal.image.ImageStore;
import io.backbench.imaging.internal.image.Imager;
import io.backbench.imaging.internal.map.DiskLayout;
import io.backbench.imaging.internal.restore.Restorer;
import io.backbench.imaging.internal.restore.Verifier;
import io.backbench.imaging.internal.source.DeviceNodes;
import io.backbench.imaging.internal.source.SourceGuard;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.StoredSnapshot;

/**
 * Disk images in a repository: create, list, restore, export, verify. Every method runs on the
 * caller's thread (using worker threads inside) and may block for as long as the device takes.
 * Errors are {@link ImagingException}s whose message says what happened and what to do.
 */
public final class DiskImages {
    /** The tag every image snapshot carries. */
    public static final String TAG = "backbench-image";
    /** The metadata file's name in an image snapshot's tree. */
    public static final String METADATA_FILE = "backbench-image.json";

    private DiskImages() {
    }

    /**
     * Images a block device or raw image file (or, with {@link ImageOptions#partition()}, one of its
     * partitions) into {@code repo}. First applies {@link ImageOptions#mounted()} to filesystems
     * mounted from it.
     */
    public static ImageResult create(Repository repo, Path source, ImageOptions options, ImageProgress progress) throws IOException {
        Path abs = source.toAbsolutePath().normalize();
        try (SourceGuard guard = SourceGuard.apply(abs, options.mounted()); BlockSource whole = BlockSources.open(abs)) {
            for (String w : guard.warnings()) {
                progress.warning(w);
            }
            String device = DeviceNodes.isBlockDevice(abs) ? DeviceNodes.majorMinor(abs) : "";
            if (options.partition() == 0) {
                return new Imager(repo, progress).image(whole, abs.toString(), device, options, guard.warnings());
            }
            DiskLayout layout = DiskLayout.analyse(whole, true);
            for (DiskLayout.Partition p : layout.partitions()) {
                if (p.entry().number() == options.partition()) {
                    String name = abs + "#" + options.partition();
                    BlockSource part = BlockSources.slice(whole, p.start(), p.length(), name);
                    return new Imager(repo, progress).image(part, name, device, options, guard.warnings());
                }
            }
            List<Integer> numbers = new ArrayList<>();
            layout.partitions().forEach(p -> numbers.add(p.entry().number()));
            throw new ImagingException(abs + " has no partition " + options.partition()
                    + (layout.table() == null ? " (it has no partition table)" : "; its partitions are " + numbers));
        }
    }

    /**
     * Images an already open source. No mount checks are made: the caller owns the source.
     *
     * @param name how the snapshot names the source (its path)
     */
    public static ImageResult create(Repository repo, BlockSource source, String name, ImageOptions options, ImageProgress progress)
            throws IOException {
        return new Imager(repo, progress).image(source, name, "", options, List.of());
    }

    /** The image snapshots, oldest first. */
    public static List<ImageSummary> list(Repository repo) throws IOException {
        return ImageStore.list(repo);
    }

    /** The metadata file of an image snapshot, as JSON text. */
    public static String metadata(Repository repo, StoredSnapshot snapshot) throws IOException {
        return ImageStore.load(repo, snapshot).metadata().toJson();
    }

    /**
     * Restores an image to a device or file (created if missing) of at least the image's size. Refuses
     * a smaller target, a target with mounted filesystems or active swap, and (unless
     * {@link RestoreOptions#overwriteSource()}) the image's own source. A GPT is moved to the end of a
     * larger target.
     */
    public static RestoreResult restore(Repository repo, StoredSnapshot snapshot, Path target, RestoreOptions options,
            ImageProgress progress) throws IOException {
        return new Restorer(repo, progress).restore(ImageStore.load(repo, snapshot), target.toAbsolutePath().normalize(), options);
    }

    /** Writes an image as a new raw sparse file ({@code .img}) of exactly the image's size. */
    public static RestoreResult export(Repository repo, StoredSnapshot snapshot, Path file, ImageProgress progress) throws IOException {
        return new Restorer(repo, progress).export(ImageStore.load(repo, snapshot), file.toAbsolutePath().normalize());
    }

    /** Loads every distinct chunk of an image and checks its length and SHA-256. */
    public static VerifyReport verify(Repository repo, StoredSnapshot snapshot, ImageProgress progress) throws IOException {
        return new Verifier(repo, progress).verify(ImageStore.load(repo, snapshot));
    }

    /**
     * Compares a restored device or file with the image: every used byte (the GPT sectors a restore to
     * a larger target rewrites are checked as a table instead) and, with {@code fsck}, runs each
     * filesystem's checker read-only ({@code e2fsck -fn}, {@code fsck.vfat -n}, {@code ntfsfix -n};
     * partitions inside a disk need root for a loop device).
     */
    public static VerifyReport verifyTarget(Repository repo, StoredSnapshot snapshot, Path target, boolean fsck, ImageProgress progress)
            throws IOException {
        return new Verifier(repo, progress).verifyTarget(ImageStore.load(repo, snapshot), target.toAbsolutePath().normalize(), fsck);
    }
}
