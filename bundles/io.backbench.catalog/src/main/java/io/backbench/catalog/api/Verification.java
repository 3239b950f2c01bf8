package io.backbench.catalog.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The result of one restore test: a snapshot restored into a sandbox and every restored byte
 * compared with the repository.
 *
 * @param id           unique in the catalog (0 before it is recorded)
 * @param runId        the run that did the test, or 0
 * @param jobId        the job whose data was tested (the backup job, or the restore-test job), or null
 * @param jobName      that job's name
 * @param repository   the repository location
 * @param snapshotId   the snapshot tested (64 hex digits)
 * @param started      when the test started
 * @param passed       whether every selected file was restored and equal to the repository's data
 * @param samplePercent the share of files restored, 100 for all
 * @param files        files restored and checked
 * @param bytes        bytes restored and checked
 * @param restoreTime  how long the restore took (without the check)
 * @param rto          the recovery time objective it was measured against, or null
 * @param rtoBreached  whether the restore took longer than the RTO (of the whole snapshot, when sampled:
 *                     the time is scaled up by 100 / samplePercent)
 * @param failedFiles  the snapshot paths that could not be restored or differed
 * @param message      a sentence for people
 */
public record Verification(long id, long runId, String jobId, String jobName, String repository, String snapshotId,
        Instant started, boolean passed, double samplePercent, long files, long bytes, Duration restoreTime, Duration rto,
        boolean rtoBreached, List<String> failedFiles, String message) {

    public Verification {
        failedFiles = failedFiles == null ? List.of() : List.copyOf(failedFiles);
        message = message == null ? "" : message;
        jobName = jobName == null ? "" : jobName;
        repository = repository == null ? "" : repository;
    }

    /** Green in the Dashboard: passed and within the RTO. */
    public boolean ok() {
        return passed && !rtoBreached;
    }

    public Verification withIds(long idValue, long runIdValue) {
        return new Verification(idValue, runIdValue, jobId, jobName, repository, snapshotId, started, passed, samplePercent, files,
                bytes, restoreTime, rto, rtoBreached, failedFiles, message);
    }
}
