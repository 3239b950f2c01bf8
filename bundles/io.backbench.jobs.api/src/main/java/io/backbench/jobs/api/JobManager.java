package io.backbench.jobs.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The service that runs jobs. Thread-safe. */
@ProviderType
public interface JobManager {

    /** Queues a job; it starts when a worker is free. */
    JobHandle submit(Job job);

    /** Jobs waiting or running, and those that ended recently (the last few minutes), oldest first. */
    List<JobStatus> jobs();

    Optional<JobHandle> find(long id);

    void addListener(JobListener listener);

    void removeListener(JobListener listener);
}
