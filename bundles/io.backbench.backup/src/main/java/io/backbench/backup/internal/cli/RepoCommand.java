package io.backbench.backup.internal.cli;

import io.backbench.cli.api.Args;

import io.backbench.cli.api.Json;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import io.backbench.repository.api.Id;
import io.backbench.repository.api.KeyInfo;
import io.backbench.repository.api.OpenedRepository;
import io.backbench.repository.api.Repository;

/** {@code backbench repo init|key ...}: creating a repository and managing its keys. */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=repo")
public final class RepoCommand extends RepoCommandBase {

    @Activate
    public RepoCommand(@Reference ConfiguredTargets types, @Reference DataFolders folders) {
        this(types, System::getenv);
        cacheIn(folders);
    }

    RepoCommand(ConfiguredTargets types, Function<String, String> env) {
        super(types, env);
    }

    @Override
    public String name() {
        return "repo";
    }

    @Override
    public String summary() {
        return "Create, check and maintain a repository: init, check, prune, stats, unlock, rebuild-index, key";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench repo init [--json]
                       backbench repo check [--read-data | --read-data-subset 5%|n/t] [--json]
                       backbench repo prune [--max-unused 5%] [--dry-run] [--json]
                       backbench repo stats [SNAPSHOT...] [--host NAME] [--json]
                       backbench repo unlock [--remove-all]
                       backbench repo rebuild-index [--read-all-packs]
                       backbench repo key list [--json]
                       backbench repo key add [--new-password-file FILE]
                       backbench repo key remove KEY-ID
                       backbench repo key passwd [--new-password-file FILE]

                init creates an empty repository (restic's format version 2) at the location; restic can
                use it too.
                check examines snapshots, trees, index and pack headers; --read-data also reads every
                pack and verifies each blob, --read-data-subset only some packs: 5% picks at random, 2/7
                the second of seven parts (run 1/7 to 7/7 on successive days to read everything once a
                week). Exit code 1 when the repository is damaged; each error names the pack, the blob
                and the files it affects.
                prune deletes data no snapshot uses (after 'backbench forget') and repacks partly used
                packs, leaving at most --max-unused of the repository unused (default 5%, 'unlimited'
                repacks nothing). --dry-run shows what would be done.
                stats shows the raw size of the snapshots (all, or the ones named), their size after
                deduplication and as stored, and the ratios.
                unlock removes stale locks (older than 30 minutes, or of a process on this host that
                is gone); --remove-all removes every lock: only when no other command is running.
                rebuild-index writes a new index from the pack files (after a crash or damage).
                key manages the passwords (each one a key file for the same master key); a new
                password comes from --new-password-file, $BACKBENCH_NEW_PASSWORD or a prompt.

                """ + COMMON_OPTIONS;
    }

    /** Each sub-command's own options; the union is parsed, then a sub-command refuses the others. */
    private static final Map<String, Set<String>> OWN_OPTIONS = Map.of("init", Set.of(),
            "key", Set.of("--new-password-file"), "check", Set.of("--read-data", "--read-data-subset"),
            "prune", Set.of("--max-unused", "--dry-run"), "stats", Set.of("--host"), "unlock", Set.of("--remove-all"),
            "rebuild-index", Set.of("--read-all-packs"));

    @Override
    Set<String> valueOptions() {
        return Set.of("--new-password-file", "--read-data-subset", "--max-unused", "--host");
    }

    @Override
    Set<String> flagOptions() {
        return Set.of("--read-data", "--dry-run", "--remove-all", "--read-all-packs");
    }

    @Override
    int run(Args a, RepositoryAccess access, CommandContext ctx) throws IOException, Args.UsageException {
        List<String> p = a.positional();
        if (p.isEmpty()) {
            return ctx.usageError("'repo' needs a sub-command: init, check, prune, stats, unlock, rebuild-index or key");
        }
        Set<String> own = OWN_OPTIONS.get(p.get(0));
        if (own == null) {
            return ctx.usageError("unknown sub-command 'repo " + p.get(0) + "'; 'backbench help repo' lists them");
        }
        for (String o : a.given()) {
            if (!own.contains(o) && !RepositoryAccess.OPTIONS.contains(o)) {
                return ctx.usageError("option " + o + " does not apply to 'repo " + p.get(0) + "'");
            }
        }
        switch (p.get(0)) {
            case "check":
                return RepoMaintenance.check(a, access, ctx);
            case "prune":
                return RepoMaintenance.prune(a, access, ctx);
            case "stats":
                return RepoMaintenance.stats(a, access, ctx);
            case "unlock":
                return RepoMaintenance.unlock(a, access, ctx);
            case "rebuild-index":
                return RepoMaintenance.rebuildIndex(a, access, ctx);
            case "init":
                if (p.size() != 1) {
                    return ctx.usageError("'repo init' takes no arguments");
                }
                try (OpenedRepository r = access.init()) {
                    if (ctx.json()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("message_type", "initialized");
                        m.put("id", r.repository().config().id());
                        m.put("repository", access.displayLocation());
                        ctx.out().println(Json.write(m));
                    } else {
                        ctx.out().println("created repository " + r.repository().config().id().substring(0, 10) + " at " + access.displayLocation());
                        ctx.out().println("Please note that knowledge of your password is required to access the repository."
                                + " Losing your password means that your data is irrecoverably lost.");
                    }
                }
                return ok();
            case "key":
                return key(p.subList(1, p.size()), a, access, ctx);
            default:
                return ctx.usageError("unknown sub-command 'repo " + p.get(0) + "'");
        }
    }

    private int key(List<String> p, Args a, RepositoryAccess access, CommandContext ctx) throws IOException {
        if (p.isEmpty()) {
            return ctx.usageError("'repo key' needs list, add, remove or passwd");
        }
        try (OpenedRepository r = access.open()) {
            Repository repo = r.repository();
            switch (p.get(0)) {
                case "list" -> {
                    List<Object> out = new ArrayList<>();
                    for (KeyInfo k : repo.keys()) {
                        if (ctx.json()) {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("current", k.current());
                            m.put("id", k.id().hex());
                            m.put("userName", k.username());
                            m.put("hostName", k.hostname());
                            m.put("created", k.created() == null ? null : k.created().toString());
                            out.add(m);
                        } else {
                            ctx.out().printf("%s%-8s  %-10s  %-16s  %s%n", k.current() ? "*" : " ", k.id().shortHex(),
                                    k.username(), k.hostname(), k.created() == null ? "" : Format.time(k.created()));
                        }
                    }
                    if (ctx.json()) {
                        ctx.out().println(Json.write(out));
                    }
                }
                case "add" -> ctx.out().println("saved new key " + repo.addKey(newPassword(a)).shortHex());
                case "passwd" -> ctx.out().println("saved new password as key " + repo.changePassword(newPassword(a)).shortHex());
                case "remove" -> {
                    if (p.size() != 2) {
                        return ctx.usageError("'repo key remove' needs the id of the key (see 'repo key list')");
                    }
                    Id id = findKey(repo, p.get(1));
                    repo.removeKey(id);
                    ctx.out().println("removed key " + id.shortHex());
                }
                default -> {
                    return ctx.usageError("unknown sub-command 'repo key " + p.get(0) + "'");
                }
            }
        }
        return ok();
    }

    private static Id findKey(Repository repo, String prefix) throws IOException {
        List<Id> hits = repo.keys().stream().map(KeyInfo::id).filter(id -> id.hex().startsWith(prefix.toLowerCase())).toList();
        if (hits.size() != 1) {
            throw new IOException(hits.isEmpty() ? "no key " + prefix + "; 'backbench repo key list' shows them"
                    : "'" + prefix + "' names " + hits.size() + " keys; give more digits");
        }
        return hits.get(0);
    }

    private char[] newPassword(Args a) throws IOException {
        String file = a.value("--new-password-file");
        if (file != null) {
            String s = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            return (nl >= 0 ? s.substring(0, nl) : s).toCharArray();
        }
        String e = env.apply("BACKBENCH_NEW_PASSWORD");
        if (e != null) {
            return e.toCharArray();
        }
        Console c = System.console();
        if (c == null) {
            throw new IOException("no new password: use --new-password-file FILE, set BACKBENCH_NEW_PASSWORD, or run on a terminal");
        }
        char[] p = c.readPassword("enter new password: ");
        char[] again = c.readPassword("enter new password again: ");
        if (p == null || p.length == 0 || !java.util.Arrays.equals(p, again)) {
            throw new IOException("the new passwords are empty or do not match; nothing was changed");
        }
        return p;
    }
}
