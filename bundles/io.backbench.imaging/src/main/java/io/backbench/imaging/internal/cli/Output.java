package io.backbench.imaging.internal.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.backbench.cli.api.CommandContext;
import io.backbench.imaging.api.ByteRange;
import io.backbench.imaging.api.ImageProgress;
import io.backbench.imaging.api.ImageResult;
import io.backbench.imaging.api.ImageSummary;
import io.backbench.imaging.api.RestoreResult;
import io.backbench.imaging.api.VerifyReport;
import io.backbench.imaging.internal.json.Json;
import io.backbench.repository.api.Sizes;

/** What the image commands print: text for people, or one JSON document with {@code --json}. */
final class Output {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final CommandContext ctx;

    Output(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Warnings go to stderr as they happen. */
    ImageProgress progress() {
        return new ImageProgress() {
            @Override
            public void warning(String message) {
                ctx.err().println("warning: " + message);
            }
        };
    }

    void created(ImageResult r) {
        if (ctx.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("snapshot", r.snapshot().hex());
            m.put("parent", r.parent() == null ? null : r.parent().hex());
            m.put("source", r.source());
            m.put("size", r.size());
            m.put("chunks", r.chunks());
            m.put("zeroChunks", r.zeroChunks());
            m.put("usedBytes", r.usedBytes());
            m.put("bytesRead", r.bytesRead());
            m.put("newChunks", r.newChunks());
            m.put("bytesNew", r.bytesNew());
            m.put("unreadable", ranges(r.unreadable()));
            m.put("warnings", r.warnings());
            m.put("complete", r.complete());
            ctx.out().println(Json.write(m));
            return;
        }
        ctx.out().printf("imaged %s (%s): %s in use, %s read%n", r.source(), Sizes.human(r.size()), Sizes.human(r.usedBytes()),
                Sizes.human(r.bytesRead()));
        ctx.out().printf("chunks: %d, all zero: %d, new: %d (%s added)%n", r.chunks(), r.zeroChunks(), r.newChunks(),
                Sizes.human(r.bytesNew()));
        if (!r.unreadable().isEmpty()) {
            ctx.out().println("unreadable ranges (zero in the image): " + r.unreadable());
        }
        ctx.out().println("snapshot " + r.snapshot().shortHex() + " saved" + (r.parent() == null ? "" : " (parent " + r.parent().shortHex() + ")"));
    }

    void restored(RestoreResult r, VerifyReport v) {
        if (ctx.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", r.target());
            m.put("imageSize", r.imageSize());
            m.put("targetSize", r.targetSize());
            m.put("bytesWritten", r.bytesWritten());
            m.put("gptRelocated", r.gptRelocated());
            m.put("warnings", r.warnings());
            if (v != null) {
                m.put("verify", verifyJson(v));
            }
            ctx.out().println(Json.write(m));
            return;
        }
        for (String w : r.warnings()) {
            ctx.err().println("warning: " + w);
        }
        ctx.out().printf("wrote %s of the %s image to %s%s%n", Sizes.human(r.bytesWritten()), Sizes.human(r.imageSize()), r.target(),
                r.gptRelocated() ? "; moved the GPT backup to the end of the " + Sizes.human(r.targetSize()) + " target" : "");
        if (v != null) {
            verifiedText(v);
        }
    }

    void verified(VerifyReport v) {
        if (ctx.json()) {
            ctx.out().println(Json.write(verifyJson(v)));
        } else {
            verifiedText(v);
        }
    }

    private void verifiedText(VerifyReport v) {
        if (v.blobsChecked() > 0) {
            ctx.out().printf("checked %d chunks (%d distinct)%n", v.chunks(), v.blobsChecked());
        }
        if (v.comparedBytes() > 0) {
            ctx.out().printf("compared %s of used blocks with the image%n", Sizes.human(v.comparedBytes()));
        }
        for (VerifyReport.FsCheck c : v.fsChecks()) {
            ctx.out().printf("%s partition %d (%s): %s%n", c.ok() ? "ok  " : "FAIL", c.partition(), c.filesystem(), c.command());
            if (!c.ok()) {
                ctx.out().println(c.output().strip().indent(4).stripTrailing());
            }
        }
        for (String p : v.problems()) {
            ctx.out().println("problem: " + p);
        }
        ctx.out().println(v.ok() ? "no problems were found" : "the image or target has problems");
    }

    private static Map<String, Object> verifyJson(VerifyReport v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", v.ok());
        m.put("chunks", v.chunks());
        m.put("blobsChecked", v.blobsChecked());
        m.put("comparedBytes", v.comparedBytes());
        List<Object> checks = new ArrayList<>();
        for (VerifyReport.FsCheck c : v.fsChecks()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("partition", c.partition());
            x.put("filesystem", c.filesystem());
            x.put("command", c.command());
            x.put("exitCode", c.exitCode());
            x.put("ok", c.ok());
            x.put("output", c.output());
            checks.add(x);
        }
        m.put("fsChecks", checks);
        m.put("problems", v.problems());
        return m;
    }

    void listed(List<ImageSummary> images) {
        if (ctx.json()) {
            List<Object> out = new ArrayList<>();
            for (ImageSummary s : images) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", s.snapshot().hex());
                m.put("short_id", s.snapshot().shortHex());
                m.put("time", s.time().toString());
                m.put("hostname", s.hostname());
                m.put("source", s.source());
                m.put("size", s.size());
                m.put("usedBytes", s.usedBytes());
                m.put("partitionTable", s.partitionTable());
                m.put("filesystems", s.filesystems());
                m.put("unreadable", ranges(s.unreadable()));
                m.put("tags", s.tags());
                out.add(m);
            }
            ctx.out().println(Json.write(out));
            return;
        }
        ctx.out().printf("%-8s  %-19s  %-12s  %-10s  %-10s  %-5s  %-20s  %s%n", "ID", "Time", "Host", "Size", "Used", "Table",
                "Filesystems", "Source");
        ctx.out().println("-".repeat(110));
        for (ImageSummary s : images) {
            ctx.out().printf("%-8s  %-19s  %-12s  %-10s  %-10s  %-5s  %-20s  %s%s%n", s.snapshot().shortHex(), TIME.format(s.time()),
                    s.hostname(), Sizes.human(s.size()), Sizes.human(s.usedBytes()), s.partitionTable(), String.join(",", s.filesystems()),
                    s.source(), s.unreadable().isEmpty() ? "" : " (" + s.unreadable().size() + " unreadable ranges)");
        }
        ctx.out().println("-".repeat(110));
        ctx.out().println(images.size() + " images");
    }

    private static List<Object> ranges(List<ByteRange> rs) {
        List<Object> out = new ArrayList<>();
        for (ByteRange r : rs) {
            out.add(List.of(r.start(), r.length()));
        }
        return out;
    }

    /** {@code 1M}, {@code 512k}, {@code 4096} (powers of 1024). */
    static long parseSize(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        long mul = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        try {
            return Long.parseLong(mul == 1 ? t : t.substring(0, t.length() - 1)) * mul;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a size (examples: 64k, 1M, 4M)");
        }
    }
}
