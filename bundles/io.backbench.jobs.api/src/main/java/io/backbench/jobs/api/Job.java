package io.backbench.jobs.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A unit of background work. {@link #run} is called once, on a worker thread of the {@link
 * JobManager}, never on the UI thread.
 */
@ConsumerType
public interface Job {

    /** What people see in the Progress view: "Back up /home to nas-repo". */
    String name();

    /** A kind for grouping and filtering: "backup", "image", "restore-test", "plugin". */
    default String kind() {
        return "job";
    }

    /**
     * Does the work. Reports progress and checks {@link ProgressMonitor#isCancelled()} often
     * (at least every few hundred milliseconds of work); on cancellation it stops cleanly, leaves
     * nothing half-written that a later run would trust, and throws {@link
     * java.util.concurrent.CancellationException}. Any other exception fails the job with its
     * message, which should say what happened and what to do.
     *
     * @return a one-line summary for the history, e.g. "1,204 files, 3.2 GiB, 412 MiB new"
     */
    String run(ProgressMonitor monitor) throws Exception;
}
