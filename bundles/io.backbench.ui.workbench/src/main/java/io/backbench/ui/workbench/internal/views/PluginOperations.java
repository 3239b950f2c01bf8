package io.backbench.ui.workbench.internal.views;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.backbench.core.api.PluginException;
import io.backbench.core.api.PluginInfo;
import io.backbench.core.api.PluginManager;
import io.backbench.jobs.api.Job;
import io.backbench.jobs.api.JobManager;
import io.backbench.jobs.api.JobState;
import io.backbench.jobs.api.ProgressMonitor;

/**
 * Runs plugin changes as jobs (so they show in the Progress view and never block the UI thread).
 * The outcome is handed to a callback on a job manager thread; callers bring it back to the UI
 * thread themselves.
 */
public final class PluginOperations {

    /** How a change ended: a summary on success, else the reason (the PluginException's message). */
    record Outcome(boolean ok, String message) {
    }

    @FunctionalInterface
    interface Change {
        String apply(PluginManager plugins) throws PluginException;
    }

    private final PluginManager plugins;
    private final JobManager jobs;

    public PluginOperations(PluginManager plugins, JobManager jobs) {
        this.plugins = plugins;
        this.jobs = jobs;
    }

    void install(Path jar, Consumer<Outcome> done) {
        run("Install plugin " + jar.getFileName(), "Checking " + jar.getFileName(), done, pm -> {
            PluginInfo info = pm.install(jar);
            return "Installed " + info.name() + " " + info.version();
        });
    }

    void installFromRepository(String repository, String symbolicName, String version, Consumer<Outcome> done) {
        run("Install plugin " + symbolicName + " " + version, "Downloading and checking " + symbolicName + " from "
                + repository, done, pm -> {
            PluginInfo info = pm.installFromRepository(repository, symbolicName, version);
            return "Installed " + info.name() + " " + info.version();
        });
    }

    void update(String symbolicName, Path jar, Consumer<Outcome> done) {
        run("Update plugin " + symbolicName, "Checking " + jar.getFileName(), done, pm -> {
            PluginInfo info = pm.update(symbolicName, jar);
            return "Updated " + info.name() + " to " + info.version();
        });
    }

    void uninstall(String symbolicName, Consumer<Outcome> done) {
        run("Uninstall plugin " + symbolicName, "Removing " + symbolicName, done, pm -> {
            pm.uninstall(symbolicName);
            return "Uninstalled " + symbolicName;
        });
    }

    private void run(String name, String task, Consumer<Outcome> done, Change change) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Job job = new Job() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String kind() {
                return "plugin";
            }

            @Override
            public String run(ProgressMonitor monitor) throws Exception {
                monitor.begin(task, -1);
                try {
                    return change.apply(plugins);
                } catch (Exception | LinkageError e) {
                    failure.set(e instanceof Exception ex ? ex : new RuntimeException(e));
                    throw e;
                }
            }
        };
        jobs.submit(job).completion().whenComplete((status, error) -> {
            Exception e = failure.get();
            if (e != null) {
                done.accept(new Outcome(false, message(e)));
            } else if (error != null) {
                done.accept(new Outcome(false, String.valueOf(error.getMessage())));
            } else if (succeeded(status.state())) {
                done.accept(new Outcome(true, status.result()));
            } else {
                done.accept(new Outcome(false, status.result().isEmpty() ? status.state().toString() : status.result()));
            }
        });
    }

    /** Whether a job in {@code state} did its work (warnings or not). */
    static boolean succeeded(JobState state) {
        return state == JobState.SUCCEEDED || state == JobState.SUCCEEDED_WITH_WARNINGS;
    }

    private static String message(Exception e) {
        if (e instanceof PluginException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
