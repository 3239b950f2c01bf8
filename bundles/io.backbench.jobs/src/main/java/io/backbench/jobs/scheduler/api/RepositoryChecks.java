package io.backbench.jobs.scheduler.api;

import java.util.List;

import io.backbench.catalog.api.JobDefinition;

/**
 * Builds ad-hoc {@code check} definitions for {@link JobRunner#submit}: the Repositories view's
 * "Check Now". The run is recorded in the catalog like any other, under the repository.
 */
public final class RepositoryChecks {
    /** Of the job's name in the check's (a name has at most 200 characters). */
    private static final int MAX_NAME = 150;

    private RepositoryChecks() {
    }

    /**
     * A check of the repository of {@code job} (any job that uses it: its options carry the password
     * source), reading the data {@code readData} names (see {@link JobOptions#READ_DATA}).
     */
    public static JobDefinition of(JobDefinition job, String readData) {
        String name = job.name().length() <= MAX_NAME ? job.name() : job.name().substring(0, MAX_NAME - 1) + "\u2026";
        JobDefinition d = new JobDefinition(null, "Repository check (" + name + ")", JobKind.CHECK, true, List.of(), job.repository(),
                "", "", null, null, job.options(), null, null);
        return d.withOption(JobOptions.READ_DATA, readData).withOption(JobOptions.EXCLUDES, null)
                .withOption(JobOptions.SNAPSHOT, null).withOption(JobOptions.SAMPLE_PERCENT, null)
                .withOption(JobOptions.VERIFIES_JOB, null).withOption(JobOptions.PRUNE, null);
    }
}
