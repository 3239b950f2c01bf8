package io.backbench.report.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted,
 * quotes doubled): a header and one row per job, then the total. Numbers are plain (bytes, seconds,
 * a rate from 0 to 1) so a spreadsheet can sum them.
 */
public final class CsvReport {
    static final List<String> HEADER = List.of("month", "job", "kind", "runs", "succeeded", "succeeded_with_warnings", "failed",
            "cancelled", "interrupted", "running", "success_rate", "bytes_read", "bytes_new", "bytes_stored", "restore_tests",
            "restore_tests_passed", "restore_tests_failed", "worst_restore_seconds", "worst_restore_rto_seconds", "rpo_seconds",
            "rpo_breaches", "rpo_breach_seconds");

    private CsvReport() {
    }

    public static String write(MonthlyReport report) {
        StringBuilder sb = new StringBuilder();
        line(sb, HEADER);
        for (JobFigures f : report.jobs()) {
            line(sb, row(report, f));
        }
        line(sb, row(report, report.total()));
        return sb.toString();
    }

    private static List<String> row(MonthlyReport report, JobFigures f) {
        List<String> r = new ArrayList<>();
        r.add(report.month().toString());
        r.add(f.name());
        r.add(f.kind());
        for (long n : new long[] {f.runs(), f.succeeded(), f.warnings(), f.failed(), f.cancelled(), f.interrupted(), f.running()}) {
            r.add(Long.toString(n));
        }
        r.add(f.successRate() == null ? "" : String.format(Locale.ROOT, "%.4f", f.successRate()));
        r.add(Long.toString(f.bytesRead()));
        r.add(Long.toString(f.bytesNew()));
        r.add(Long.toString(f.bytesStored()));
        JobFigures.RestoreTests t = f.restoreTests();
        r.add(Long.toString(t.count()));
        r.add(Long.toString(t.passed()));
        r.add(Long.toString(t.failed()));
        r.add(seconds(t.worstRestoreTime()));
        r.add(seconds(t.worstRto()));
        r.add(seconds(f.rpo()));
        r.add(Long.toString(f.breaches().size()));
        r.add(Long.toString(f.breachTime().getSeconds()));
        return r;
    }

    private static String seconds(Duration d) {
        return d == null ? "" : Long.toString(d.getSeconds());
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        sb.append("\r\n");
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
