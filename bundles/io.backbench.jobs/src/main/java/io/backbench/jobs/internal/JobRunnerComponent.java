package io.backbench.jobs.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.DataFolders;
import io.backbench.jobs.api.JobManager;
import io.backbench.jobs.notify.api.Notifier;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.jobs.scheduler.api.JobRepositories;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.jobs.scheduler.api.RunTicket;

/**
 * The {@link JobRunner} service, configured by ConfigAdmin PID {@code io.backbench.jobs.runner}:
 * {@code maxConcurrent} (default 2), {@code retries} (3), {@code backoffSeconds} (30). Job kinds and
 * notifiers come and go as whiteboard services.
 */
@Component(service = JobRunner.class, configurationPid = JobRunnerComponent.PID)
public class JobRunnerComponent implements JobRunner {
    static final String PID = "io.backbench.jobs.runner";

    /** The configuration (ConfigAdmin PID io.backbench.jobs.runner). */
    public @interface Config {
        int maxConcurrent() default 2;

        int retries() default 3;

        long backoffSeconds() default 30;
    }

    private final Notifiers notifiers = new Notifiers();
    private final RunnerEngine engine;

    @Activate
    public JobRunnerComponent(@Reference Catalog catalog, @Reference JobManager jobManager, @Reference ConfiguredTargets targets,
            @Reference DataFolders folders, Config config) {
        engine = new RunnerEngine(catalog, jobManager,
                new JobRepositories(targets, System::getenv, folders.repositoryCache()), Clock.systemUTC(), notifiers,
                settings(config));
    }

    @Modified
    void modified(Config config) {
        engine.settings(settings(config));
    }

    @Deactivate
    void deactivate() {
        engine.active().forEach(RunTicket::cancel);
        notifiers.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addJobKind(JobKind kind) {
        engine.addKind(kind);
    }

    void removeJobKind(JobKind kind) {
        engine.removeKind(kind);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNotifier(Notifier n) {
        notifiers.add(n);
    }

    void removeNotifier(Notifier n) {
        notifiers.remove(n);
    }

    /** A bad value in a .cfg file must not stop the runner: fall back to the defaults. */
    private static RunnerSettings settings(Config c) {
        try {
            return new RunnerSettings(c.maxConcurrent(), c.retries(), Duration.ofSeconds(c.backoffSeconds()));
        } catch (IllegalArgumentException e) {
            System.err.println("backbench: " + e.getMessage() + "; using the defaults");
            return RunnerSettings.DEFAULTS;
        }
    }

    @Override
    public RunTicket submit(JobDefinition job) {
        return engine.submit(job);
    }

    @Override
    public RunTicket runNow(String jobIdOrName) {
        return engine.runNow(jobIdOrName);
    }

    @Override
    public List<RunTicket> active() {
        return engine.active();
    }

    @Override
    public Optional<RunTicket> find(long runId) {
        return engine.find(runId);
    }

    @Override
    public void validate(JobDefinition job) {
        engine.validate(job);
    }

    @Override
    public List<String> kinds() {
        return engine.kinds();
    }
}
