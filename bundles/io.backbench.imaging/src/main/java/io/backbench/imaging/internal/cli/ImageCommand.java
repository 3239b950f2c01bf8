package io.backbench.imaging.internal.cli;

import io.backbench.cli.api.Args;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;
import io.backbench.cli.api.RepositoryAccess;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.DataFolders;
import io.backbench.imaging.api.DiskImages;
import io.backbench.imaging.api.ImageOptions;
import io.backbench.imaging.api.ImageResult;
import io.backbench.imaging.api.MountedPolicy;
import io.backbench.imaging.api.RestoreOptions;
import io.backbench.imaging.api.RestoreResult;
import io.backbench.imaging.api.UnusedBlocks;
import io.backbench.imaging.api.VerifyReport;
import io.backbench.imaging.internal.source.DeviceNodes;
import io.backbench.repository.api.OpenedRepository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.SnapshotFilter;
import io.backbench.repository.api.StoredSnapshot;

/**
 * {@code backbench image create|restore|export|verify|list|info}: disk images in the repository
 * given by {@code -r} or {@code BACKBENCH_REPOSITORY}. Runs on the launcher's main thread.
 */
@Component(service = Command.class, property = Command.NAME_PROPERTY + "=image")
public final class ImageCommand implements Command {
    private static final Set<String> VALUES = Set.of("--partition", "--tag", "--host", "--chunk-size", "--mounted", "--threads",
            "--unused", "--target");
    private static final Set<String> FLAGS = Set.of("--skip-bad-sectors", "--read-all", "--overwrite-source", "--verify", "--fsck",
            "--changed-only");

    private final ConfiguredTargets types;
    private final Function<String, String> env;
    /** Where repositories keep copies of their index on this machine, or null. */
    private final Path repositoryCache;

    @Activate
    public ImageCommand(@Reference ConfiguredTargets types, @Reference DataFolders folders) {
        this(types, System::getenv, folders.repositoryCache());
    }

    ImageCommand(ConfiguredTargets types, Function<String, String> env) {
        this(types, env, null);
    }

    ImageCommand(ConfiguredTargets types, Function<String, String> env, Path repositoryCache) {
        this.types = types;
        this.env = env;
        this.repositoryCache = repositoryCache;
    }

    @Override
    public String name() {
        return "image";
    }

    @Override
    public String summary() {
        return "Image disks and partitions (used blocks only), restore, export, verify and list images";
    }

    @Override
    public boolean supportsJson() {
        return true;
    }

    @Override
    public String usage() {
        return """
                Usage: backbench image create DEVICE|FILE [options]
                       backbench image restore SNAPSHOT DEVICE|FILE [--unused zero|leave] [--verify] [--overwrite-source]
                       backbench image export SNAPSHOT FILE.img
                       backbench image verify SNAPSHOT [--target DEVICE|FILE [--fsck]]
                       backbench image list
                       backbench image info SNAPSHOT

                create reads a whole disk (partition table, every partition, the gaps) or a partition from a
                block device or raw image file, but of ext2/3/4, FAT and NTFS only the blocks their allocation
                bitmaps mark as used; other filesystems and unallocated space are read whole, and all-zero
                chunks are stored as nothing. The snapshot holds the raw device as one file in 2 MiB chunks
                beside backbench-image.json (geometry, partition table, filesystems, used-block map, chunk
                SHA-256s), so restic can restore it too, and a second image stores only changed chunks.
                  --partition N            image only partition N of the source's partition table
                  --mounted refuse|warn|freeze
                                           a filesystem on the source mounted read-write: refuse (default),
                                           image anyway with a warning, or fsfreeze it while imaging
                  --skip-bad-sectors       on read errors image the rest; the unreadable ranges are recorded
                                           (exit code 3)
                  --read-all               ignore the filesystems' bitmaps and read every byte
                  --changed-only           take chunks from the previous image of the source unread where
                                           they hold only data of ext files whose inodes have not changed
                                           since (ctime, 10 minutes of margin) or of FAT files whose entries
                                           have not (modification/creation time, 12 hours more for the
                                           unknown time zone); trusts the filesystem: a raw write to the
                                           device behind its back is not seen; NTFS is read in full
                  --chunk-size SIZE        64k to 8M, a power of two (default 2M; a next image of
                                           the same source keeps its previous image's chunk size)
                  --tag TAG, --host NAME, --threads N
                restore writes an image to a device or file of at least its size (a missing file is created
                sparse): first the used blocks, then a GPT's backup moved to the end of a larger disk. It
                refuses a smaller target, a mounted one, and the image's own source.
                  --unused zero|leave      write zeros where no filesystem uses the disk (default) or leave it
                  --threads N              loader threads (default: two per processor plus one)
                  --verify                 also check every chunk's SHA-256 (without it, each chunk is
                                           authenticated by its MAC only), then compare the used blocks
                                           and run the filesystem checkers
                  --overwrite-source       allow restoring onto the device or file the image was taken from
                export writes the image as a new raw sparse file that other tools can use.
                verify loads every chunk and checks its SHA-256; with --target it compares a restored device
                or file with the image, and with --fsck runs e2fsck -fn, fsck.vfat -n, ntfsfix -n on it.
                SNAPSHOT is an id, a unique prefix of one, or 'latest' (the newest image).

                """ + RepositoryAccess.COMMON_OPTIONS + """


                Exit codes: 0 done, 3 imaged with unreadable sectors, 1 failed (or verification found problems).
                Example: backbench image create /dev/sdb -r /srv/backup/repo""";
    }

    @Override
    public int run(List<String> argv, CommandContext ctx) {
        if (argv.isEmpty()) {
            return ctx.usageError("'image' needs a sub-command: create, restore, export, verify, list or info");
        }
        Args args;
        try {
            Set<String> withValue = new HashSet<>(VALUES);
            withValue.addAll(RepositoryAccess.OPTIONS);
            args = Args.parse(argv.subList(1, argv.size()), withValue, FLAGS);
        } catch (Args.UsageException e) {
            return ctx.usageError(e.getMessage());
        }
        RepositoryAccess access = new RepositoryAccess(types, env, args, repositoryCache);
        Output out = new Output(ctx);
        try {
            return switch (argv.get(0)) {
                case "create" -> create(args, access, out, ctx);
                case "restore" -> restore(args, access, out, ctx);
                case "export" -> export(args, access, out, ctx);
                case "verify" -> verify(args, access, out, ctx);
                case "list" -> list(args, access, out, ctx);
                case "info" -> info(args, access, ctx);
                default -> ctx.usageError("unknown sub-command 'image " + argv.get(0) + "'; use create, restore, export, verify, list or info");
            };
        } catch (CancellationException e) {
            return ctx.failure("image " + argv.get(0) + " was cancelled");
        } catch (IOException e) {
            return ctx.failure(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (IllegalArgumentException e) {
            return ctx.usageError(e.getMessage());
        }
    }

    private int create(Args a, RepositoryAccess access, Output out, CommandContext ctx) throws IOException {
        if (a.positional().size() != 1) {
            return ctx.usageError("'image create' takes one DEVICE or FILE");
        }
        Path source = Path.of(a.positional().get(0)).toAbsolutePath().normalize();
        ImageOptions o = ImageOptions.defaults().withTags(a.all("--tag")).withHostname(a.value("--host"))
                .withSkipBadSectors(a.flag("--skip-bad-sectors")).withReadAll(a.flag("--read-all"))
                .withMounted(policy(a.value("--mounted"))).withChangedOnly(a.flag("--changed-only"));
        if (a.value("--partition") != null) {
            o = o.withPartition(number(a.value("--partition"), "--partition"));
        }
        if (a.value("--chunk-size") != null) {
            o = o.withChunkSize(Math.toIntExact(Output.parseSize(a.value("--chunk-size"))));
        }
        if (a.value("--threads") != null) {
            o = o.withThreads(number(a.value("--threads"), "--threads"));
        }
        if (o.mounted() == MountedPolicy.FREEZE) {
            refuseFreezingTheRepository(source, access.localFolder());
        }
        ImageResult r;
        try (OpenedRepository repo = access.open()) {
            r = DiskImages.create(repo.repository(), source, o, out.progress());
        }
        out.created(r);
        return r.complete() ? CommandLine.OK : CommandLine.WARNINGS;
    }

    private int restore(Args a, RepositoryAccess access, Output out, CommandContext ctx) throws IOException {
        if (a.positional().size() != 2) {
            return ctx.usageError("'image restore' takes a SNAPSHOT and a target DEVICE or FILE");
        }
        Path target = Path.of(a.positional().get(1));
        RestoreOptions o = RestoreOptions.defaults().withUnused(unused(a.value("--unused")))
                .withOverwriteSource(a.flag("--overwrite-source")).withCheckChunks(a.flag("--verify"));
        if (a.value("--threads") != null) {
            o = o.withThreads(number(a.value("--threads"), "--threads"));
        }
        try (OpenedRepository repo = access.open()) {
            StoredSnapshot s = find(repo, a.positional().get(0));
            RestoreResult r = DiskImages.restore(repo.repository(), s, target, o, out.progress());
            if (!a.flag("--verify")) {
                out.restored(r, null);
                return CommandLine.OK;
            }
            VerifyReport v = DiskImages.verifyTarget(repo.repository(), s, target, true, out.progress());
            out.restored(r, v);
            return v.ok() ? CommandLine.OK : ctx.failure("the restored " + target + " does not match the image (see above)");
        }
    }

    private int export(Args a, RepositoryAccess access, Output out, CommandContext ctx) throws IOException {
        if (a.positional().size() != 2) {
            return ctx.usageError("'image export' takes a SNAPSHOT and a new FILE.img");
        }
        try (OpenedRepository repo = access.open()) {
            out.restored(DiskImages.export(repo.repository(), find(repo, a.positional().get(0)), Path.of(a.positional().get(1)), out.progress()),
                    null);
        }
        return CommandLine.OK;
    }

    private int verify(Args a, RepositoryAccess access, Output out, CommandContext ctx) throws IOException {
        if (a.positional().size() != 1) {
            return ctx.usageError("'image verify' takes one SNAPSHOT");
        }
        String target = a.value("--target");
        if (a.flag("--fsck") && target == null) {
            return ctx.usageError("--fsck checks a restored target: give it with --target DEVICE|FILE");
        }
        VerifyReport r;
        try (OpenedRepository repo = access.open()) {
            StoredSnapshot s = find(repo, a.positional().get(0));
            r = target == null ? DiskImages.verify(repo.repository(), s, out.progress())
                    : DiskImages.verifyTarget(repo.repository(), s, Path.of(target), a.flag("--fsck"), out.progress());
        }
        out.verified(r);
        return r.ok() ? CommandLine.OK : ctx.failure("verification found problems (see above)");
    }

    private int list(Args a, RepositoryAccess access, Output out, CommandContext ctx) throws IOException {
        if (!a.positional().isEmpty()) {
            return ctx.usageError("'image list' takes no arguments");
        }
        try (OpenedRepository repo = access.open()) {
            out.listed(DiskImages.list(repo.repository()));
        }
        return CommandLine.OK;
    }

    private int info(Args a, RepositoryAccess access, CommandContext ctx) throws IOException {
        if (a.positional().size() != 1) {
            return ctx.usageError("'image info' takes one SNAPSHOT");
        }
        try (OpenedRepository repo = access.open()) {
            ctx.out().print(DiskImages.metadata(repo.repository(), find(repo, a.positional().get(0))));
        }
        return CommandLine.OK;
    }

    private static StoredSnapshot find(OpenedRepository repo, String ref) throws IOException {
        SnapshotFilter images = new SnapshotFilter(List.of(), List.of(List.of(DiskImages.TAG)), List.of());
        return RepositoryOperations.findSnapshot(repo.repository(), ref, "latest".equals(ref) ? images : SnapshotFilter.ALL);
    }

    /** Freezing the filesystem the repository is written to would hang the image: refuse that. */
    private static void refuseFreezingTheRepository(Path source, Path repoFolder) throws IOException {
        if (repoFolder == null) {
            return;
        }
        Path existing = repoFolder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && DeviceNodes.family(source).contains(DeviceNodes.fileSystemDevice(existing))) {
            throw new IOException("the repository " + repoFolder + " is on a filesystem of " + source + "; --mounted freeze would"
                    + " stop the image from being written. Put the repository on another disk");
        }
    }

    private static MountedPolicy policy(String s) {
        if (s == null) {
            return MountedPolicy.REFUSE;
        }
        try {
            return MountedPolicy.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mounted takes refuse, warn or freeze, not '" + s + "'");
        }
    }

    private static UnusedBlocks unused(String s) {
        if (s == null) {
            return UnusedBlocks.ZERO;
        }
        try {
            return UnusedBlocks.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--unused takes zero or leave, not '" + s + "'");
        }
    }

    private static int number(String s, String option) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + s + "'");
        }
    }
}
