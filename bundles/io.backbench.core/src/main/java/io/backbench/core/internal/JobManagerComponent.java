package io.backbench.core.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.backbench.jobs.api.Job;
import io.backbench.jobs.api.JobHandle;
import io.backbench.jobs.api.JobListener;
import io.backbench.jobs.api.JobManager;
import io.backbench.jobs.api.JobStatus;

/**
 * The job manager service, configured by ConfigAdmin PID {@code io.backbench.jobs}
 * (property {@code workers}, default 2). Whiteboard {@link JobListener} services are told too.
 */
@Component(service = JobManager.class, configurationPid = JobManagerComponent.PID)
public class JobManagerComponent implements JobManager {
    static final String PID = "io.backbench.jobs";

    /** The configuration (ConfigAdmin PID io.backbench.jobs). */
    public @interface Config {
        int workers() default JobEngine.DEFAULT_WORKERS;
    }

    private final JobEngine engine;

    @Activate
    public JobManagerComponent(Config config) {
        engine = new JobEngine(sanitize(config.workers()));
    }

    @Modified
    void modified(Config config) {
        engine.setWorkers(sanitize(config.workers()));
    }

    @Deactivate
    void deactivate() {
        engine.shutdown();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addJobListener(JobListener listener) {
        engine.addListener(listener);
    }

    void removeJobListener(JobListener listener) {
        engine.removeListener(listener);
    }

    @Override
    public JobHandle submit(Job job) {
        return engine.submit(job);
    }

    @Override
    public List<JobStatus> jobs() {
        return engine.jobs();
    }

    @Override
    public Optional<JobHandle> find(long id) {
        return engine.find(id);
    }

    @Override
    public void addListener(JobListener listener) {
        engine.addListener(listener);
    }

    @Override
    public void removeListener(JobListener listener) {
        engine.removeListener(listener);
    }

    /** A bad value in a .cfg file must not stop the manager: fall back to the default. */
    private static int sanitize(int workers) {
        if (workers < 1 || workers > 64) {
            System.err.println("backbench: " + PID + " workers=" + workers
                    + " is outside 1..64; using " + JobEngine.DEFAULT_WORKERS);
            return JobEngine.DEFAULT_WORKERS;
        }
        return workers;
    }
}
