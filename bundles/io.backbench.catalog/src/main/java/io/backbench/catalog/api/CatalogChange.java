package io.backbench.catalog.api;

/**
 * What changed in the catalog.
 *
 * @param what the kind of record
 * @param id   its id (a run id as text, a job id, a repository location)
 */
public record CatalogChange(What what, String id) {
    public enum What {
        JOB, JOB_DELETED, RUN_STARTED, RUN_FINISHED, RUN_EVENT, VERIFICATION, SNAPSHOTS
    }
}
