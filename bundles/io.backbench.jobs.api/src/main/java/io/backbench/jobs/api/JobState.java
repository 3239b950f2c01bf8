package io.backbench.jobs.api;

/** Where a job is in its life. The last four are final. */
public enum JobState {
    WAITING, RUNNING, SUCCEEDED, SUCCEEDED_WITH_WARNINGS, FAILED, CANCELLED;

    public boolean isDone() {
        return ordinal() >= SUCCEEDED.ordinal();
    }
}
