package io.backbench.repository.api;

/**
 * How {@link RepositoryOperations#prune} trades space for work.
 *
 * @param maxUnusedPercent unused data tolerated after prune, in percent of the repository's size
 *                         (restic's {@code --max-unused}, default 5); 0 repacks every partly used
 *                         pack, 100 repacks no data pack (packs with nothing used are deleted, and
 *                         partly used tree packs are repacked whatever the limit, as restic does)
 * @param dryRun           only compute what would be done
 */
public record PruneOptions(double maxUnusedPercent, boolean dryRun) {
    public PruneOptions {
        if (!(maxUnusedPercent >= 0 && maxUnusedPercent <= 100)) {
            throw new IllegalArgumentException("max unused must be 0 to 100 percent, got " + maxUnusedPercent);
        }
    }

    /** restic's defaults: 5 % unused tolerated, not a dry run. */
    public static PruneOptions defaults() {
        return new PruneOptions(5, false);
    }

    public PruneOptions withMaxUnusedPercent(double p) {
        return new PruneOptions(p, dryRun);
    }

    public PruneOptions asDryRun() {
        return new PruneOptions(maxUnusedPercent, true);
    }
}
