package io.backbench.catalog.api;

/** How a job stands against its recovery point objective. */
public enum RpoState {
    /** The last good backup is younger than 80 % of the RPO. */
    GREEN,
    /** Within the RPO but older than 80 % of it, or the latest run failed. */
    AMBER,
    /** Older than the RPO, or no good backup at all: the objective is breached. */
    RED,
    /** The job has no RPO. */
    NONE
}
