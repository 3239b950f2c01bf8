package io.backbench.jobs.internal;

import java.nio.file.Path;
import java.time.ZoneId;

import io.backbench.jobs.scheduler.api.Scheduler;

/** Gives the CLI tests (another package) the jobs fixture and a scheduler over it. */
public final class CliFixture implements AutoCloseable {
    private final Fixture fixture;
    private final SchedulerEngine scheduler;

    public CliFixture(Path dir) throws java.io.IOException {
        fixture = new Fixture(dir);
        scheduler = new SchedulerEngine(fixture.catalog, fixture.runner, fixture.clock, ZoneId.systemDefault(), fixture.notifiers);
    }

    public io.backbench.catalog.api.Catalog catalog() {
        return fixture.catalog;
    }

    public io.backbench.jobs.scheduler.api.JobRunner runner() {
        return fixture.runner;
    }

    public Path passwordFile() {
        return fixture.passwordFile;
    }

    public String repository(String name) throws java.io.IOException {
        return fixture.repository(name);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        fixture.close();
    }
}
