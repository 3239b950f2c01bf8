package io.backbench.jobs.internal;

import java.time.Duration;
import java.util.concurrent.CancellationException;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.NewRun;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.RunStatus;
import io.backbench.jobs.api.Job;
import io.backbench.jobs.api.ProgressMonitor;
import io.backbench.jobs.notify.api.Alert;
import io.backbench.jobs.scheduler.api.JobFailedException;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.target.api.TargetException;

/**
 * One run as a JobManager {@link Job}: records it in the catalog, runs the kind with retries on
 * transient target errors, and records the end. Runs on a JobManager worker thread.
 */
final class RunJob implements Job {
    private final Ticket ticket;
    private final RunnerEngine runner;

    RunJob(Ticket ticket, RunnerEngine runner) {
        this.ticket = ticket;
        this.runner = runner;
    }

    @Override
    public String name() {
        return ticket.job().name();
    }

    @Override
    public String kind() {
        return ticket.job().kind();
    }

    @Override
    public String run(ProgressMonitor monitor) throws Exception {
        JobDefinition job = ticket.job();
        Catalog catalog = runner.catalog();
        Run run = catalog.startRun(new NewRun(job.id(), job.name(), job.kind(), job.repository(), runner.clock().instant()));
        ticket.runId(run.id());
        RecordingMonitor rec = new RecordingMonitor(monitor, catalog, run.id());
        try (JobContextImpl ctx = new JobContextImpl(job, run.id(), rec, catalog, runner.clock(), runner.locator())) {
            RunMetrics m = attempts(job, ctx, rec);
            RunStatus status = rec.warnings() > 0 ? RunStatus.SUCCEEDED_WITH_WARNINGS : RunStatus.SUCCEEDED;
            ticket.complete(catalog.finishRun(run.id(), status, runner.clock().instant(), m, ""));
            return m.summary();
        } catch (CancellationException e) {
            end(run, RunStatus.CANCELLED, RunMetrics.NONE, "cancelled");
            throw e;
        } catch (InterruptedException e) {
            boolean cancelled = monitor.isCancelled();
            end(run, cancelled ? RunStatus.CANCELLED : RunStatus.FAILED, RunMetrics.NONE,
                    cancelled ? "cancelled" : "interrupted: the run was stopped from outside");
            throw e;
        } catch (JobFailedException e) {
            rec.error(e.getMessage());
            end(run, RunStatus.FAILED, e.metrics() == null ? RunMetrics.NONE : e.metrics(), e.getMessage());
            throw e;
        } catch (Exception | LinkageError e) {
            String message = message(e);
            rec.error(message);
            end(run, RunStatus.FAILED, RunMetrics.NONE, message);
            throw e;
        }
    }

    private RunMetrics attempts(JobDefinition job, JobContextImpl ctx, RecordingMonitor rec) throws Exception {
        JobKind kind = runner.kind(job.kind());
        RunnerSettings settings = runner.settings();
        for (int attempt = 0; ; attempt++) {
            try {
                return kind.run(job, ctx);
            } catch (Exception e) {
                if (attempt >= settings.retries() || !retryable(e) || rec.isCancelled()) {
                    throw e;
                }
                Duration wait = settings.backoff().multipliedBy(1L << Math.min(attempt, 16));
                rec.info("transient error: " + message(e) + "; retrying in " + wait.toSeconds() + " s (retry " + (attempt + 1)
                        + " of " + settings.retries() + ")");
                ctx.close();
                sleep(wait, rec);
            }
        }
    }

    /** Sleeps in short slices so that a cancel is seen quickly (the JobManager also interrupts). */
    private static void sleep(Duration d, RecordingMonitor rec) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            rec.checkCancelled();
            Thread.sleep(Math.max(1, Math.min(200, left / 1_000_000)));
        }
        rec.checkCancelled();
    }

    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TargetException te && te.isRetryable()) {
                return true;
            }
        }
        return false;
    }

    private void end(Run run, RunStatus status, RunMetrics m, String error) {
        Run done = runner.catalog().finishRun(run.id(), status, runner.clock().instant(), m, error);
        ticket.complete(done);
        if (status == RunStatus.FAILED) {
            boolean test = JobKind.RESTORE_TEST.equals(done.kind());
            runner.alert(new Alert(test ? Alert.Kind.RESTORE_TEST_FAILED : Alert.Kind.JOB_FAILED, done.ended(), done.jobId(),
                    done.jobName(), done.id(), (test ? "restore test '" : "job '") + done.jobName() + "' failed: " + error));
        }
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.toString() : m;
    }
}
