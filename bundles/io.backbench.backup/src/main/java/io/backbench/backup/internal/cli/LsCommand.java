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
import io.backbench.cli.api.RepositoryAccess;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.DataFolders;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.OpenedRepository;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.StoredSnapshot;

/** {@code backbench ls SNAPSHOT [PATH]}: the paths in a snapshot, below PATH if given. */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=ls")
public final class LsCommand extends RepoCommandBase {

    @Activate
    public LsCommand(@Reference ConfiguredTargets types, @Reference DataFolders folders) {
        this(types, System::getenv);
        cacheIn(folders);
    }

    LsCommand(ConfiguredTargets types, Function<String, String> env) {
        super(types, env);
    }

    @Override
    public String name() {
        return "ls";
    }

    @Override
    public String summary() {
        return "List the files and folders in a snapshot";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench ls [-l] SNAPSHOT [PATH] [--json]

                Lists every path in SNAPSHOT ('latest' or an id), or only PATH and what is below it.
                -l adds type, mode, owner, size and modification time. --json prints one object a line,
                as restic does.

                """ + COMMON_OPTIONS;
    }

    @Override
    Set<String> valueOptions() {
        return Set.of("--host");
    }

    @Override
    Set<String> flagOptions() {
        return Set.of("-l", "--long");
    }

    @Override
    int run(Args a, RepositoryAccess access, CommandContext ctx) throws IOException {
        if (a.positional().isEmpty() || a.positional().size() > 2) {
            return ctx.usageError("give a snapshot ('latest' or an id) and optionally a path in it");
        }
        String below = a.positional().size() == 2 ? a.positional().get(1).replaceAll("/+$", "") : "";
        boolean longFormat = a.flag("-l", "--long");
        try (OpenedRepository r = access.open()) {
            StoredSnapshot s = SnapshotFinder.find(r.repository(), a.positional().get(0), a.value("--host"));
            if (ctx.json()) {
                Map<String, Object> head = SnapshotsCommand.json(s);
                head.put("struct_type", "snapshot");
                ctx.out().println(Json.write(head));
            } else {
                ctx.out().println("snapshot " + s.id().shortHex() + " of " + s.snapshot().paths() + " at "
                        + Format.time(s.snapshot().time()) + ":");
            }
            int[] count = {0};
            walk(r.repository(), s.snapshot().tree(), "", below, longFormat, ctx, count);
            if (!below.isEmpty() && count[0] == 0) {
                return ctx.failure("there is no " + below + " in snapshot " + s.id().shortHex());
            }
        }
        return ok();
    }

    private void walk(Repository repo, Id tree, String prefix, String below, boolean longFormat, CommandContext ctx, int[] count)
            throws IOException {
        for (Node n : repo.loadTree(tree).nodes()) {
            String path = prefix + "/" + n.name();
            boolean inside = below.isEmpty() || path.equals(below) || path.startsWith(below + "/");
            boolean onTheWay = below.startsWith(path + "/");
            if (inside) {
                count[0]++;
                print(n, path, longFormat, ctx);
            }
            if (n.type() == NodeType.DIR && n.subtree() != null && (inside || onTheWay)) {
                walk(repo, n.subtree(), path, below, longFormat, ctx, count);
            }
        }
    }

    private static void print(Node n, String path, boolean longFormat, CommandContext ctx) {
        if (ctx.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", n.name());
            m.put("type", n.type().jsonName());
            m.put("path", path);
            m.put("uid", n.uid());
            m.put("gid", n.gid());
            if (n.type() == NodeType.FILE) {
                m.put("size", n.size());
            }
            m.put("mode", n.permissions());
            m.put("mtime", n.mtime() == null ? null : n.mtime().toString());
            m.put("struct_type", "node");
            ctx.out().println(Json.write(m));
        } else if (longFormat) {
            ctx.out().printf("%s%04o %6d %6d %10d %s %s%s%n", typeLetter(n.type()), n.permissions(), n.uid(), n.gid(),
                    n.size(), n.mtime() == null ? "-" : Format.time(n.mtime()), path,
                    n.linkTarget() == null ? "" : " -> " + n.linkTarget());
        } else {
            ctx.out().println(path);
        }
    }

    private static char typeLetter(NodeType t) {
        return switch (t) {
            case DIR -> 'd';
            case SYMLINK -> 'l';
            case DEV -> 'b';
            case CHARDEV -> 'c';
            case FIFO -> 'p';
            case SOCKET -> 's';
            default -> '-';
        };
    }
}
