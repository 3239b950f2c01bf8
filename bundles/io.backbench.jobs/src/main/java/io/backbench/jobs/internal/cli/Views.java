package io.backbench.jobs.internal.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.Verification;

/** How the commands show definitions, runs and verifications: as JSON objects and table cells. */
final class Views {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Views() {
    }

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    static Map<String, Object> json(JobDefinition j, Instant next) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("name", j.name());
        m.put("kind", j.kind());
        m.put("enabled", j.enabled());
        m.put("sources", j.sources());
        m.put("repository", j.repository());
        m.put("schedule", j.schedule());
        m.put("next_run", next == null ? null : next.toString());
        m.put("retention", j.retention());
        m.put("rpo_seconds", j.rpo() == null ? null : j.rpo().toSeconds());
        m.put("rto_seconds", j.rto() == null ? null : j.rto().toSeconds());
        m.put("options", j.options());
        return m;
    }

    static Map<String, Object> json(Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("job_id", r.jobId());
        m.put("job_name", r.jobName());
        m.put("kind", r.kind());
        m.put("target", r.target());
        m.put("host", r.host());
        m.put("started", r.started().toString());
        m.put("ended", r.ended() == null ? null : r.ended().toString());
        m.put("status", r.status().code());
        m.put("bytes_total", r.metrics().bytesTotal());
        m.put("bytes_read", r.metrics().bytesRead());
        m.put("bytes_new", r.metrics().bytesNew());
        m.put("bytes_stored", r.metrics().bytesStored());
        m.put("files", r.metrics().files());
        m.put("dedup_ratio", r.metrics().dedupRatio());
        m.put("throughput", r.metrics().throughput());
        m.put("snapshot_id", r.metrics().snapshotId());
        m.put("summary", r.metrics().summary());
        m.put("error", r.error());
        return m;
    }

    static Map<String, Object> json(Verification v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("run_id", v.runId());
        m.put("job_id", v.jobId());
        m.put("snapshot_id", v.snapshotId());
        m.put("passed", v.passed());
        m.put("sample_percent", v.samplePercent());
        m.put("files", v.files());
        m.put("bytes", v.bytes());
        m.put("restore_ms", v.restoreTime().toMillis());
        m.put("rto_seconds", v.rto() == null ? null : v.rto().toSeconds());
        m.put("rto_breached", v.rtoBreached());
        m.put("failed_files", v.failedFiles());
        m.put("message", v.message());
        return m;
    }

    static String duration(Run r) {
        Duration d = r.duration();
        return d == null ? "running" : Durations.format(d);
    }

    /** Rows as left-aligned columns separated by two spaces; the first row is the header. */
    static String table(java.util.List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == 0 ? "" : "  ").append(i == r.length - 1 ? r[i] : String.format("%-" + w[i] + "s", r[i]));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
