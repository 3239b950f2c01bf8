package io.backbench.ui.workbench.internal.targets;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.backbench.core.api.ConfiguredTargets;
import io.backbench.jobs.api.Job;
import io.backbench.jobs.api.JobManager;
import io.backbench.jobs.api.JobState;
import io.backbench.jobs.api.ProgressMonitor;
import io.backbench.target.api.StorageTarget;

/**
 * Tests a configured target as a background job (shown in the Progress view): opens it and lists
 * everything in it. The outcome goes to a callback on a job manager thread.
 */
final class TargetTests {

    /** How a test ended; {@code message} says what was found, or what failed. */
    record Outcome(String name, boolean ok, String message) {
    }

    private final ConfiguredTargets targets;
    private final JobManager jobs;

    TargetTests(ConfiguredTargets targets, JobManager jobs) {
        this.targets = targets;
        this.jobs = jobs;
    }

    void test(String name, Consumer<Outcome> done) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Job job = new Job() {
            @Override
            public String name() {
                return "Test target " + name;
            }

            @Override
            public String kind() {
                return "target-test";
            }

            @Override
            public String run(ProgressMonitor monitor) throws Exception {
                monitor.begin("Opening and listing target " + name, -1);
                AtomicLong objects = new AtomicLong();
                AtomicLong bytes = new AtomicLong();
                try (StorageTarget target = targets.open("target:" + name)) {
                    target.list("", info -> {
                        objects.incrementAndGet();
                        bytes.addAndGet(info.size());
                    });
                    return "works: " + target.describe() + " holds " + objects.get() + " objects (" + bytes.get() + " bytes)";
                } catch (Exception e) {
                    failure.set(e);
                    throw e;
                }
            }
        };
        jobs.submit(job).completion().whenComplete((status, error) -> {
            Exception e = failure.get();
            if (e != null) {
                done.accept(new Outcome(name, false, "failed: " + e.getMessage()));
            } else if (error != null) {
                done.accept(new Outcome(name, false, "failed: " + error.getMessage()));
            } else if (status.state() == JobState.SUCCEEDED || status.state() == JobState.SUCCEEDED_WITH_WARNINGS) {
                done.accept(new Outcome(name, true, status.result()));
            } else {
                done.accept(new Outcome(name, false, status.state() + (status.result().isEmpty() ? "" : ": " + status.result())));
            }
        });
    }
}
