package io.backbench.jobs.internal.cli;

import io.backbench.cli.api.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Run;
import io.backbench.cli.api.Args;
import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.jobs.scheduler.api.Scheduler;

/** {@code backbench jobs list|add|run|remove}: the job definitions in the catalog. */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=jobs")
public final class JobsCommand implements Command {
    private static final Set<String> ADD_VALUES = Set.of("--kind", "--repo", "--source", "--schedule", "--retention", "--rpo", "--rto",
            "--password-file", "--exclude", "--option");

    private final Catalog catalog;
    private final Lazy<JobRunner> runner;
    private final Lazy<Scheduler> scheduler;

    // (the catalog service of a CLI process opens its database on first use itself)
    @Activate
    public JobsCommand(@Reference Catalog catalog, @Reference ComponentServiceObjects<JobRunner> runner,
                       @Reference ComponentServiceObjects<Scheduler> scheduler) {
        this(catalog, Lazy.of(runner), Lazy.of(scheduler));
    }

    JobsCommand(Catalog catalog, JobRunner runner, Scheduler scheduler) {
        this(catalog, Lazy.of(runner), Lazy.of(scheduler));
    }

    private JobsCommand(Catalog catalog, Lazy<JobRunner> runner, Lazy<Scheduler> scheduler) {
        this.catalog = catalog;
        this.runner = runner;
        this.scheduler = scheduler;
    }

    @Deactivate
    void deactivate() {
        runner.release();
        scheduler.release();
    }

    @Override
    public String name() {
        return "jobs";
    }

    @Override
    public String summary() {
        return "List, add, run and remove job definitions";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench jobs list [--json]
                       backbench jobs add NAME --kind KIND --repo LOCATION [--source PATH]... [--schedule SPEC]
                                 [--retention SPEC] [--rpo DURATION] [--rto DURATION] [--password-file FILE]
                                 [--exclude GLOB]... [--option KEY=VALUE]... [--disabled]
                       backbench jobs run NAME [--json]
                       backbench jobs remove NAME

                Kinds: backup, restore-test, retention, check (and those plugins add). LOCATION is a folder or
                TYPE:key=value,... as for 'backbench snapshots -r'. SPEC for --schedule: 'daily 02:30',
                'weekly mon,thu 03:00', 'every 6h', 'cron 0 3 * * 1-5' or 'manual'; for --retention:
                last=7,daily=14,weekly=8,monthly=12,yearly=3. DURATION: 26h, 90m, 7d, 1h30m.
                A check job reads pack data as '--option read-data=' says: none, all, 5%, 2/10, or
                rotate/T (the default rotate/10: each run reads the next tenth, ten runs read it all).
                'run' waits for the run to end; exit code 0 succeeded, 3 with warnings, 1 failed.

                Example: backbench jobs add home --kind backup --repo /mnt/nas/repo --source /home \\
                           --schedule 'daily 02:30' --rpo 26h --rto 4h --password-file ~/.backbench-pw
                """;
    }

    @Override
    public boolean supportsJson() {
        return true;
    }

    @Override
    public int run(List<String> args, CommandContext ctx) {
        if (args.isEmpty()) {
            return ctx.usageError("'jobs' needs a sub-command: list, add, run or remove");
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "list" -> list(Args.parse(rest, Set.of(), Set.of()), ctx);
                case "add" -> add(Args.parse(rest, ADD_VALUES, Set.of("--disabled")), ctx);
                case "run" -> runJob(Args.parse(rest, Set.of(), Set.of()), ctx);
                case "remove" -> remove(Args.parse(rest, Set.of(), Set.of()), ctx);
                default -> ctx.usageError("unknown sub-command 'jobs " + args.get(0) + "': use list, add, run or remove");
            };
        } catch (Args.UsageException | IllegalArgumentException e) {
            return ctx.usageError(e.getMessage());
        }
    }

    private int list(Args a, CommandContext ctx) {
        if (!a.positional().isEmpty()) {
            return ctx.usageError("'jobs list' takes no arguments");
        }
        List<JobDefinition> jobs = catalog.jobs();
        if (ctx.json()) {
            List<Object> out = new ArrayList<>();
            jobs.forEach(j -> out.add(Views.json(j, next(j))));
            ctx.out().println(Json.write(out));
            return CommandLine.OK;
        }
        if (jobs.isEmpty()) {
            ctx.out().println("no jobs; add one with 'backbench jobs add'");
            return CommandLine.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "KIND", "SCHEDULE", "NEXT RUN", "REPOSITORY"});
        for (JobDefinition j : jobs) {
            Instant n = next(j);
            rows.add(new String[] {j.name(), j.kind(), j.schedule().isEmpty() ? "manual" : j.schedule() + (j.enabled() ? "" : " (disabled)"),
                    Views.time(n), j.repository()});
        }
        ctx.out().print(Views.table(rows));
        return CommandLine.OK;
    }

    private Instant next(JobDefinition j) {
        return scheduler.get().nextRun(j.id()).orElse(null);
    }

    private int add(Args a, CommandContext ctx) {
        if (a.positional().size() != 1) {
            return ctx.usageError("'jobs add' takes one NAME");
        }
        String kind = a.value("--kind");
        String repo = a.value("--repo");
        if (kind == null || repo == null) {
            return ctx.usageError("'jobs add' needs --kind and --repo");
        }
        if (catalog.jobByName(a.positional().get(0)).isPresent()) {
            return ctx.failure("there is already a job named '" + a.positional().get(0) + "'; remove it first or choose another name");
        }
        JobDefinition j = JobDefinition.of(a.positional().get(0), kind, repo, a.all("--source"))
                .withSchedule(Optional.ofNullable(a.value("--schedule")).orElse(""))
                .withRetention(Optional.ofNullable(a.value("--retention")).orElse(""))
                .withObjectives(a.value("--rpo") == null ? null : Durations.parse(a.value("--rpo")),
                        a.value("--rto") == null ? null : Durations.parse(a.value("--rto")))
                .withEnabled(!a.flag("--disabled"));
        if (a.value("--password-file") != null) {
            j = j.withOption(JobOptions.PASSWORD_FILE, java.nio.file.Path.of(a.value("--password-file")).toAbsolutePath().toString());
        }
        if (!a.all("--exclude").isEmpty()) {
            j = j.withOption(JobOptions.EXCLUDES, String.join("\n", a.all("--exclude")));
        }
        for (String kv : a.all("--option")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                return ctx.usageError("--option wants KEY=VALUE, not '" + kv + "'");
            }
            j = j.withOption(kv.substring(0, eq), kv.substring(eq + 1));
        }
        runner.get().validate(j);
        JobDefinition saved = catalog.saveJob(j);
        if (ctx.json()) {
            ctx.out().println(Json.write(Views.json(saved, next(saved))));
        } else {
            ctx.out().println("added job '" + saved.name() + "' (" + saved.kind() + ", " + (saved.schedule().isEmpty() ? "manual" : saved.schedule())
                    + ")");
        }
        return CommandLine.OK;
    }

    private int runJob(Args a, CommandContext ctx) {
        if (a.positional().size() != 1) {
            return ctx.usageError("'jobs run' takes one NAME");
        }
        Optional<JobDefinition> job = catalog.jobByName(a.positional().get(0));
        if (job.isEmpty()) {
            return ctx.failure("no job '" + a.positional().get(0) + "'; 'backbench jobs list' shows the jobs");
        }
        Run run;
        try {
            run = runner.get().submit(job.get()).completion().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ctx.failure("interrupted while waiting for the run");
        } catch (java.util.concurrent.ExecutionException e) {
            return ctx.failure("the run could not be recorded: " + e.getCause().getMessage());
        }
        if (ctx.json()) {
            ctx.out().println(Json.write(Views.json(run)));
        } else {
            ctx.out().println("run " + run.id() + " of '" + run.jobName() + "': " + run.status().code() + " in " + Views.duration(run)
                    + (run.metrics().summary().isEmpty() ? "" : ": " + run.metrics().summary()));
        }
        return switch (run.status()) {
            case SUCCEEDED -> CommandLine.OK;
            case SUCCEEDED_WITH_WARNINGS -> CommandLine.WARNINGS;
            default -> ctx.failure("job '" + run.jobName() + "' " + run.status().code() + ": " + run.error());
        };
    }

    private int remove(Args a, CommandContext ctx) {
        if (a.positional().size() != 1) {
            return ctx.usageError("'jobs remove' takes one NAME");
        }
        Optional<JobDefinition> j = catalog.jobByName(a.positional().get(0));
        if (j.isEmpty()) {
            return ctx.failure("no job '" + a.positional().get(0) + "'; 'backbench jobs list' shows the jobs");
        }
        catalog.deleteJob(j.get().id());
        ctx.out().println("removed job '" + j.get().name() + "' (its runs stay in the history)");
        return CommandLine.OK;
    }
}
