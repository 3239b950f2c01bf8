package io.backbench.jobs.scheduler.api;

import java.util.Locale;

import io.backbench.catalog.api.JobDefinition;

/**
 * Builds ad-hoc restore-test definitions for {@link JobRunner#submit}: the Snapshots view's "test
 * restore", the CLI's {@code verify}. The result is a {@link io.backbench.catalog.api.Verification}
 * in the catalog, counted for the backup job.
 */
public final class RestoreTests {
    /** The kind the imaging bundle registers for restore tests of disk images. */
    public static final String IMAGE_RESTORE_TEST = "image-restore-test";

    private RestoreTests() {
    }

    /**
     * A restore test of {@code snapshot} (an id, a prefix, or {@code latest}) in the repository of
     * {@code backupJob}, measured against its RTO, restoring {@code samplePercent} of the files
     * (100 for all). The test of an {@code image} job's snapshot is an {@value #IMAGE_RESTORE_TEST}
     * run (the whole image, then the filesystem checker; no sample).
     */
    public static JobDefinition of(JobDefinition backupJob, String snapshot, double samplePercent) {
        if (!(samplePercent > 0 && samplePercent <= 100)) {
            throw new IllegalArgumentException("the sample must be above 0 and at most 100 percent, not " + samplePercent);
        }
        String shortId = snapshot.length() > 8 ? snapshot.substring(0, 8) : snapshot;
        // a disk image is tested by the imaging bundle's kind: restored into an image file, then the filesystem checker
        String kind = JobKind.IMAGE.equals(backupJob.kind()) ? IMAGE_RESTORE_TEST : JobKind.RESTORE_TEST;
        JobDefinition d = new JobDefinition(null, "Restore test of " + shortId + " (" + backupJob.name() + ")", kind,
                true, java.util.List.of(), backupJob.repository(), "", "", null, backupJob.rto(), backupJob.options(), null, null);
        d = d.withOption(JobOptions.SNAPSHOT, snapshot).withOption(JobOptions.SAMPLE_PERCENT, String.format(Locale.ROOT, "%s", samplePercent))
                .withOption(JobOptions.EXCLUDES, null);
        return backupJob.id() == null ? d : d.withOption(JobOptions.VERIFIES_JOB, backupJob.id());
    }
}
