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

import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.RepositoryAccess;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.DataFolders;
import io.backbench.repository.api.OpenedRepository;
import io.backbench.repository.api.Snapshot;
import io.backbench.repository.api.StoredSnapshot;

/** {@code backbench snapshots}: the snapshots, oldest first, as restic lists them. */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=snapshots")
public final class SnapshotsCommand extends RepoCommandBase {

    @Activate
    public SnapshotsCommand(@Reference ConfiguredTargets types, @Reference DataFolders folders) {
        this(types, System::getenv);
        cacheIn(folders);
    }

    SnapshotsCommand(ConfiguredTargets types, Function<String, String> env) {
        super(types, env);
    }

    @Override
    public String name() {
        return "snapshots";
    }

    @Override
    public String summary() {
        return "List the snapshots in a repository";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench snapshots [--host NAME] [--tag TAG] [--json]

                Lists the snapshots, oldest first: id, time, host, tags and paths. --json gives restic's
                fields (id, short_id, time, tree, paths, hostname, username, uid, gid, tags, parent).

                """ + COMMON_OPTIONS;
    }

    @Override
    Set<String> valueOptions() {
        return Set.of("--host", "--tag");
    }

    @Override
    Set<String> flagOptions() {
        return Set.of();
    }

    @Override
    int run(Args a, RepositoryAccess access, CommandContext ctx) throws IOException {
        if (!a.positional().isEmpty()) {
            return ctx.usageError("'snapshots' takes no arguments");
        }
        String host = a.value("--host");
        List<String> tags = a.all("--tag");
        List<StoredSnapshot> list = new ArrayList<>();
        try (OpenedRepository r = access.open()) {
            for (StoredSnapshot s : r.repository().snapshots()) {
                if ((host == null || host.equals(s.snapshot().hostname())) && s.snapshot().tags().containsAll(tags)) {
                    list.add(s);
                }
            }
        }
        if (ctx.json()) {
            List<Object> out = new ArrayList<>();
            for (StoredSnapshot s : list) {
                out.add(json(s));
            }
            ctx.out().println(Json.write(out));
            return ok();
        }
        ctx.out().printf("%-8s  %-19s  %-16s  %-12s  %s%n", "ID", "Time", "Host", "Tags", "Paths");
        ctx.out().println("-".repeat(78));
        for (StoredSnapshot s : list) {
            Snapshot n = s.snapshot();
            List<String> paths = n.paths().isEmpty() ? List.of("") : n.paths();
            for (int i = 0; i < paths.size(); i++) {
                ctx.out().printf("%-8s  %-19s  %-16s  %-12s  %s%n", i == 0 ? s.id().shortHex() : "",
                        i == 0 ? Format.time(n.time()) : "", i == 0 ? nullToEmpty(n.hostname()) : "",
                        i == 0 ? String.join(",", n.tags()) : "", paths.get(i));
            }
        }
        ctx.out().println("-".repeat(78));
        ctx.out().println(list.size() + " snapshots");
        return ok();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static Map<String, Object> json(StoredSnapshot s) {
        Snapshot n = s.snapshot();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", n.time().toString());
        if (n.parent() != null) {
            m.put("parent", n.parent().hex());
        }
        m.put("tree", n.tree().hex());
        m.put("paths", n.paths());
        m.put("hostname", n.hostname());
        m.put("username", n.username());
        m.put("uid", n.uid());
        m.put("gid", n.gid());
        m.put("excludes", n.excludes());
        m.put("tags", n.tags());
        m.put("id", s.id().hex());
        m.put("short_id", s.id().shortHex());
        return m;
    }
}
