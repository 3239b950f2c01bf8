package io.backbench.report.internal;

import java.util.ArrayList;
import java.util.List;

/** The report as a plain text table for a terminal or a cron mail. */
public final class TextReport {
    private TextReport() {
    }

    public static String write(MonthlyReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Protection report: ").append(r.title()).append(" (").append(Units.time(r.from(), r.zone())).append(" to ")
                .append(Units.time(r.to(), r.zone())).append(' ').append(r.zone().getId()).append(")\n\n");
        if (r.jobs().isEmpty()) {
            return sb.append("No jobs and no runs in this period.\n").toString();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"JOB", "RUNS", "OK", "WARN", "FAILED", "CANCELLED", "INTERRUPTED", "RUNNING", "SUCCESS", "READ", "NEW",
            "STORED", "TESTS", "PASSED", "WORST RESTORE", "RPO BREACHES"});
        List<JobFigures> all = new ArrayList<>(r.jobs());
        all.add(r.total());
        for (JobFigures f : all) {
            rows.add(new String[] {f.name(), n(f.runs()), n(f.succeeded()), n(f.warnings()), n(f.failed()), n(f.cancelled()),
                n(f.interrupted()), n(f.running()), Units.percent(f.successRate()), Units.bytes(f.bytesRead()), Units.bytes(f.bytesNew()),
                Units.bytes(f.bytesStored()), n(f.restoreTests().count()), n(f.restoreTests().passed()), Units.worstRestore(f.restoreTests()),
                Units.breaches(f)});
        }
        int[] w = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? String.format("%-" + w[i] + "s", row[i]) : String.format("  %" + w[i] + "s", row[i]));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        List<RpoBreach> breaches = r.total().breaches();
        if (!breaches.isEmpty()) {
            sb.append("\nRPO breaches:\n");
            for (RpoBreach b : breaches) {
                String note = HtmlReport.note(b);
                sb.append("  ").append(b.job()).append(": ").append(Units.time(b.from(), r.zone())).append(" to ")
                        .append(Units.time(b.to(), r.zone())).append(", ").append(Units.duration(b.duration()))
                        .append(note.isEmpty() ? "" : " (" + note + ")").append('\n');
            }
        }
        return sb.toString();
    }

    private static String n(long v) {
        return Long.toString(v);
    }
}
