package io.backbench.jobs.internal.cli;

import io.backbench.cli.api.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Page;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.RunQuery;
import io.backbench.catalog.api.RunStatus;
import io.backbench.cli.api.Args;
import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;

/** {@code backbench history}: the newest runs from the catalog. */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=history")
public final class HistoryCommand implements Command {
    private final Catalog catalog;

    @Activate
    public HistoryCommand(@Reference Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String summary() {
        return "Show the job history (newest runs first)";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench history [--job NAME] [--status STATUS] [--limit N] [--json]

                The newest runs first (default 20): id, job, kind, start, duration, status, bytes read and
                new, and the summary or error. STATUS: running, succeeded, succeeded_with_warnings, failed,
                cancelled, interrupted.
                """;
    }

    @Override
    public boolean supportsJson() {
        return true;
    }

    @Override
    public int run(List<String> args, CommandContext ctx) {
        Args a;
        int limit;
        RunFilter filter = RunFilter.ALL;
        try {
            a = Args.parse(args, Set.of("--job", "--status", "--limit"), Set.of());
            limit = a.value("--limit") == null ? 20 : Integer.parseInt(a.value("--limit"));
            if (!a.positional().isEmpty()) {
                return ctx.usageError("'history' takes no arguments");
            }
            if (a.value("--status") != null) {
                filter = filter.withStatuses(Set.of(RunStatus.ofCode(a.value("--status"))));
            }
        } catch (Args.UsageException e) {
            return ctx.usageError(e.getMessage());
        } catch (NumberFormatException e) {
            return ctx.usageError("--limit wants a number");
        } catch (IllegalArgumentException e) {
            return ctx.usageError(e.getMessage().startsWith("No enum") ? "unknown status; use running, succeeded,"
                    + " succeeded_with_warnings, failed, cancelled or interrupted" : e.getMessage());
        }
        if (a.value("--job") != null) {
            JobDefinition j = catalog.jobByName(a.value("--job")).orElse(null);
            if (j == null) {
                return ctx.failure("no job '" + a.value("--job") + "'; 'backbench jobs list' shows the jobs");
            }
            filter = filter.withJobIds(Set.of(j.id()));
        }
        Page<Run> page = catalog.runs(RunQuery.newest().withFilter(filter).page(0, Math.max(1, Math.min(limit, RunQuery.MAX_LIMIT))));
        if (ctx.json()) {
            List<Object> out = new ArrayList<>();
            page.items().forEach(r -> out.add(Views.json(r)));
            ctx.out().println(Json.write(out));
            return CommandLine.OK;
        }
        if (page.items().isEmpty()) {
            ctx.out().println("no runs yet");
            return CommandLine.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "JOB", "KIND", "STARTED", "DURATION", "STATUS", "READ", "NEW", "RESULT"});
        for (Run r : page.items()) {
            rows.add(new String[] {Long.toString(r.id()), r.jobName(), r.kind(), Views.time(r.started()), Views.duration(r), r.status().code(),
                    Long.toString(r.metrics().bytesRead()), Long.toString(r.metrics().bytesNew()),
                    r.error().isEmpty() ? r.metrics().summary() : r.error()});
        }
        ctx.out().print(Views.table(rows));
        ctx.out().println(page.items().size() + " of " + page.total() + " runs");
        return CommandLine.OK;
    }
}
