package io.backbench.jobs.internal.cli;

import io.backbench.cli.api.Json;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.Verification;
import io.backbench.cli.api.Args;
import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.jobs.scheduler.api.RestoreTests;

/** {@code backbench verify SNAPSHOT --job NAME}: a restore test, recorded in the catalog. */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=verify")
public final class VerifyCommand implements Command {
    private final Catalog catalog;
    private final Lazy<JobRunner> runner;

    @Activate
    public VerifyCommand(@Reference Catalog catalog, @Reference ComponentServiceObjects<JobRunner> runner) {
        this(catalog, Lazy.of(runner));
    }

    VerifyCommand(Catalog catalog, JobRunner runner) {
        this(catalog, Lazy.of(runner));
    }

    private VerifyCommand(Catalog catalog, Lazy<JobRunner> runner) {
        this.catalog = catalog;
        this.runner = runner;
    }

    @Deactivate
    void deactivate() {
        runner.release();
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "Restore-test a snapshot: restore it into a sandbox and check every byte";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench verify SNAPSHOT --job NAME [--sample PERCENT] [--json]

                Restores SNAPSHOT (an id, a prefix of one, or 'latest') of the backup job's repository into a
                temporary folder, compares every restored byte with the repository, measures the restore
                time against the job's RTO and records the result. --sample restores only that share of the
                files, chosen at random. Exit code 0 when it passed within the RTO, 1 otherwise.
                """;
    }

    @Override
    public boolean supportsJson() {
        return true;
    }

    @Override
    public int run(List<String> args, CommandContext ctx) {
        Args a;
        double sample;
        try {
            a = Args.parse(args, Set.of("--job", "--sample"), Set.of());
            sample = a.value("--sample") == null ? 100 : Double.parseDouble(a.value("--sample").replace("%", ""));
        } catch (Args.UsageException e) {
            return ctx.usageError(e.getMessage());
        } catch (NumberFormatException e) {
            return ctx.usageError("--sample wants a percentage, e.g. 10");
        } catch (IllegalArgumentException e) {
            return ctx.usageError(e.getMessage());
        }
        if (a.positional().size() != 1 || a.value("--job") == null) {
            return ctx.usageError("'verify' takes one SNAPSHOT and --job NAME");
        }
        JobDefinition job = catalog.jobByName(a.value("--job")).orElse(null);
        if (job == null) {
            return ctx.failure("no job '" + a.value("--job") + "'; 'backbench jobs list' shows the jobs");
        }
        Run run;
        try {
            run = runner.get().submit(RestoreTests.of(job, a.positional().get(0), sample)).completion().toCompletableFuture().get();
        } catch (IllegalArgumentException e) {
            return ctx.usageError(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ctx.failure("interrupted while waiting for the restore test");
        } catch (ExecutionException e) {
            return ctx.failure("the restore test could not be recorded: " + e.getCause().getMessage());
        }
        Verification v = catalog.verifications(job.id(), 0, 1).items().stream().filter(x -> x.runId() == run.id()).findFirst().orElse(null);
        if (v == null) {
            return ctx.failure("restore test of job '" + job.name() + "' " + run.status().code() + ": " + run.error());
        }
        if (ctx.json()) {
            ctx.out().println(Json.write(Views.json(v)));
        } else {
            ctx.out().println((v.ok() ? "passed: " : "FAILED: ") + v.message());
            v.failedFiles().forEach(f -> ctx.out().println("  " + f));
        }
        return v.ok() ? CommandLine.OK : CommandLine.FAILURE;
    }
}
