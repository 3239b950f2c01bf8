package io.backbench.jobs.scheduler.api;

/** The option names ({@link io.backbench.catalog.api.JobDefinition#options()}) the shipped kinds read. */
public final class JobOptions {
    /** A file whose first line is the repository password. */
    public static final String PASSWORD_FILE = "password-file";
    /** The name of an environment variable holding the repository password. */
    public static final String PASSWORD_ENV = "password-env";
    /** An extra exclusive resource key, e.g. {@code tape:/dev/nst0}. */
    public static final String RESOURCE = "resource";
    /** backup: exclude patterns, one a line. */
    public static final String EXCLUDES = "excludes";
    /** restore-test: the snapshot to test (id, prefix or {@code latest}, the default). */
    public static final String SNAPSHOT = "snapshot";
    /** restore-test: the share of files restored, 0 &lt; p &lt;= 100 (default 100). */
    public static final String SAMPLE_PERCENT = "sample-percent";
    /** restore-test: the id of the backup job whose data is tested (its RTO applies; the result counts for it). */
    public static final String VERIFIES_JOB = "verifies-job";
    /** retention: whether to prune after forget (default true). */
    public static final String PRUNE = "prune";
    /**
     * check: which pack data to read besides the structure: {@code none}, {@code all}, a fixed subset
     * ({@code 5%}, {@code 2/10}), or {@code rotate/T} (default {@code rotate/10}): each run reads the next
     * of T parts, so that T runs read every pack.
     */
    public static final String READ_DATA = "read-data";

    private JobOptions() {
    }
}
