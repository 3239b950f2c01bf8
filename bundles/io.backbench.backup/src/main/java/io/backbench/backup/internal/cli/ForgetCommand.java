package io.backbench.backup.internal.cli;

import io.backbench.cli.api.Args;

import io.backbench.cli.api.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import io.backbench.repository.api.ForgetGroup;
import io.backbench.repository.api.ForgetResult;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.KeptSnapshot;
import io.backbench.repository.api.OpenedRepository;
import io.backbench.repository.api.PruneOptions;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.RetentionPolicy;
import io.backbench.repository.api.SnapshotFilter;
import io.backbench.repository.api.SnapshotGrouping;
import io.backbench.repository.api.StoredSnapshot;

/** {@code backbench forget}: removes snapshots by retention policy or by id, as restic's forget does. */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=forget")
public final class ForgetCommand extends RepoCommandBase {
    private static final List<String> COUNTS = List.of("--keep-last", "--keep-hourly", "--keep-daily", "--keep-weekly",
            "--keep-monthly", "--keep-yearly");
    private static final List<String> WITHIN = List.of("--keep-within", "--keep-within-hourly", "--keep-within-daily",
            "--keep-within-weekly", "--keep-within-monthly", "--keep-within-yearly");

    @Activate
    public ForgetCommand(@Reference ConfiguredTargets types, @Reference DataFolders folders) {
        this(types, System::getenv);
        cacheIn(folders);
    }

    ForgetCommand(ConfiguredTargets types, Function<String, String> env) {
        super(types, env);
    }

    @Override
    public String name() {
        return "forget";
    }

    @Override
    public String summary() {
        return "Remove snapshots by a retention policy (keep last, hourly, daily, ...) or by id";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench forget [policy] [filters] [--dry-run] [--prune] [--json]
                       backbench forget SNAPSHOT-ID...

                Groups the snapshots (by host and paths unless --group-by says otherwise), keeps in each
                group what the policy keeps and removes the rest. Snapshots are ranked newest first; a
                snapshot is kept if any rule keeps it. The data stays until 'backbench repo prune'
                (or --prune here).

                Policy:
                  --keep-last N              the N newest snapshots
                  --keep-hourly N            the newest snapshot of each of the last N hours that have one
                  --keep-daily N             ... days
                  --keep-weekly N            ... ISO weeks
                  --keep-monthly N           ... months
                  --keep-yearly N            ... years
                  --keep-within 1y2m3d4h     every snapshot within that span of the newest one
                  --keep-within-hourly/-daily/-weekly/-monthly/-yearly SPAN
                                             the newest of each period, within that span
                  --keep-tag TAG[,TAG]       every snapshot that has all these tags (repeatable)
                Filters and grouping:
                  --host NAME, --tag TAG[,TAG], --path PATH   only consider matching snapshots (repeatable)
                  --group-by host,paths,tags                  how to group (default host,paths; '' for one group)
                Actions:
                  --dry-run                  only show what would be removed
                  --prune                    run 'repo prune' afterwards (with --max-unused 5%)

                """ + COMMON_OPTIONS + """


                Example: backbench forget --keep-daily 7 --keep-weekly 5 --keep-monthly 12 --prune""";
    }

    @Override
    Set<String> valueOptions() {
        Set<String> s = new java.util.HashSet<>(COUNTS);
        s.addAll(WITHIN);
        s.addAll(Set.of("--keep-tag", "--host", "--tag", "--path", "--group-by", "--max-unused"));
        return s;
    }

    @Override
    Set<String> flagOptions() {
        return Set.of("--dry-run", "--prune");
    }

    @Override
    int run(Args a, RepositoryAccess access, CommandContext ctx) throws IOException, Args.UsageException {
        RetentionPolicy policy = policy(a);
        boolean dryRun = a.flag("--dry-run");
        if (a.value("--max-unused") != null && !a.flag("--prune")) {
            throw new Args.UsageException("--max-unused only applies with --prune");
        }
        if (!a.positional().isEmpty() && !policy.empty()) {
            throw new Args.UsageException("give either snapshot ids or a --keep-... policy, not both");
        }
        if (a.positional().isEmpty() && policy.empty()) {
            throw new Args.UsageException("no policy given: use --keep-last, --keep-daily, ... or name snapshot ids;"
                    + " nothing was removed");
        }
        PruneOptions pruneOptions = RepoMaintenance.pruneOptions(a);
        try (OpenedRepository r = access.open()) {
            Repository repo = r.repository();
            if (!a.positional().isEmpty()) {
                forgetByIds(repo, a.positional(), dryRun, ctx);
            } else {
                SnapshotGrouping grouping;
                try {
                    grouping = a.value("--group-by") == null ? SnapshotGrouping.HOST_AND_PATHS : SnapshotGrouping.parse(a.value("--group-by"));
                } catch (IllegalArgumentException e) {
                    throw new Args.UsageException(e.getMessage());
                }
                List<List<String>> tags = a.all("--tag").stream().map(ForgetCommand::tagList).toList();
                SnapshotFilter filter = new SnapshotFilter(a.all("--host"), tags, a.all("--path"));
                ForgetResult result = RepositoryOperations.forget(repo, policy, grouping, filter, dryRun);
                print(result, ctx);
            }
            if (a.flag("--prune")) {
                if (!ctx.json()) {
                    ctx.out().println(dryRun ? "prune (dry run):" : "prune:");
                }
                RepoMaintenance.print(RepositoryOperations.prune(repo, pruneOptions), ctx);
            }
        }
        return CommandLine.OK;
    }

    private static void forgetByIds(Repository repo, List<String> refs, boolean dryRun, CommandContext ctx) throws IOException {
        List<Id> ids = new ArrayList<>();
        for (String ref : refs) {
            ids.add(SnapshotFinder.find(repo, ref, null).id());
        }
        List<String> removed = new ArrayList<>();
        if (dryRun) {
            ids.forEach(id -> removed.add(id.hex()));
        } else {
            RepositoryOperations.forget(repo, ids).forEach(s -> removed.add(s.id().hex()));
        }
        if (ctx.json()) {
            ctx.out().println(Json.write(Map.of(dryRun ? "would_remove" : "removed", removed)));
        } else {
            for (String id : removed) {
                ctx.out().println((dryRun ? "would remove snapshot " : "removed snapshot ") + id.substring(0, 8));
            }
        }
    }

    private static RetentionPolicy policy(Args a) throws Args.UsageException {
        RetentionPolicy p = RetentionPolicy.none();
        p = p.keepLast(a.count("--keep-last", 0)).keepHourly(a.count("--keep-hourly", 0)).keepDaily(a.count("--keep-daily", 0))
                .keepWeekly(a.count("--keep-weekly", 0)).keepMonthly(a.count("--keep-monthly", 0))
                .keepYearly(a.count("--keep-yearly", 0));
        try {
            p = p.keepWithin(span(a, "--keep-within")).keepWithinHourly(span(a, "--keep-within-hourly"))
                    .keepWithinDaily(span(a, "--keep-within-daily")).keepWithinWeekly(span(a, "--keep-within-weekly"))
                    .keepWithinMonthly(span(a, "--keep-within-monthly")).keepWithinYearly(span(a, "--keep-within-yearly"));
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        for (String t : a.all("--keep-tag")) {
            p = p.keepTag(t);
        }
        return p;
    }

    private static RetentionPolicy.Span span(Args a, String name) {
        String v = a.value(name);
        return v == null ? null : RetentionPolicy.Span.parse(v);
    }

    private static List<String> tagList(String s) {
        return java.util.Arrays.stream(s.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private static void print(ForgetResult result, CommandContext ctx) {
        if (!ctx.json()) {
            ctx.out().print(result.text());
            int n = result.removed().size();
            ctx.out().println((result.dryRun() ? "would remove " : "removed ") + n + (n == 1 ? " snapshot" : " snapshots"));
            return;
        }
        // restic's forget --json: one object per group
        List<Object> out = new ArrayList<>();
        for (ForgetGroup g : result.groups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tags", g.tags());
            m.put("host", g.host());
            m.put("paths", g.paths());
            List<Object> keep = new ArrayList<>();
            List<Object> reasons = new ArrayList<>();
            for (KeptSnapshot k : g.keep()) {
                keep.add(SnapshotsCommand.json(k.snapshot()));
                Map<String, Object> reason = new LinkedHashMap<>();
                reason.put("snapshot", SnapshotsCommand.json(k.snapshot()));
                reason.put("matches", k.reasons());
                reasons.add(reason);
            }
            m.put("keep", keep);
            List<Object> remove = new ArrayList<>();
            for (StoredSnapshot s : g.remove()) {
                remove.add(SnapshotsCommand.json(s));
            }
            m.put("remove", remove);
            m.put("reasons", reasons);
            m.put("dry_run", result.dryRun());
            out.add(m);
        }
        ctx.out().println(Json.write(out));
    }
}
