package io.backbench.backup.internal.cli;

import io.backbench.cli.api.Args;

import io.backbench.cli.api.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.backup.api.ExistingFiles;
import io.backbench.backup.api.FileRestore;
import io.backbench.backup.api.RestoreListener;
import io.backbench.backup.api.RestoreOptions;
import io.backbench.backup.api.RestoreResult;
import io.backbench.backup.internal.SnapshotFinder;
import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;
import io.backbench.cli.api.RepositoryAccess;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.DataFolders;
import io.backbench.repository.api.OpenedRepository;
import io.backbench.repository.api.StoredSnapshot;

/** {@code backbench restore SNAPSHOT --target DIR}: restic's restore, plus an existing-file policy. */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=restore")
public final class RestoreCommand extends RepoCommandBase {

    @Activate
    public RestoreCommand(@Reference ConfiguredTargets types, @Reference DataFolders folders) {
        this(types, System::getenv);
        cacheIn(folders);
    }

    RestoreCommand(ConfiguredTargets types, Function<String, String> env) {
        super(types, env);
    }

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String summary() {
        return "Restore a snapshot, or paths in it, into a folder";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench restore SNAPSHOT --target DIR [options] [--json]

                Restores SNAPSHOT ('latest' or an id) below DIR, recreating the snapshot's absolute paths
                (as restic does; --target / restores to the original place), with permissions, owners
                (when run as root), times, symlinks, hard links, FIFOs, devices and extended attributes.
                Files that are mostly zeros are written sparse.

                Options:
                  -t, --target DIR       the folder to restore into (required)
                  -i, --include PATH     restore only PATH (a snapshot path or pattern) and what is below it (repeatable)
                  --existing POLICY      for files that exist: overwrite (default), skip, if-newer
                  --verify               read every restored file back and check it against the snapshot
                  --no-owner             do not restore owners even as root
                  --host NAME            with 'latest': the latest snapshot of host NAME

                """ + COMMON_OPTIONS + """


                Example: backbench restore latest --target /tmp/restore --include /home/me/Documents --verify""";
    }

    @Override
    Set<String> valueOptions() {
        return Set.of("-t", "--target", "-i", "--include", "--existing", "--host");
    }

    @Override
    Set<String> flagOptions() {
        return Set.of("--verify", "--no-owner");
    }

    @Override
    int run(Args a, RepositoryAccess access, CommandContext ctx) throws IOException {
        if (a.positional().size() != 1) {
            return ctx.usageError("give one snapshot to restore ('latest' or an id)");
        }
        String target = a.value("-t", "--target");
        if (target == null) {
            return ctx.usageError("give the folder to restore into with --target DIR");
        }
        ExistingFiles existing = ExistingFiles.OVERWRITE;
        if (a.value("--existing") != null) {
            try {
                existing = ExistingFiles.valueOf(a.value("--existing").toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                return ctx.usageError("--existing takes overwrite, skip or if-newer, not '" + a.value("--existing") + "'");
            }
        }
        RestoreOptions o = RestoreOptions.to(Path.of(target)).withIncludes(a.all("-i", "--include")).withExisting(existing)
                .withVerify(a.flag("--verify"));
        if (a.flag("--no-owner")) {
            o = o.withRestoreOwners(false);
        }
        RestoreResult res;
        StoredSnapshot s;
        try (OpenedRepository r = access.open()) {
            s = SnapshotFinder.find(r.repository(), a.positional().get(0), a.value("--host"));
            if (!ctx.json()) {
                ctx.out().println("restoring snapshot " + s.id().shortHex() + " of " + s.snapshot().paths() + " to " + target);
            }
            RestoreListener errors = new RestoreListener() {
                @Override
                public void error(String path, String message) {
                    ctx.err().println(path == null || path.isEmpty() ? "error: " + message : "error: " + path + ": " + message);
                }
            };
            res = FileRestore.restore(r.repository(), s.id(), o, errors, () -> false);
        }
        if (ctx.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message_type", "summary");
            m.put("snapshot_id", s.id().hex());
            m.put("files_restored", res.files());
            m.put("dirs_restored", res.dirs());
            m.put("others_restored", res.others());
            m.put("files_skipped", res.skipped());
            m.put("bytes_restored", res.bytesWritten());
            m.put("files_verified", res.verified());
            m.put("errors", res.errors());
            ctx.out().println(Json.write(m));
        } else {
            ctx.out().printf("restored %d files, %d folders, %d other entries, %s; %d skipped%s%n", res.files(), res.dirs(),
                    res.others(), Format.bytes(res.bytesWritten()), res.skipped(),
                    o.verify() ? "; " + res.verified() + " files verified" : "");
        }
        if (!res.ok()) {
            ctx.err().println("backbench: the restore is incomplete: " + res.errors().size() + " problem"
                    + (res.errors().size() == 1 ? "" : "s") + " (see the errors above)");
            return CommandLine.FAILURE;
        }
        return CommandLine.OK;
    }
}
