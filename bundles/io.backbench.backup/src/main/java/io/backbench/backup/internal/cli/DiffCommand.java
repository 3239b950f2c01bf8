package io.backbench.backup.internal.cli;

import io.backbench.cli.api.Args;

import io.backbench.cli.api.Json;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.backup.internal.SnapshotFinder;
import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;
import io.backbench.cli.api.RepositoryAccess;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.DataFolders;
import io.backbench.repository.api.OpenedRepository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.SnapshotDiff;
import io.backbench.repository.api.StoredSnapshot;

/** {@code backbench diff SNAP1 SNAP2}: what changed between two snapshots, with restic's letters. */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=diff")
public final class DiffCommand extends RepoCommandBase {

    @Activate
    public DiffCommand(@Reference ConfiguredTargets types, @Reference DataFolders folders) {
        this(types, System::getenv);
        cacheIn(folders);
    }

    DiffCommand(ConfiguredTargets types, Function<String, String> env) {
        super(types, env);
    }

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String summary() {
        return "Show what changed between two snapshots";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench diff SNAPSHOT1 SNAPSHOT2 [--json]

                Lists every path that differs from SNAPSHOT1 to SNAPSHOT2 ('latest', an id or a prefix):
                + added, - removed, M content modified, U metadata only (mode, owner, times, xattrs),
                T type changed; then the counts. --json prints one object per change, then statistics.

                """ + COMMON_OPTIONS;
    }

    @Override
    Set<String> valueOptions() {
        return Set.of();
    }

    @Override
    Set<String> flagOptions() {
        return Set.of();
    }

    @Override
    int run(Args a, RepositoryAccess access, CommandContext ctx) throws IOException {
        if (a.positional().size() != 2) {
            return ctx.usageError("'diff' needs two snapshots ('latest', an id or a prefix of one)");
        }
        SnapshotDiff diff;
        try (OpenedRepository r = access.open()) {
            StoredSnapshot from = SnapshotFinder.find(r.repository(), a.positional().get(0), null);
            StoredSnapshot to = SnapshotFinder.find(r.repository(), a.positional().get(1), null);
            diff = RepositoryOperations.diff(r.repository(), from, to);
        }
        if (!ctx.json()) {
            ctx.out().print(diff.text());
            return CommandLine.OK;
        }
        for (SnapshotDiff.Change c : diff.changes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message_type", "change");
            m.put("path", c.path());
            m.put("modifier", c.kind().symbol());
            ctx.out().println(Json.write(m));
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("message_type", "statistics");
        stats.put("source_snapshot", diff.from().hex());
        stats.put("target_snapshot", diff.to().hex());
        for (SnapshotDiff.Kind k : SnapshotDiff.Kind.values()) {
            stats.put(k.name().toLowerCase(java.util.Locale.ROOT), diff.count(k));
        }
        ctx.out().println(Json.write(stats));
        return CommandLine.OK;
    }
}
