package io.backbench.report.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.NewRun;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.RunStatus;
import io.backbench.catalog.api.Verification;
import io.backbench.core.api.PluginManager;
import io.backbench.ui.testing.Osgi;
import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;

/**
 * The report plugin in the real workbench: runs of last month go into the real catalog, the plugin's
 * jar is installed through the plugin manager (as Install Plugin... does), and its Monthly Report
 * view (Monitor perspective) shows the figures and exports them as HTML and CSV.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthlyReportIT {
    static final String VIEW = "io.backbench.report.monthly";
    static final String BUNDLE = "io.backbench.report";
    static final long MIB = 1 << 20;
    static final ZoneId ZONE = ZoneId.systemDefault();
    static final YearMonth LAST_MONTH = YearMonth.now(ZONE).minusMonths(1);

    @AfterEach
    void closeDialogs() {
        WorkbenchDriver.closeDialogs();
    }

    private static Instant day(int d) {
        return LAST_MONTH.atDay(d).atTime(12, 0).atZone(ZONE).toInstant();
    }

    private static void run(Catalog c, JobDefinition job, int day, RunStatus status, RunMetrics m) {
        Run r = c.startRun(new NewRun(job.id(), job.name(), job.kind(), job.repository(), day(day)));
        c.finishRun(r.id(), status, day(day).plus(Duration.ofMinutes(20)), m, status.good() ? "" : "the disk was full");
    }

    private static void restoreTest(Catalog c, JobDefinition job, int day, Duration time) {
        c.recordVerification(new Verification(0, 0, job.id(), job.name(), job.repository(), "cd".repeat(32), day(day), true, 100, 12,
                3 * MIB, time, job.rto(), time.compareTo(job.rto()) > 0, List.of(), "all 12 files restored and equal"));
    }

    /** Last month's history: two jobs, every way a run can end, restore tests and an RPO gap. */
    private static void lastMonthsRuns() {
        Catalog c = Osgi.service(Catalog.class);
        JobDefinition home = c.saveJob(JobDefinition.of("Home folders", "backup", "/srv/backup/home", List.of("/home"))
                .withObjectives(Duration.ofDays(1), Duration.ofMinutes(30)));
        JobDefinition mail = c.saveJob(JobDefinition.of("Mail server", "backup", "/srv/backup/mail", List.of("/var/mail"))
                .withObjectives(Duration.ofDays(1), null));
        RunMetrics m = new RunMetrics(40 * MIB, 10 * MIB, 2 * MIB, MIB, 1200, 5, 1e6, "ab".repeat(32), 0, "");
        // both jobs are within their RPO today (so the workbench raises no RPO alert over the view)
        for (JobDefinition j : List.of(home, mail)) {
            Run today = c.startRun(new NewRun(j.id(), j.name(), j.kind(), j.repository(), Instant.now().minusSeconds(60)));
            c.finishRun(today.id(), RunStatus.SUCCEEDED, Instant.now(), m, "");
        }
        for (int d = 3; d <= 6; d++) {
            run(c, home, d, RunStatus.SUCCEEDED, m);
        }
        run(c, home, 7, RunStatus.FAILED, RunMetrics.NONE);
        run(c, home, 8, RunStatus.SUCCEEDED_WITH_WARNINGS, m);
        restoreTest(c, home, 5, Duration.ofMinutes(4));
        restoreTest(c, home, 9, Duration.ofMinutes(12));
        run(c, mail, 2, RunStatus.SUCCEEDED, m);
        run(c, mail, 6, RunStatus.SUCCEEDED, m);
        run(c, mail, 7, RunStatus.INTERRUPTED, RunMetrics.NONE);
    }

    private static Composite view() {
        Shell shell = WorkbenchDriver.shell();
        Ui.waitUntil("the Monthly Report view", () -> WorkbenchDriver.view(shell, VIEW).isPresent());
        return Ui.call(() -> WorkbenchDriver.view(shell, VIEW).orElseThrow());
    }

    private static Optional<Table> table(Composite view, String part) {
        return Ui.find(view, w -> w instanceof Table && part.equals(w.getData("backbench.part"))).stream().map(Table.class::cast).findFirst();
    }

    /** UI thread only. */
    private static List<List<String>> rows(Table t) {
        List<List<String>> rows = new ArrayList<>();
        for (TableItem item : t.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < t.getColumnCount(); i++) {
                cells.add(item.getText(i));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static Optional<List<String>> row(Composite view, String job) {
        return table(view, "jobs").flatMap(t -> rows(t).stream().filter(r -> r.get(0).equals(job)).findFirst());
    }

    private static String figure(Composite view, String key) {
        return Ui.call(() -> Ui.find(view, w -> w instanceof Label && key.equals(w.getData("backbench.figure"))).stream()
                .map(w -> ((Label) w).getText()).findFirst().orElseThrow(() -> new AssertionError("no figure " + key)));
    }

    private static String monthName(YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear();
    }

    @Test
    @Order(1)
    void thePluginDroppedIntoThePluginsFolderAddsTheViewWithLastMonthsFigures() throws Exception {
        Ui.workbench();
        lastMonthsRuns();
        // the plugin is not signed: the administrator allows unsigned plugins (the Preferences setting, as a .cfg file)
        PluginManager plugins = Osgi.service(PluginManager.class);
        Files.writeString(plugins.pluginFolder().resolve(PluginManager.PREFERENCES_PID + ".cfg"), "allowUntrusted=true\n");
        Ui.waitUntil("unsigned plugins to be allowed", plugins::allowsUntrusted);
        assertTrue(Osgi.bundle(BUNDLE).isEmpty(), "the report plugin is not part of the product");
        plugins.install(Path.of(Osgi.property("backbench.uitests.plugin")));
        Ui.waitUntil("the report plugin to start", () -> Osgi.bundle(BUNDLE).map(b -> b.getState() == Bundle.ACTIVE).orElse(false));

        WorkbenchDriver.showPerspective(WorkbenchDriver.MONITOR);
        WorkbenchDriver.activateView(VIEW);
        Composite v = view();
        Ui.waitUntil("last month's rows", () -> row(v, "Home folders").isPresent() && row(v, "Mail server").isPresent());
        String month = Ui.call(() -> ((Combo) Ui.find(v, Ui.data("backbench.field", "month")).get(0)).getText());
        assertEquals(monthName(LAST_MONTH), month, "the last complete month is shown first");

        List<String> home = Ui.call(() -> row(v, "Home folders").orElseThrow());
        assertEquals(List.of("Home folders", "backup", "6", "4", "1", "1", "0", "0", "0", "83.3 %", "50.0 MiB", "10.0 MiB", "5.0 MiB", "2",
                "2", "0", "12m 00s within RTO 30m 00s", "1d 0h"), home.subList(0, 18));
        assertTrue(home.get(18).startsWith("2, "), "two RPO breaches: the 7th to the 8th, and from the 9th to the month's end: " + home);
        List<String> mail = Ui.call(() -> row(v, "Mail server").orElseThrow());
        assertEquals(List.of("3", "2", "0", "0", "0", "1", "0", "66.7 %"), mail.subList(2, 10));
        List<String> total = Ui.call(() -> row(v, "Total").orElseThrow());
        assertEquals("9", total.get(2));
        assertEquals("77.8 %", total.get(9));
        assertEquals("9", figure(v, "runs"));
        assertEquals("77.8 %", figure(v, "success-rate"));
        assertEquals("70.0 MiB", figure(v, "data"));
        assertEquals("2", figure(v, "restore-tests"));
        List<List<String>> breaches = Ui.call(() -> rows(table(v, "breaches").orElseThrow()));
        assertTrue(breaches.stream().anyMatch(r -> r.get(0).equals("Mail server") && r.get(1).startsWith(LAST_MONTH + "-03")
                && r.get(2).startsWith(LAST_MONTH + "-06")), "Mail server's gap from the 3rd to the 6th: " + breaches);

        // the screenshot in a window as large as the screen, as an administrator would look at a report
        Shell shell = WorkbenchDriver.shell();
        Ui.run(() -> shell.setBounds(shell.getDisplay().getPrimaryMonitor().getClientArea()));
        Path shot = Ui.screenshot(shell, "monthly-report");
        assertTrue(Files.size(shot) > 0);
    }

    @Test
    @Order(2)
    void exportsTheShownMonthAsHtmlAndCsv() throws Exception {
        Composite v = view();
        Path data = Path.of(Osgi.property("backbench.uitests.data"));
        Files.createDirectories(data);
        Path html = data.resolve("report.html");
        Path csv = data.resolve("report.csv");
        export("export-html", html);
        export("export-csv", csv);
        Ui.waitUntil("both exports written", () -> Files.exists(html) && Files.exists(csv));

        String page = Files.readString(html);
        assertTrue(page.contains("<h1>Protection report: " + monthName(LAST_MONTH) + "</h1>"), page);
        assertTrue(page.contains("<td class=\"l\">Home folders</td><td class=\"l\">backup</td><td>6</td><td>4</td><td>1</td>"), page);
        assertTrue(page.contains("12m 00s within RTO 30m 00s"));
        assertTrue(!page.toLowerCase(Locale.ROOT).contains("<script"), "no scripts");

        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), "header, two jobs, total: " + lines);
        assertTrue(Files.readString(csv).contains("\r\n"), "RFC 4180 line ends");
        assertTrue(lines.get(1).startsWith(LAST_MONTH + ",Home folders,backup,6,4,1,1,0,0,0,0.8333," + 50 * MIB + "," + 10 * MIB + ","
                + 5 * MIB + ",2,2,0,720,1800,86400,2,"), lines.get(1));
        assertTrue(lines.get(3).startsWith(LAST_MONTH + ",Total,,9,6,1,1,0,1,0,0.7778,"), lines.get(3));
        assertTrue(Ui.call(() -> table(v, "jobs").isPresent()));
    }

    private static void export(String action, Path file) {
        ToolItem item = WorkbenchDriver.viewTool(VIEW, action);
        Ui.run(() -> item.setData("backbench.fileDialog.answer", file.toString()));
        Ui.click(item);
    }

    @Test
    @Order(3)
    void aMonthWithoutJobsOrRunsShowsWhatTheReportWouldHold() {
        Composite v = view();
        Ui.run(() -> {
            Combo c = (Combo) Ui.find(v, Ui.data("backbench.field", "month")).get(0);
            c.select(c.getItemCount() - 1);
            c.notifyListeners(SWT.Selection, new Event());
        });
        Ui.waitUntil("the empty state", () -> Ui.find(v, w -> w instanceof Composite c && Boolean.TRUE.equals(c.getData("backbench.empty"))
                && c.isVisible()).size() == 1);
        String text = Ui.call(() -> WorkbenchDriver.labels(v));
        assertTrue(text.contains("Nothing to report for " + monthName(YearMonth.now(ZONE).minusMonths(24))), text);
        assertTrue(text.contains("Jobs view"), "says how to get figures: " + text);
    }
}
