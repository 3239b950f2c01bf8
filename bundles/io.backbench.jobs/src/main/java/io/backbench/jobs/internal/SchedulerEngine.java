package io.backbench.jobs.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RpoState;
import io.backbench.catalog.api.RpoStatus;
import io.backbench.jobs.notify.api.Alert;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.jobs.scheduler.api.Schedule;
import io.backbench.jobs.scheduler.api.Scheduler;

/**
 * Decides which jobs are due. Each {@link #tick} compares every enabled job's next occurrence after
 * its mark in the catalog (the last occurrence handled; the job's creation time at first) with the
 * clock: if one or more occurrences have passed, the job runs once and the mark moves to the latest
 * passed occurrence. So occurrences missed while Backbench was off collapse into one run at start-up.
 * Ticks come from the scheduler thread (and tests); they are serialised. Free of OSGi for tests.
 */
final class SchedulerEngine implements Scheduler {
    /** Occurrences walked at most to find the latest passed one (a per-minute job off for a week). */
    private static final int MAX_CATCH_UP = 20_000;

    private final Catalog catalog;
    private final JobRunner runner;
    private final Clock clock;
    private final ZoneId zone;
    private final Notifiers notifiers;
    private final Set<String> redJobs = new HashSet<>();
    private final Set<String> reportedBadSchedules = new HashSet<>();

    SchedulerEngine(Catalog catalog, JobRunner runner, Clock clock, ZoneId zone, Notifiers notifiers) {
        this.catalog = catalog;
        this.runner = runner;
        this.clock = clock;
        this.zone = zone;
        this.notifiers = notifiers;
    }

    /** Fires what is due and checks RPOs; returns the jobs submitted. */
    synchronized List<String> tick() {
        Instant now = clock.instant();
        List<String> fired = new ArrayList<>();
        for (JobDefinition job : catalog.jobs()) {
            Optional<Schedule> schedule = schedule(job);
            if (!job.enabled() || schedule.isEmpty() || schedule.get().manual()) {
                continue;
            }
            Instant mark = catalog.lastScheduled(job.id()).orElse(job.created());
            Optional<Instant> due = schedule.get().next(mark, zone);
            if (due.isEmpty() || due.get().isAfter(now)) {
                continue;
            }
            catalog.setLastScheduled(job.id(), latestPassed(schedule.get(), due.get(), now));
            // a run whose completion is done counts as finished, though the runner lists it until its
            // job manager thread lets go: else a run due at that moment was skipped for the whole period
            if (runner.active().stream().anyMatch(t -> job.id().equals(t.job().id())
                    && !t.completion().toCompletableFuture().isDone())) {
                System.err.println("backbench: job '" + job.name() + "' is due but its previous run has not finished; skipped");
                continue;
            }
            runner.submit(job);
            fired.add(job.id());
        }
        checkRpo(now);
        return fired;
    }

    private Instant latestPassed(Schedule s, Instant first, Instant now) {
        Instant latest = first;
        for (int i = 0; i < MAX_CATCH_UP; i++) {
            Optional<Instant> n = s.next(latest, zone);
            if (n.isEmpty() || n.get().isAfter(now)) {
                return latest;
            }
            latest = n.get();
        }
        return now;
    }

    private void checkRpo(Instant now) {
        for (RpoStatus s : catalog.rpoStatus(now)) {
            if (s.state() != RpoState.RED) {
                redJobs.remove(s.jobId());
            } else if (redJobs.add(s.jobId())) {
                String age = s.lastGood() == null ? "it has no good backup at all" : "its last good backup ended " + s.lastGood();
                notifiers.send(new Alert(Alert.Kind.RPO_BREACHED, now, s.jobId(), s.jobName(), 0,
                        "job '" + s.jobName() + "' breaches its recovery point objective of " + s.rpo() + ": " + age
                                + "; run it now and check why it did not succeed"));
            }
        }
    }

    private Optional<Schedule> schedule(JobDefinition job) {
        try {
            return Optional.of(Schedule.parse(job.schedule()));
        } catch (IllegalArgumentException e) {
            if (reportedBadSchedules.add(job.id() + "\n" + job.schedule())) {
                System.err.println("backbench: job '" + job.name() + "' is not scheduled: " + e.getMessage());
            }
            return Optional.empty();
        }
    }

    @Override
    public Optional<Instant> nextRun(String jobId) {
        return catalog.job(jobId).flatMap(this::next);
    }

    private Optional<Instant> next(JobDefinition job) {
        if (!job.enabled()) {
            return Optional.empty();
        }
        Instant mark = catalog.lastScheduled(job.id()).orElse(job.created());
        Instant now = clock.instant();
        Instant after = mark.isAfter(now) ? mark : now;
        return schedule(job).flatMap(s -> {
            Optional<Instant> due = s.next(mark, zone);
            // an occurrence already passed runs at the next check: show it as due now
            return due.isPresent() && !due.get().isAfter(now) ? Optional.of(now) : s.next(after, zone);
        });
    }

    @Override
    public List<Upcoming> upcoming() {
        List<Upcoming> out = new ArrayList<>();
        for (JobDefinition j : catalog.jobs()) {
            next(j).ifPresent(n -> out.add(new Upcoming(j.id(), j.name(), n)));
        }
        out.sort(Comparator.comparing(Upcoming::next).thenComparing(Upcoming::jobName));
        return out;
    }

    @Override
    public void check() {
        tick();
    }
}
