package io.backbench.backup.internal.cli;

import io.backbench.cli.api.Args;

import io.backbench.cli.api.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.backbench.backup.internal.SnapshotFinder;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;
import io.backbench.cli.api.RepositoryAccess;
import io.backbench.repository.api.CheckOptions;
import io.backbench.repository.api.CheckProblem;
import io.backbench.repository.api.CheckReport;
import io.backbench.repository.api.IndexRebuildReport;
import io.backbench.repository.api.OpenedRepository;
import io.backbench.repository.api.Progress;
import io.backbench.repository.api.PruneOptions;
import io.backbench.repository.api.PruneReport;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.RepositoryStats;
import io.backbench.repository.api.StoredSnapshot;

/**
 * {@code repo check|prune|stats|unlock|rebuild-index}: the repository's upkeep, each a thin layer
 * over {@link RepositoryOperations} (which takes the lock it needs). Runs on the launcher's main thread.
 */
final class RepoMaintenance {
    private RepoMaintenance() {
    }

    static int check(Args a, RepositoryAccess access, CommandContext ctx) throws IOException, Args.UsageException {
        noArguments(a, "check");
        String subset = a.value("--read-data-subset");
        if (subset != null && a.flag("--read-data")) {
            throw new Args.UsageException("give either --read-data or --read-data-subset, not both");
        }
        CheckOptions options;
        try {
            options = subset != null ? CheckOptions.readDataSubset(subset)
                    : a.flag("--read-data") ? CheckOptions.readAllData() : CheckOptions.structure();
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException(e.getMessage());
        }
        CheckReport report;
        try (OpenedRepository r = access.open(); ProgressLine line = new ProgressLine(ctx)) {
            report = RepositoryOperations.check(r.repository(), options, line);
        }
        if (ctx.json()) {
            ctx.out().println(Json.write(json(report)));
        } else {
            ctx.out().print(report.text());
        }
        if (!report.ok()) {
            boolean allRead = options.readData() && options.subset() == null;
            boolean everyErrorNamesItsFiles = report.everyErrorNamesItsFiles();
            return ctx.failure("check found " + report.errors().size() + (report.errors().size() == 1 ? " error" : " errors")
                    + ": the repository is damaged. The files named after 'affects' cannot be restored intact"
                    + (allRead && everyErrorNamesItsFiles ? "; every other file can."
                            : allRead ? "; errors that name no file may affect others too."
                            : "; this check did not read every pack, so run 'backbench repo check --read-data' to find all damaged files."));
        }
        return CommandLine.OK;
    }

    static int prune(Args a, RepositoryAccess access, CommandContext ctx) throws IOException, Args.UsageException {
        noArguments(a, "prune");
        PruneOptions options = pruneOptions(a);
        try (OpenedRepository r = access.open(); ProgressLine line = new ProgressLine(ctx)) {
            PruneReport report = RepositoryOperations.prune(r.repository(), options, line);
            print(report, ctx);
        }
        return CommandLine.OK;
    }

    /** {@code --max-unused 5%}, {@code 5}, or {@code unlimited}; {@code --dry-run}. Shared with {@code forget --prune}. */
    static PruneOptions pruneOptions(Args a) throws Args.UsageException {
        PruneOptions o = PruneOptions.defaults();
        String max = a.value("--max-unused");
        if (max != null) {
            String m = max.trim().toLowerCase(Locale.ROOT);
            try {
                o = o.withMaxUnusedPercent(m.equals("unlimited") ? 100 : Double.parseDouble(m.endsWith("%") ? m.substring(0, m.length() - 1) : m));
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException("--max-unused takes a percentage such as 5% (0 to 100) or 'unlimited', got '" + max + "'");
            }
        }
        return a.flag("--dry-run") ? o.asDryRun() : o;
    }

    static void print(PruneReport r, CommandContext ctx) {
        if (!ctx.json()) {
            ctx.out().print(r.text());
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dry_run", r.dryRun());
        m.put("snapshots", r.snapshots());
        m.put("used_blobs", r.usedBlobs());
        m.put("used_size", r.usedBytes());
        m.put("unused_blobs", r.unusedBlobs());
        m.put("unused_size", r.unusedBytes());
        m.put("packs_kept", r.packsKept());
        m.put("packs_removed", r.packsRemoved());
        m.put("packs_repacked", r.packsRepacked());
        m.put("packs_written", r.packsWritten());
        m.put("unreferenced_packs", r.unreferencedPacks());
        m.put("index_files_replaced", r.indexFilesReplaced());
        m.put("index_files_written", r.indexFilesWritten());
        m.put("unused_size_after", r.unusedBytesAfter());
        m.put("bytes_freed", r.bytesFreed());
        ctx.out().println(Json.write(m));
    }

    static int stats(Args a, RepositoryAccess access, CommandContext ctx) throws IOException {
        RepositoryStats s;
        try (OpenedRepository r = access.open()) {
            List<StoredSnapshot> chosen = new ArrayList<>();
            for (String ref : a.positional().subList(1, a.positional().size())) {
                chosen.add(SnapshotFinder.find(r.repository(), ref, a.value("--host")));
            }
            s = RepositoryOperations.stats(r.repository(), chosen);
        }
        if (!ctx.json()) {
            ctx.out().print(s.text());
            return CommandLine.OK;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("snapshots_count", s.snapshots());
        m.put("total_file_count", s.files());
        m.put("total_size", s.rawSize());
        m.put("total_uncompressed_size", s.uniqueSize());
        m.put("total_stored_size", s.storedSize());
        m.put("total_blob_count", s.dataBlobs() + s.treeBlobs());
        m.put("data_blob_count", s.dataBlobs());
        m.put("tree_blob_count", s.treeBlobs());
        m.put("deduplication_ratio", round(s.deduplicationRatio()));
        m.put("compression_ratio", round(s.compressionRatio()));
        m.put("total_ratio", round(s.totalRatio()));
        m.put("pack_count", s.packs());
        m.put("pack_size", s.packBytes());
        ctx.out().println(Json.write(m));
        return CommandLine.OK;
    }

    static int unlock(Args a, RepositoryAccess access, CommandContext ctx) throws IOException, Args.UsageException {
        noArguments(a, "unlock");
        boolean all = a.flag("--remove-all");
        int n;
        try (OpenedRepository r = access.open()) {
            n = RepositoryOperations.unlock(r.repository(), all);
        }
        if (ctx.json()) {
            ctx.out().println(Json.write(Map.of("removed_locks", n)));
        } else {
            ctx.out().println("removed " + n + (n == 1 ? " lock" : " locks") + (all ? "" : " that were stale"));
        }
        return CommandLine.OK;
    }

    static int rebuildIndex(Args a, RepositoryAccess access, CommandContext ctx) throws IOException, Args.UsageException {
        noArguments(a, "rebuild-index");
        IndexRebuildReport report;
        try (OpenedRepository r = access.open()) {
            report = RepositoryOperations.rebuildIndex(r.repository(), a.flag("--read-all-packs"));
        }
        if (ctx.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("packs", report.packs());
            m.put("blobs", report.blobs());
            m.put("headers_read", report.headersRead());
            m.put("unreadable_packs", report.unreadablePacks().stream().map(id -> id.hex()).toList());
            m.put("index_files_removed", report.indexFilesRemoved());
            m.put("index_files_written", report.indexFilesWritten());
            ctx.out().println(Json.write(m));
        } else {
            ctx.out().print(report.text());
        }
        return CommandLine.OK;
    }

    private static void noArguments(Args a, String sub) throws Args.UsageException {
        if (a.positional().size() != 1) {
            throw new Args.UsageException("'repo " + sub + "' takes no arguments, got '" + a.positional().get(1) + "'");
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static Map<String, Object> json(CheckReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message_type", "summary");
        m.put("ok", r.ok());
        m.put("snapshots", r.snapshots());
        m.put("trees", r.trees());
        m.put("packs", r.packs());
        m.put("packs_read", r.packsRead());
        m.put("blobs_read", r.blobsRead());
        m.put("read_data_subset", r.subset() == null ? null : r.subset().toString());
        m.put("errors", problems(r.errors()));
        m.put("warnings", problems(r.warnings()));
        m.put("infos", problems(r.infos()));
        return m;
    }

    private static List<Object> problems(List<CheckProblem> list) {
        List<Object> out = new ArrayList<>();
        for (CheckProblem p : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
            m.put("message", p.message());
            m.put("pack", p.pack() == null ? null : p.pack().hex());
            m.put("blob", p.blob() == null ? null : p.blob().hex());
            m.put("snapshot", p.snapshot() == null ? null : p.snapshot().hex());
            m.put("files", p.files());
            out.add(m);
        }
        return out;
    }

    /** "read packs 12/40" on a terminal's stderr, rewritten in place; silent otherwise. Called on the operation's thread. */
    static final class ProgressLine implements Progress, AutoCloseable {
        private final CommandContext ctx;
        private final boolean live;
        private int width;

        ProgressLine(CommandContext ctx) {
            this.ctx = ctx;
            this.live = !ctx.json() && System.console() != null;
        }

        @Override
        public void update(String phase, long done, long total) {
            if (live) {
                String s = phase + " " + done + (total > 0 ? "/" + total : "");
                ctx.err().print("\r" + s + " ".repeat(Math.max(0, width - s.length())));
                width = s.length();
                ctx.err().flush();
            }
        }

        @Override
        public void close() {
            if (live && width > 0) {
                ctx.err().print("\r" + " ".repeat(width) + "\r");
            }
        }
    }
}
