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
import io.backbench.repository.api.FindMatch;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.OpenedRepository;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.StoredSnapshot;

/** {@code backbench find PATTERN}: which snapshots hold a file, as restic's find. */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=find")
public final class FindCommand extends RepoCommandBase {

    @Activate
    public FindCommand(@Reference ConfiguredTargets types, @Reference DataFolders folders) {
        this(types, System::getenv);
        cacheIn(folders);
    }

    FindCommand(ConfiguredTargets types, Function<String, String> env) {
        super(types, env);
    }

    @Override
    public String name() {
        return "find";
    }

    @Override
    public String summary() {
        return "Find files and folders by name or path across snapshots";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench find PATTERN [-s SNAPSHOT]... [--host NAME] [-i] [--json]

                Lists the entries matching PATTERN in every snapshot (or the ones given with -s), oldest
                snapshot first. PATTERN is a glob (*, ?, [a-z]; * stops at /): without a / it matches
                names at any depth (e.g. '*.pdf'), with one it matches whole paths from the snapshot's
                root (e.g. '/home/*/notes.txt'). -i ignores case. Quote the pattern for the shell.

                """ + COMMON_OPTIONS;
    }

    @Override
    Set<String> valueOptions() {
        return Set.of("-s", "--snapshot", "--host");
    }

    @Override
    Set<String> flagOptions() {
        return Set.of("-i", "--ignore-case");
    }

    @Override
    int run(Args a, RepositoryAccess access, CommandContext ctx) throws IOException {
        if (a.positional().size() != 1) {
            return ctx.usageError("'find' needs one pattern, e.g. backbench find '*.pdf'");
        }
        String host = a.value("--host");
        List<FindMatch> matches;
        try (OpenedRepository r = access.open()) {
            Repository repo = r.repository();
            List<StoredSnapshot> snaps = new ArrayList<>();
            for (String ref : a.all("-s", "--snapshot")) {
                snaps.add(SnapshotFinder.find(repo, ref, host));
            }
            if (snaps.isEmpty()) {
                snaps.addAll(repo.snapshots().stream().filter(s -> host == null || host.equals(s.snapshot().hostname())).toList());
            }
            if (snaps.isEmpty()) {
                return ctx.failure("there is no snapshot in " + repo.describe() + (host == null ? "" : " of host " + host));
            }
            matches = RepositoryOperations.find(repo, snaps, a.positional().get(0), a.flag("-i", "--ignore-case"));
        }
        if (ctx.json()) {
            printJson(matches, ctx);
        } else {
            printText(matches, ctx);
        }
        return CommandLine.OK;
    }

    private static void printText(List<FindMatch> matches, CommandContext ctx) {
        StoredSnapshot current = null;
        for (FindMatch m : matches) {
            if (current == null || !current.id().equals(m.snapshot().id())) {
                current = m.snapshot();
                ctx.out().println("Found matching entries in snapshot " + current.id().shortHex() + " from "
                        + Format.time(current.snapshot().time()));
            }
            Node n = m.node();
            ctx.out().println(m.path() + (n.type() == NodeType.DIR ? "/" : ""));
        }
        if (matches.isEmpty()) {
            ctx.err().println("no matching entries");
        }
    }

    // restic's shape: one object per snapshot with its matches
    private static void printJson(List<FindMatch> matches, CommandContext ctx) {
        Map<String, Map<String, Object>> bySnapshot = new LinkedHashMap<>();
        for (FindMatch m : matches) {
            Map<String, Object> group = bySnapshot.computeIfAbsent(m.snapshot().id().hex(), k -> {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("matches", new ArrayList<>());
                g.put("hits", 0);
                g.put("snapshot", k);
                return g;
            });
            Node n = m.node();
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("path", m.path());
            hit.put("type", n.type().jsonName());
            hit.put("size", n.size());
            hit.put("uid", n.uid());
            hit.put("gid", n.gid());
            hit.put("mode", n.permissions());
            hit.put("mtime", n.mtime() == null ? null : n.mtime().toString());
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) group.get("matches");
            list.add(hit);
            group.put("hits", list.size());
        }
        ctx.out().println(Json.write(new ArrayList<>(bySnapshot.values())));
    }
}
