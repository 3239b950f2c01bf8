package io.backbench.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import io.backbench.jobs.api.JobListener;
import io.backbench.jobs.api.JobStatus;

/**
 * Tells listeners about job changes, in order, on one "backbench-job-events" thread, so a slow
 * listener never slows a job and listeners never run on a job's own threads.
 */
final class JobNotifier {
    private final List<JobListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backbench-job-events");
        t.setDaemon(true);
        return t;
    });

    void add(JobListener l) {
        listeners.add(l);
    }

    void remove(JobListener l) {
        listeners.remove(l);
    }

    void changed(JobStatus status) {
        try {
            thread.execute(() -> {
                for (JobListener l : listeners) {
                    try {
                        l.changed(status);
                    } catch (RuntimeException e) {
                        System.err.println("backbench: job listener " + l + " failed: " + e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // shut down: nobody is listening any more
        }
    }

    void shutdown() {
        thread.shutdown();
    }
}
