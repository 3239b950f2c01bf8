package io.backbench.imaging.internal.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;

import io.backbench.catalog.api.CachedSnapshot;
import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.api.ImageResult;
import io.backbench.imaging.api.MountedPolicy;
import io.backbench.jobs.scheduler.api.JobContext;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.StoredSnapshot;

/**
 * {@code image}: images the job's one source (a block device or a raw image file) into its
 * repository, as {@code backbench image create} does, and refreshes the catalog's snapshot cache.
 * Options: {@code partition} (a partition number, to image one partition alone), {@code mounted}
 * (refuse, warn or freeze a writable mounted filesystem; default refuse), {@code changed-only}
 * (true: reuse unchanged ext chunks of the previous image), {@code skip-bad-sectors} (true: image
 * around read errors, as warnings), {@code read-all} (true: every byte, ignoring the used-block maps).
 */
@Component(service = JobKind.class, property = JobKind.KIND_PROPERTY + "=" + JobKind.IMAGE)
public final class ImageJobKind implements JobKind {
    static final String PARTITION = "partition";
    static final String MOUNTED = "mounted";
    static final String CHANGED_ONLY = "changed-only";
    static final String SKIP_BAD_SECTORS = "skip-bad-sectors";
    static final String READ_ALL = "read-all";

    @Override
    public String id() {
        return IMAGE;
    }

    @Override
    public String displayName() {
        return "Disk image";
    }

    /** The repository's key and the source's: two images of one disk never run at once. */
    @Override
    public Set<String> resourceKeys(JobDefinition job) {
        Set<String> keys = new LinkedHashSet<>(JobKind.super.resourceKeys(job));
        job.sources().forEach(s -> keys.add("device:" + Path.of(s).toAbsolutePath().normalize()));
        return keys;
    }

    @Override
    public void validate(JobDefinition job) {
        if (job.sources().size() != 1) {
            throw new IllegalArgumentException("image job '" + job.name() + "' needs exactly one source, the disk, partition or image file "
                    + "to image (e.g. /dev/sdb), not " + job.sources().size());
        }
        options(job);
    }

    @Override
    public RunMetrics run(JobDefinition job, JobContext context) throws Exception {
        validate(job);
        Path source = Path.of(job.sources().get(0));
        ImageOptions options = options(job);
        Repository repo = context.repository();
        long before = storedBytes(repo);
        long t0 = System.nanoTime();
        ImageResult r = DiskImages.create(repo, source, options, new JobProgress(source.toString(), context.monitor()));
        double seconds = Math.max(System.nanoTime() - t0, 1) / 1e9;
        long after = storedBytes(repo);
        try {
            refreshSnapshotCache(context.catalog(), job.repository(), repo);
        } catch (Exception e) {
            // the snapshot is saved: a stale cache is only a display matter, the Snapshots view's refresh fixes it
            context.monitor().warn("snapshot " + r.snapshot().shortHex() + " is saved, but the catalog's list of the repository's"
                    + " snapshots could not be refreshed: " + e.getMessage() + "; refresh the Snapshots view to see it");
        }
        if (!r.complete()) {
            context.monitor().warn(r.unreadable().size() + " unreadable ranges of " + source + " are zeros in the image: " + r.unreadable());
        }
        String summary = String.format(Locale.ROOT, "snapshot %s: image of %s, %d bytes in use, %d read, %d new", r.snapshot().shortHex(),
                r.source(), r.usedBytes(), r.bytesRead(), r.bytesNew());
        context.monitor().info(summary);
        return new RunMetrics(r.usedBytes(), r.bytesRead(), r.bytesNew(), Math.max(0, after - before), 1,
                r.bytesNew() > 0 ? (double) r.bytesRead() / r.bytesNew() : 0, r.usedBytes() / seconds, r.snapshot().hex(), after, summary);
    }

    /** The image options the definition asks for; a bad value is refused naming the option. */
    static ImageOptions options(JobDefinition job) {
        ImageOptions o = ImageOptions.defaults().withChangedOnly(flag(job, CHANGED_ONLY)).withSkipBadSectors(flag(job, SKIP_BAD_SECTORS))
                .withReadAll(flag(job, READ_ALL));
        String partition = job.option(PARTITION, "0");
        try {
            o = o.withPartition(Integer.parseInt(partition.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("image job '" + job.name() + "': partition must be a partition number (1, 2, ...) or 0 for "
                    + "the whole source, not '" + partition + "'");
        }
        String mounted = job.option(MOUNTED, "refuse");
        try {
            return o.withMounted(MountedPolicy.valueOf(mounted.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("image job '" + job.name() + "': mounted must be refuse, warn or freeze, not '" + mounted + "'");
        }
    }

    private static boolean flag(JobDefinition job, String key) {
        String v = job.option(key, "false").trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("image job '" + job.name() + "': " + key + " must be true or false, not '" + v + "'");
        }
        return v.equals("true");
    }

    /** Bytes of all blobs the loaded index lists, as stored: the repository's size. */
    static long storedBytes(Repository repo) {
        AtomicLong sum = new AtomicLong();
        repo.index().forEach(b -> sum.addAndGet(b.length()));
        return sum.get();
    }

    static void refreshSnapshotCache(Catalog catalog, String location, Repository repo) throws RepositoryException {
        List<CachedSnapshot> list = new ArrayList<>();
        for (StoredSnapshot s : repo.snapshots()) {
            list.add(new CachedSnapshot(s.id().hex(), s.snapshot().time(), s.snapshot().hostname(), s.snapshot().paths(), s.snapshot().tags()));
        }
        catalog.replaceSnapshots(location, list);
    }
}
