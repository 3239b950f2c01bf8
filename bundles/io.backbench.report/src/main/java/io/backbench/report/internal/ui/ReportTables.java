package io.backbench.report.internal.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.backbench.report.internal.HtmlReport;
import io.backbench.report.internal.JobFigures;
import io.backbench.report.internal.MonthlyReport;
import io.backbench.report.internal.RpoBreach;
import io.backbench.report.internal.Units;

/**
 * The two tables of the view: the jobs (one row each, then the total) and the RPO breaches. Virtual,
 * as in the monitoring views, though a month has a row per job, not per run. UI thread only.
 */
final class ReportTables {
    static final String[] JOB_COLUMNS = {"Job", "Kind", "Runs", "Succeeded", "Warnings", "Failed", "Cancelled", "Interrupted", "Running",
        "Success", "Read", "New", "Stored", "Restore tests", "Passed", "Failed tests", "Worst restore vs RTO", "RPO", "RPO breaches"};
    private static final int[] JOB_WIDTHS = {160, 60, 45, 50, 50, 50, 50, 50, 50, 65, 75, 75, 75, 50, 50, 50, 190, 55, 110};
    static final String[] BREACH_COLUMNS = {"Job", "From", "To", "Duration", "Note"};
    private static final int[] BREACH_WIDTHS = {190, 130, 130, 90, 330};

    private final Table jobs;
    private final Table breaches;
    private List<JobFigures> rows = List.of();
    private List<RpoBreach> breachRows = List.of();
    private MonthlyReport report;

    ReportTables(Composite jobsParent, Composite breachesParent) {
        jobs = table(jobsParent, "jobs", JOB_COLUMNS, JOB_WIDTHS);
        for (int i = 2; i < JOB_COLUMNS.length; i++) {
            jobs.getColumn(i).setAlignment(i == 16 || i == 18 ? SWT.LEFT : SWT.RIGHT);
        }
        jobs.addListener(SWT.SetData, e -> fillJob((TableItem) e.item, jobs.indexOf((TableItem) e.item)));
        breaches = table(breachesParent, "breaches", BREACH_COLUMNS, BREACH_WIDTHS);
        breaches.addListener(SWT.SetData, e -> fillBreach((TableItem) e.item, breaches.indexOf((TableItem) e.item)));
    }

    private static Table table(Composite parent, String part, String[] columns, int[] widths) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL | SWT.VIRTUAL);
        t.setData(Keys.PART, part);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (int i = 0; i < columns.length; i++) {
            TableColumn c = new TableColumn(t, SWT.NONE);
            c.setText(columns[i]);
            // at least as wide as the header's text (what pack() gives a column without items)
            c.pack();
            c.setWidth(Math.max(c.getWidth(), widths[i]));
        }
        return t;
    }

    Table jobs() {
        return jobs;
    }

    Table breaches() {
        return breaches;
    }

    void show(MonthlyReport r) {
        report = r;
        List<JobFigures> all = new ArrayList<>(r.jobs());
        all.add(r.total());
        rows = all;
        breachRows = r.total().breaches();
        // emptied first: GTK removes surplus rows one by one otherwise
        jobs.setItemCount(0);
        jobs.clearAll();
        jobs.setItemCount(rows.size());
        breaches.setItemCount(0);
        breaches.setItemCount(breachRows.size());
    }

    private void fillJob(TableItem item, int index) {
        JobFigures f = rows.get(index);
        boolean total = index == rows.size() - 1;
        JobFigures.RestoreTests t = f.restoreTests();
        item.setData(f);
        item.setText(new String[] {f.name(), f.kind(), n(f.runs()), n(f.succeeded()), n(f.warnings()), n(f.failed()), n(f.cancelled()),
            n(f.interrupted()), n(f.running()), Units.percent(f.successRate()), Units.bytes(f.bytesRead()), Units.bytes(f.bytesNew()),
            Units.bytes(f.bytesStored()), n(t.count()), n(t.passed()), n(t.failed()), Units.worstRestore(t),
            total ? "" : Units.duration(f.rpo()), Units.breaches(f)});
        if (total) {
            item.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        }
        Color red = item.getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
        mark(item, 5, f.failed() > 0, red);
        mark(item, 7, f.interrupted() > 0, red);
        mark(item, 15, t.failed() > 0, red);
        mark(item, 16, Boolean.FALSE.equals(t.worstWithinRto()), red);
        mark(item, 18, !f.breaches().isEmpty(), red);
    }

    private static void mark(TableItem item, int column, boolean bad, Color red) {
        if (bad) {
            item.setForeground(column, red);
        }
    }

    private void fillBreach(TableItem item, int index) {
        RpoBreach b = breachRows.get(index);
        item.setData(b);
        item.setText(new String[] {b.job(), Units.time(b.from(), report.zone()), Units.time(b.to(), report.zone()),
            Units.duration(b.duration()), HtmlReport.note(b)});
    }

    private static String n(long v) {
        return Long.toString(v);
    }
}
