package io.backbench.catalog.api;

/**
 * What a run moved, as far as it got. Counts the run does not know are 0; doubles it does not know are 0.
 *
 * @param bytesTotal      the size of all the data the run covered (every file backed up, changed or not):
 *                        the data it protects
 * @param bytesRead       bytes read from the source (files read from disk; restored bytes for a restore test)
 * @param bytesNew        plaintext bytes of new data added to the repository (after deduplication)
 * @param bytesStored     bytes the repository grew by on the target (compressed, encrypted)
 * @param files           files processed
 * @param dedupRatio      bytes read / bytes new; 0 when nothing new was stored
 * @param throughput      bytes processed per second
 * @param snapshotId      the snapshot made or tested (64 hex digits), or null
 * @param repositoryBytes the repository's stored size after the run, or 0 if unknown (storage per target)
 * @param summary         a one-line summary for people
 */
public record RunMetrics(long bytesTotal, long bytesRead, long bytesNew, long bytesStored, long files, double dedupRatio, double throughput,
        String snapshotId, long repositoryBytes, String summary) {

    public static final RunMetrics NONE = new RunMetrics(0, 0, 0, 0, 0, 0, 0, null, 0, "");

    public RunMetrics {
        summary = summary == null ? "" : summary;
    }

    public RunMetrics withSummary(String v) {
        return new RunMetrics(bytesTotal, bytesRead, bytesNew, bytesStored, files, dedupRatio, throughput, snapshotId, repositoryBytes, v);
    }
}
