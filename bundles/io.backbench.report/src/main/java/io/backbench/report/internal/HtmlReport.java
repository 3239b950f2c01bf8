package io.backbench.report.internal;

import java.util.List;

/**
 * The report as one self-contained HTML page: inline CSS (with print rules: A4 landscape, no
 * colours needed to read it), no scripts, no external resources. Every text from the catalog is
 * escaped.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;font-size:10pt;color:#222;margin:24px}
            h1{font-size:16pt;margin:0 0 4px}h2{font-size:12pt;margin:24px 0 6px}
            p.meta{color:#555;margin:0 0 16px}
            .tiles{display:flex;flex-wrap:wrap;gap:10px;margin-bottom:8px}
            .tile{border:1px solid #ccc;border-radius:4px;padding:8px 12px;min-width:130px}
            .tile b{display:block;font-size:14pt}
            table{border-collapse:collapse;width:100%}
            th,td{border:1px solid #bbb;padding:3px 6px;text-align:right;white-space:nowrap}
            th{background:#eee;white-space:normal}td.l,th.l{text-align:left}
            tr.total td{font-weight:bold;border-top:2px solid #444}
            .bad{color:#b00020;font-weight:bold}.ok{color:#1b5e20}
            @media print{body{margin:0;font-size:7.5pt}@page{size:A4 landscape;margin:10mm}th,td{padding:2px 3px}.tile{break-inside:avoid}tr{break-inside:avoid}thead{display:table-header-group}}
            """;

    private HtmlReport() {
    }

    public static String write(MonthlyReport r) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Backbench protection report: ")
                .append(esc(r.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>Protection report: ").append(esc(r.title())).append("</h1>\n<p class=\"meta\">")
                .append(esc(Units.time(r.from(), r.zone()))).append(" to ").append(esc(Units.time(r.to(), r.zone()))).append(' ')
                .append(esc(r.zone().getId())).append(r.complete() ? "" : " (the month is not over)").append(". Made ")
                .append(esc(Units.time(r.generated(), r.zone()))).append(" from the catalog ").append(esc(r.catalog())).append(".</p>\n");
        tiles(sb, r.total());
        if (r.jobs().isEmpty()) {
            sb.append("<p>No jobs and no runs in this period.</p>\n");
        } else {
            jobs(sb, r);
            breaches(sb, r);
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static void tiles(StringBuilder sb, JobFigures t) {
        sb.append("<div class=\"tiles\">\n");
        tile(sb, "Runs", Long.toString(t.runs()), t.failed() + t.interrupted() > 0 ? (t.failed() + t.interrupted()) + " failed or interrupted" : "none failed");
        tile(sb, "Success rate", Units.percent(t.successRate()), (t.succeeded() + t.warnings()) + " of " + t.finished() + " finished");
        tile(sb, "Data read", Units.bytes(t.bytesRead()), Units.bytes(t.bytesNew()) + " new, " + Units.bytes(t.bytesStored()) + " stored");
        tile(sb, "Restore tests", Long.toString(t.restoreTests().count()), t.restoreTests().passed() + " passed, " + t.restoreTests().failed() + " failed");
        tile(sb, "RPO breaches", Long.toString(t.breaches().size()), t.breaches().isEmpty() ? "none" : Units.duration(t.breachTime()) + " in all");
        sb.append("</div>\n");
    }

    private static void tile(StringBuilder sb, String label, String value, String note) {
        sb.append("<div class=\"tile\">").append(esc(label)).append("<b>").append(esc(value)).append("</b>").append(esc(note)).append("</div>\n");
    }

    private static void jobs(StringBuilder sb, MonthlyReport r) {
        sb.append("<h2>Jobs</h2>\n<table>\n<thead><tr><th class=\"l\">Job</th><th class=\"l\">Kind</th><th>Runs</th><th>Succeeded</th>"
                + "<th>With warnings</th><th>Failed</th><th>Cancelled</th><th>Interrupted</th><th>Running</th><th>Success rate</th>"
                + "<th>Read</th><th>New</th><th>Stored</th><th>Restore tests</th><th>Passed</th><th>Failed</th>"
                + "<th>Worst restore vs RTO</th><th>RPO</th><th>RPO breaches</th></tr></thead>\n<tbody>\n");
        for (JobFigures f : r.jobs()) {
            row(sb, f, false);
        }
        row(sb, r.total(), true);
        sb.append("</tbody>\n</table>\n");
    }

    private static void row(StringBuilder sb, JobFigures f, boolean total) {
        JobFigures.RestoreTests t = f.restoreTests();
        sb.append(total ? "<tr class=\"total\">" : "<tr>");
        cell(sb, f.name(), "l");
        cell(sb, f.kind(), "l");
        for (long n : new long[] {f.runs(), f.succeeded(), f.warnings()}) {
            cell(sb, Long.toString(n), null);
        }
        cell(sb, Long.toString(f.failed()), f.failed() > 0 ? "bad" : null);
        cell(sb, Long.toString(f.cancelled()), null);
        cell(sb, Long.toString(f.interrupted()), f.interrupted() > 0 ? "bad" : null);
        cell(sb, Long.toString(f.running()), null);
        cell(sb, Units.percent(f.successRate()), null);
        cell(sb, Units.bytes(f.bytesRead()), null);
        cell(sb, Units.bytes(f.bytesNew()), null);
        cell(sb, Units.bytes(f.bytesStored()), null);
        cell(sb, Long.toString(t.count()), null);
        cell(sb, Long.toString(t.passed()), null);
        cell(sb, Long.toString(t.failed()), t.failed() > 0 ? "bad" : null);
        cell(sb, Units.worstRestore(t), Boolean.FALSE.equals(t.worstWithinRto()) ? "bad" : null);
        cell(sb, total ? "" : Units.duration(f.rpo()), null);
        cell(sb, Units.breaches(f), f.breaches().isEmpty() ? null : "bad");
        sb.append("</tr>\n");
    }

    private static void breaches(StringBuilder sb, MonthlyReport r) {
        List<RpoBreach> all = r.total().breaches();
        sb.append("<h2>RPO breaches</h2>\n");
        if (all.isEmpty()) {
            sb.append("<p class=\"ok\">No job's last good backup was ever older than its RPO in this period.</p>\n");
            return;
        }
        sb.append("<table>\n<thead><tr><th class=\"l\">Job</th><th class=\"l\">From</th><th class=\"l\">To</th><th>Duration</th>"
                + "<th class=\"l\">Note</th></tr></thead>\n<tbody>\n");
        for (RpoBreach b : all) {
            sb.append("<tr>");
            cell(sb, b.job(), "l");
            cell(sb, Units.time(b.from(), r.zone()), "l");
            cell(sb, Units.time(b.to(), r.zone()), "l");
            cell(sb, Units.duration(b.duration()), null);
            cell(sb, note(b), "l");
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    public static String note(RpoBreach b) {
        if (b.beganBefore() && b.continuesAfter()) {
            return "began before and went on after this period";
        }
        return b.beganBefore() ? "began before this period" : b.continuesAfter() ? "still breached at the end of the period" : "";
    }

    private static void cell(StringBuilder sb, String text, String cssClass) {
        sb.append(cssClass == null ? "<td>" : "<td class=\"" + cssClass + "\">").append(esc(text)).append("</td>");
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
