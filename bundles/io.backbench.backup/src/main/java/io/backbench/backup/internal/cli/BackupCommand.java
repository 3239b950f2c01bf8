package io.backbench.backup.internal.cli;

import io.backbench.cli.api.Args;

import io.backbench.cli.api.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.backup.api.BackupListener;
import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.BackupProgress;
import io.backbench.backup.api.BackupResult;
import io.backbench.backup.api.FileBackup;
import io.backbench.backup.api.SourceScan;
import io.backbench.backup.internal.SnapshotFinder;
import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;
import io.backbench.cli.api.RepositoryAccess;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.DataFolders;
import io.backbench.repository.api.OpenedRepository;

/** {@code backbench backup PATH...}: restic's backup, with its exclude options. */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=backup")
public final class BackupCommand extends RepoCommandBase {

    /** Where backups keep what they saw of each folder ({@link FileBackup}); null for nowhere. */
    private final Path cacheDir;

    @Activate
    public BackupCommand(@Reference ConfiguredTargets types, @Reference DataFolders folders) {
        this(types, System::getenv, folders.cache().resolve("backup"));
        cacheIn(folders);
    }

    BackupCommand(ConfiguredTargets types, Function<String, String> env, Path cacheDir) {
        super(types, env);
        this.cacheDir = cacheDir;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String summary() {
        return "Back up files and folders into a repository (only what changed since the last snapshot is read)";
    }

    @Override
    public String usage() {
        return """
                Usage: backbench backup [options] PATH... [--json]

                Backs up PATH... (files or folders) into the repository and saves a snapshot. Files whose
                size, modification time, change time and inode equal the parent snapshot's are not read
                again. A file that cannot be read is a warning: the backup completes without it and the
                exit code is 3.

                Options:
                  -e, --exclude PATTERN        leave out paths matching PATTERN (restic's globs; repeatable)
                  --exclude-file FILE          read exclude patterns from FILE, one a line (repeatable)
                  --include PATTERN            keep only files matching PATTERN (repeatable)
                  --exclude-caches             leave out folders with a CACHEDIR.TAG
                  -x, --one-file-system        do not cross into other file systems
                  --exclude-larger-than SIZE   leave out files larger than SIZE (e.g. 100M)
                  --exclude-smaller-than SIZE  leave out files smaller than SIZE
                  --parent SNAPSHOT            compare with this snapshot (default: the latest of this host and paths)
                  --force                      read every file, even if it looks unchanged
                  --host NAME                  record NAME as the host
                  --tag TAG                    add a tag (repeatable)
                  --threads N                  threads for reading and for compressing and encrypting

                """ + COMMON_OPTIONS + """


                Exit codes: 0 done, 3 done but some files could not be read, 1 failed.
                Example: backbench backup -r /srv/backup/repo ~/Documents --exclude '*.tmp'""";
    }

    @Override
    Set<String> valueOptions() {
        return Set.of("-e", "--exclude", "--exclude-file", "--include", "--exclude-larger-than", "--exclude-smaller-than",
                "--parent", "--host", "--tag", "--threads");
    }

    @Override
    Set<String> flagOptions() {
        return Set.of("--exclude-caches", "-x", "--one-file-system", "--force");
    }

    @Override
    int run(Args a, RepositoryAccess access, CommandContext ctx) throws IOException {
        if (a.positional().isEmpty()) {
            return ctx.usageError("give at least one file or folder to back up");
        }
        BackupOptions o = BackupOptions.of(a.positional().stream().map(Path::of).toList())
                .withExcludes(a.all("-e", "--exclude")).withExcludeFiles(a.all("--exclude-file").stream().map(Path::of).toList())
                .withIncludes(a.all("--include")).withExcludeCaches(a.flag("--exclude-caches"))
                .withOneFileSystem(a.flag("-x", "--one-file-system")).withForce(a.flag("--force"))
                .withHostname(a.value("--host")).withTags(a.all("--tag"))
                .withSizeLimits(size(a.value("--exclude-smaller-than")), size(a.value("--exclude-larger-than")));
        if (a.value("--threads") != null) {
            o = o.withThreads(Integer.parseInt(a.value("--threads")));
        }
        // the sources are listed (from the disk) while the key is derived from the password (on a core)
        try (SourceScan scan = FileBackup.scan(o); OpenedRepository r = access.open()) {
            if (a.value("--parent") != null) {
                o = o.withParent(SnapshotFinder.find(r.repository(), a.value("--parent"), null).id());
            }
            ProgressLine line = new ProgressLine(ctx.err(), !ctx.json() && System.console() != null);
            BackupResult res = FileBackup.backup(r.repository(), o, line, () -> false, cacheDir, scan);
            line.clear();
            print(res, ctx);
            if (!res.complete()) {
                ctx.err().println("Warning: " + res.warnings().size() + " files or folders could not be read;"
                        + " the snapshot " + res.snapshot().shortHex() + " is incomplete");
                return CommandLine.WARNINGS;
            }
            return CommandLine.OK;
        }
    }

    private static long size(String s) {
        return s == null ? 0 : Format.parseSize(s);
    }

    private static void print(BackupResult r, CommandContext ctx) {
        if (ctx.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message_type", "summary");
            m.put("snapshot_id", r.snapshot().hex());
            m.put("parent", r.parent() == null ? null : r.parent().hex());
            m.put("files_new", r.filesNew());
            m.put("files_changed", r.filesChanged());
            m.put("files_unmodified", r.filesUnchanged());
            m.put("dirs", r.dirs());
            m.put("others", r.others());
            m.put("total_bytes_processed", r.bytesTotal());
            m.put("bytes_read", r.bytesRead());
            m.put("blobs_added", r.blobsNew());
            m.put("data_added", r.bytesNew());
            m.put("total_duration", r.elapsed().toMillis() / 1000.0);
            m.put("complete", r.complete());
            m.put("warnings", r.warnings());
            ctx.out().println(Json.write(m));
            return;
        }
        ctx.out().printf("Files:        %d new, %d changed, %d unmodified%n", r.filesNew(), r.filesChanged(), r.filesUnchanged());
        ctx.out().printf("Dirs:         %d, other entries: %d%n", r.dirs(), r.others());
        ctx.out().printf("Added to the repository: %s in %d blobs%n", Format.bytes(r.bytesNew()), r.blobsNew());
        ctx.out().printf("processed %d files, %s (read %s) in %s%n", r.filesNew() + r.filesChanged() + r.filesUnchanged(),
                Format.bytes(r.bytesTotal()), Format.bytes(r.bytesRead()), Format.duration(r.elapsed()));
        ctx.out().println("snapshot " + r.snapshot().shortHex() + " saved");
    }

    /** The one-line progress on a terminal (stderr), and warnings as lines of their own. Called from timer threads. */
    static final class ProgressLine implements BackupListener {
        private final java.io.PrintStream err;
        private final boolean live;
        private int width;

        ProgressLine(java.io.PrintStream err, boolean live) {
            this.err = err;
            this.live = live;
        }

        @Override
        public synchronized void progress(BackupProgress p) {
            if (!live) {
                return;
            }
            String s = String.format("[%s] %d / %d files, %s / %s, %s/s%s", Format.duration(p.elapsed()), p.filesDone(),
                    p.filesTotal(), Format.bytes(p.bytesDone()), Format.bytes(p.bytesTotal()), Format.bytes(p.bytesPerSecond()),
                    p.eta() == null ? "" : ", ETA " + Format.duration(p.eta()));
            err.print("\r" + s + " ".repeat(Math.max(0, width - s.length())));
            width = s.length();
            err.flush();
        }

        @Override
        public synchronized void warning(String path, String message) {
            clear();
            err.println("warning: " + path + ": " + message);
        }

        synchronized void clear() {
            if (live && width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                width = 0;
            }
        }
    }
}
