package io.backbench.repository.api;

/**
 * Progress of a long operation (check's read-data, prune's repacking), for a progress line. Called
 * on the thread that runs the operation, after each unit of work; {@code total} may be 0 when unknown.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (phase, done, total) -> { };

    /**
     * @param phase what is being done, e.g. "read packs", "repack"
     * @param done  units done so far in this phase (packs)
     * @param total units in this phase
     */
    void update(String phase, long done, long total);
}
