package io.backbench.ui.monitor.itests;

import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;
import io.backbench.ui.testing.Osgi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunStatus;

/**
 * The acceptance, in the real workbench with the real catalog and jobs: a file backup job
 * made in the Jobs view's form, run, seen in the Progress view and in Job History with its byte
 * counts; a restore test from the Snapshots view seen in Verification and the Dashboard; one file
 * restored from the snapshot browser; a failing job's alert. The catalog starts empty (fresh home),
 * so the empty states come first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitorViewsIT {
    private static final String JOB = "Project files";
    private static final int[] SIZES = {100_000, 40_000, 10_000};

    @AfterEach
    void closeDialogs() {
        WorkbenchDriver.closeDialogs();
    }

    @Test
    @Order(1)
    void showsEmptyStatesWhileTheCatalogIsEmpty() {
        Ui.workbench();
        // each view says how it gets filled
        java.util.Map<String, String> howTo = java.util.Map.of(MonitorDriver.HISTORY, "Run Now", MonitorDriver.DASHBOARD, "Jobs view",
                MonitorDriver.JOBS, "New Job...", MonitorDriver.VERIFICATION, "Test Restore");
        for (String view : howTo.keySet()) {
            MonitorDriver.show(WorkbenchDriver.MONITOR, view);
            Composite v = MonitorDriver.view(view);
            Ui.waitUntil("the empty state of " + view, () -> MonitorDriver.showsEmptyState(v));
            String text = Ui.call(() -> WorkbenchDriver.labels(v));
            assertTrue(text.contains(howTo.get(view)), view + " says how to fill it: " + text);
        }
        MonitorDriver.show(WorkbenchDriver.BACKUPS, MonitorDriver.SNAPSHOTS);
        Composite snapshots = MonitorDriver.view(MonitorDriver.SNAPSHOTS);
        Ui.waitUntil("the empty state of the Snapshots view", () -> MonitorDriver.showsEmptyState(snapshots));
        MonitorDriver.show(WorkbenchDriver.BACKUPS, MonitorDriver.REPOSITORIES);
        Composite repositories = MonitorDriver.view(MonitorDriver.REPOSITORIES);
        Ui.waitUntil("the empty state of the Repositories view", () -> MonitorDriver.showsEmptyState(repositories));
        String text = Ui.call(() -> WorkbenchDriver.labels(repositories));
        assertTrue(text.contains("Jobs view") && text.contains("Check Now"), text);
    }

    @Test
    @Order(2)
    void backsUpFromTheJobsViewThenTestsAndRestoresFromTheSnapshotsView() throws Exception {
        Path data = Path.of(Osgi.property("backbench.uitests.data"));
        Path source = data.resolve("source");
        Path repo = data.resolve("repo");
        Path password = data.resolve("password");
        Files.createDirectories(source.resolve("docs"));
        Random random = new Random(42);
        long total = 0;
        for (int i = 0; i < SIZES.length; i++) {
            byte[] bytes = new byte[SIZES[i]];
            random.nextBytes(bytes);
            Files.write(source.resolve(i == 0 ? "docs/report.bin" : "file" + i + ".bin"), bytes);
            total += bytes.length;
        }
        Files.writeString(password, "correct horse battery staple\n");

        // the form: five pages, filled as a user would
        MonitorDriver.show(WorkbenchDriver.MONITOR, MonitorDriver.JOBS);
        MonitorDriver.tool(MonitorDriver.JOBS, "new");
        Shell form = Ui.dialog("job");
        MonitorDriver.type(form, "name", JOB);
        MonitorDriver.type(form, "kind", "backup");
        MonitorDriver.type(form, "sources", source.toString());
        MonitorDriver.type(form, "repository", repo.toString());
        MonitorDriver.type(form, "password-file", password.toString());
        MonitorDriver.check(form, "init", true);
        MonitorDriver.type(form, "schedule", "daily 02:30");
        MonitorDriver.type(form, "retention", "last=7,daily=14");
        MonitorDriver.type(form, "rpo", "26h");
        MonitorDriver.type(form, "rto", "30m");
        WorkbenchDriver.press(form, "Save");
        Catalog catalog = Osgi.service(Catalog.class);
        Ui.waitUntil("the job in the catalog", () -> catalog.jobByName(JOB).isPresent());
        assertTrue(Files.exists(repo.resolve("config")), "the form created the repository");

        MonitorDriver.select(MonitorDriver.JOBS, null, 0, JOB);
        MonitorDriver.tool(MonitorDriver.JOBS, "run");
        // the Progress view (built into the workbench) lists the run while it runs and for minutes after
        Shell shell = WorkbenchDriver.shell();
        Ui.waitUntil("the backup in the Progress view", () -> WorkbenchDriver.view(shell, WorkbenchDriver.PROGRESS)
                .map(p -> WorkbenchDriver.labels(p).contains(JOB)).orElse(false));

        MonitorDriver.show(WorkbenchDriver.MONITOR, MonitorDriver.HISTORY);
        Composite history = MonitorDriver.view(MonitorDriver.HISTORY);
        String expectedData = String.format(Locale.ROOT, "%.1f KiB", total / 1024.0);
        Ui.waitUntil("a succeeded row in Job History", () -> MonitorDriver.table(history, null)
                .map(t -> MonitorDriver.rows(t).stream().anyMatch(r -> r.get(0).equals(JOB) && r.get(5).equals("Succeeded"))).orElse(false));
        Run run = Ui.call(() -> (Run) MonitorDriver.table(history, null).orElseThrow().getItem(0).getData());
        assertEquals(RunStatus.SUCCEEDED, run.status());
        assertEquals(total, run.metrics().bytesRead(), "bytes read = the sources' size");
        assertEquals(3, run.metrics().files());
        List<String> row = Ui.call(() -> MonitorDriver.rows(MonitorDriver.table(history, null).orElseThrow()).get(0));
        assertEquals(expectedData, row.get(6), "the Data column");
        assertEquals("backup", row.get(1));
        assertEquals(repo.toString(), row.get(2));

        // a restore test of that snapshot, from the Snapshots view
        String snapshot = run.metrics().snapshotId();
        MonitorDriver.show(WorkbenchDriver.BACKUPS, MonitorDriver.SNAPSHOTS);
        MonitorDriver.select(MonitorDriver.SNAPSHOTS, "repositories", 0, repo.toString());
        MonitorDriver.select(MonitorDriver.SNAPSHOTS, "snapshots", 1, snapshot.substring(0, 8));
        MonitorDriver.tool(MonitorDriver.SNAPSHOTS, "test");
        MonitorDriver.show(WorkbenchDriver.MONITOR, MonitorDriver.VERIFICATION);
        Composite verification = MonitorDriver.view(MonitorDriver.VERIFICATION);
        Ui.waitUntil("a passed restore test in the Verification view", () -> MonitorDriver.table(verification, null)
                .map(t -> MonitorDriver.rows(t).stream().anyMatch(r -> r.get(1).equals(JOB) && r.get(2).equals("Passed")
                        && r.get(8).equals(snapshot.substring(0, 8)))).orElse(false));
        MonitorDriver.show(WorkbenchDriver.MONITOR, MonitorDriver.DASHBOARD);
        Composite dashboard = MonitorDriver.view(MonitorDriver.DASHBOARD);
        Ui.waitUntil("the restore test on the Dashboard", () -> MonitorDriver.table(dashboard, "restore-tests")
                .map(t -> MonitorDriver.rows(t).stream().anyMatch(r -> r.get(0).equals(JOB) && r.get(1).equals("Passed"))).orElse(false));
        Ui.waitUntil("the job green in the RPO panel", () -> MonitorDriver.table(dashboard, "rpo")
                .map(t -> MonitorDriver.rows(t).stream().anyMatch(r -> r.get(0).equals(JOB) && r.get(1).equals("OK"))).orElse(false));

        // one file restored from the snapshot browser
        Path restoreTo = data.resolve("restored");
        Files.createDirectories(restoreTo);
        String file = source.resolve("docs/report.bin").toString();
        MonitorDriver.show(WorkbenchDriver.BACKUPS, MonitorDriver.SNAPSHOTS);
        MonitorDriver.select(MonitorDriver.SNAPSHOTS, "snapshots", 1, snapshot.substring(0, 8));
        MonitorDriver.selectInTree(MonitorDriver.SNAPSHOTS, file);
        MonitorDriver.answerDialog(MonitorDriver.SNAPSHOTS, "restore", restoreTo.toString());
        MonitorDriver.tool(MonitorDriver.SNAPSHOTS, "restore");
        Path restored = restoreTo.resolve(file.substring(1));
        Ui.waitUntil("the restored file " + restored, () -> Files.exists(restored) && size(restored) == SIZES[0]);
        assertArrayEquals(Files.readAllBytes(source.resolve("docs/report.bin")), Files.readAllBytes(restored));
        assertTrue(!Files.exists(restoreTo.resolve(source.resolve("file1.bin").toString().substring(1))), "only the selected file");
    }

    @Test
    @Order(3)
    void aRestoreOntoAFullDiskSaysSoInTheProgressView() throws Exception {
        // a real full disk: a 64 KiB tmpfs (the test runs as root, as CI does), too small for the 100 kB file
        Path data = Path.of(Osgi.property("backbench.uitests.data"));
        Path full = data.resolve("full-disk");
        Files.createDirectories(full);
        mount("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", full.toString());
        try {
            Catalog catalog = Osgi.service(Catalog.class);
            Run run = catalog.runs(io.backbench.catalog.api.RunQuery.newest()).items().stream()
                    .filter(r -> r.status() == RunStatus.SUCCEEDED && r.metrics().snapshotId() != null).findFirst().orElseThrow();
            String snapshot = run.metrics().snapshotId();
            String file = data.resolve("source/docs/report.bin").toString();
            MonitorDriver.show(WorkbenchDriver.BACKUPS, MonitorDriver.SNAPSHOTS);
            MonitorDriver.select(MonitorDriver.SNAPSHOTS, "repositories", 0, data.resolve("repo").toString());
            MonitorDriver.select(MonitorDriver.SNAPSHOTS, "snapshots", 1, snapshot.substring(0, 8));
            MonitorDriver.selectInTree(MonitorDriver.SNAPSHOTS, file);
            MonitorDriver.answerDialog(MonitorDriver.SNAPSHOTS, "restore", full.toString());
            MonitorDriver.tool(MonitorDriver.SNAPSHOTS, "restore");
            Shell shell = WorkbenchDriver.shell();
            Ui.waitUntil("the full disk named in the Progress view", () -> WorkbenchDriver.view(shell, WorkbenchDriver.PROGRESS)
                    .map(p -> {
                        String text = WorkbenchDriver.labels(p);
                        return text.contains("the file system of " + full + " is full") && text.contains("Free at least");
                    }).orElse(false));
            Ui.screenshot(shell, "restore-disk-full");
            Path partial = full.resolve(file.substring(1));
            assertTrue(!Files.exists(partial), "no partly written file is left: " + partial);
        } finally {
            mount("umount", full.toString());
        }
    }

    private static void mount(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + " failed (the UI tests run as root): " + out);
    }

    @Test
    @Order(4)
    void aFailedJobShowsInTheStatusLineAndANotification() throws Exception {
        Path data = Path.of(Osgi.property("backbench.uitests.data"));
        MonitorDriver.show(WorkbenchDriver.MONITOR, MonitorDriver.JOBS);
        MonitorDriver.tool(MonitorDriver.JOBS, "new");
        Shell form = Ui.dialog("job");
        MonitorDriver.type(form, "name", "Broken job");
        MonitorDriver.type(form, "sources", data.resolve("source").toString());
        MonitorDriver.type(form, "repository", data.resolve("no-such-repo").toString());
        MonitorDriver.type(form, "password-file", data.resolve("password").toString());
        WorkbenchDriver.press(form, "Save");
        MonitorDriver.select(MonitorDriver.JOBS, null, 0, "Broken job");
        MonitorDriver.tool(MonitorDriver.JOBS, "run");
        Ui.waitUntil("the alert notification", () -> {
            for (Shell s : Ui.display().getShells()) {
                for (Shell popup : s.getShells()) {
                    if (Boolean.TRUE.equals(popup.getData("backbench.notification")) && popup.isVisible()
                            && WorkbenchDriver.labels(popup).contains("Job failed: Broken job")) {
                        return true;
                    }
                }
            }
            return false;
        });
        Shell shell = WorkbenchDriver.shell();
        Ui.waitUntil("the alert in the status line", () -> WorkbenchDriver.labels(shell).contains("Job failed: Broken job"));
        MonitorDriver.show(WorkbenchDriver.MONITOR, MonitorDriver.HISTORY);
        Composite history = MonitorDriver.view(MonitorDriver.HISTORY);
        Ui.waitUntil("a failed row in Job History", () -> MonitorDriver.table(history, null)
                .map(t -> MonitorDriver.rows(t).stream().anyMatch(r -> r.get(0).equals("Broken job") && r.get(5).equals("Failed")))
                .orElse(false));
    }

    @Test
    @Order(5)
    void checksARepositoryFromTheRepositoriesView() throws Exception {
        Path data = Path.of(Osgi.property("backbench.uitests.data"));
        String repo = data.resolve("repo").toString();
        Catalog catalog = Osgi.service(Catalog.class);
        int snapshotCount = catalog.snapshots(repo).size();
        MonitorDriver.show(WorkbenchDriver.BACKUPS, MonitorDriver.REPOSITORIES);
        Composite view = MonitorDriver.view(MonitorDriver.REPOSITORIES);
        Ui.waitUntil("the job's repository, not checked yet", () -> row(view, repo)
                .map(r -> r.get(1).equals(JOB) && r.get(2).equals(Integer.toString(snapshotCount)) && r.get(5).equals("never")
                        && r.get(6).startsWith("Not checked yet")).orElse(false));
        // the failed job's repository is listed too, though nothing was ever written there
        Ui.waitUntil("the broken job's repository", () -> row(view, data.resolve("no-such-repo").toString()).isPresent());

        MonitorDriver.select(MonitorDriver.REPOSITORIES, "repositories", 0, repo);
        MonitorDriver.tool(MonitorDriver.REPOSITORIES, "check");
        Ui.waitUntil("a passed check reading the first tenth", () -> row(view, repo).map(r -> r.get(6)
                .startsWith("Passed: no errors in " + snapshotCount + (snapshotCount == 1 ? " snapshot" : " snapshots"))
                && r.get(6).endsWith("(subset 1/10)")).orElse(false));
        MonitorDriver.tool(MonitorDriver.REPOSITORIES, "check-all");
        Ui.waitUntil("a passed check reading all data", () -> row(view, repo).map(r -> r.get(6).startsWith("Passed: no errors")
                && r.get(6).contains("read") && !r.get(6).contains("subset")).orElse(false));
        List<Run> checks = catalog.runs(io.backbench.catalog.api.RunQuery.newest()).items().stream()
                .filter(r -> r.kind().equals("check") && r.target().equals(repo)).toList();
        assertEquals(2, checks.size(), checks.toString());
        assertTrue(checks.stream().allMatch(r -> r.status() == RunStatus.SUCCEEDED), checks.toString());

        // a check job of its own, from the Jobs view's form, reading half of the data each run
        MonitorDriver.show(WorkbenchDriver.MONITOR, MonitorDriver.JOBS);
        MonitorDriver.tool(MonitorDriver.JOBS, "new");
        Shell form = Ui.dialog("job");
        MonitorDriver.type(form, "name", "Weekly check");
        MonitorDriver.type(form, "kind", "check");
        MonitorDriver.type(form, "repository", repo);
        MonitorDriver.type(form, "password-file", data.resolve("password").toString());
        MonitorDriver.type(form, "schedule", "weekly sun 04:00");
        MonitorDriver.type(form, "read-data", "rotate/2");
        Ui.run(() -> Ui.find(form, w -> w instanceof org.eclipse.swt.widgets.TabFolder).stream()
                .map(org.eclipse.swt.widgets.TabFolder.class::cast).findFirst().orElseThrow().setSelection(3));
        Ui.screenshot(form, "job-form-check");
        WorkbenchDriver.press(form, "Save");
        Ui.waitUntil("the check job in the catalog", () -> catalog.jobByName("Weekly check").isPresent());
        assertEquals("rotate/2", catalog.jobByName("Weekly check").orElseThrow().option("read-data", null));
        MonitorDriver.select(MonitorDriver.JOBS, null, 0, "Weekly check");
        MonitorDriver.tool(MonitorDriver.JOBS, "run");
        Ui.waitUntil("the check job's run", () -> catalog.runs(io.backbench.catalog.api.RunQuery.newest()).items().stream()
                .anyMatch(r -> r.jobName().equals("Weekly check") && r.status() == RunStatus.SUCCEEDED
                        && r.metrics().summary().endsWith("(subset 1/2)")));
    }

    /** The Repositories view's row of {@code repository}. UI thread only. */
    private static java.util.Optional<List<String>> row(Composite view, String repository) {
        return MonitorDriver.table(view, "repositories")
                .flatMap(t -> MonitorDriver.rows(t).stream().filter(r -> r.get(0).equals(repository)).findFirst());
    }

    @Test
    @Order(6)
    void screenshotsTheMonitoringViewsWithRealRuns() throws Exception {
        Catalog catalog = Osgi.service(Catalog.class);
        // a few more real runs, with a changed file in between, so the charts have a trend
        Path data = Path.of(Osgi.property("backbench.uitests.data"));
        for (int i = 0; i < 3; i++) {
            Files.write(data.resolve("source/change" + i + ".bin"), new byte[20_000 * (i + 1)]);
            long before = catalog.runs(io.backbench.catalog.api.RunQuery.newest()).total();
            MonitorDriver.show(WorkbenchDriver.MONITOR, MonitorDriver.JOBS);
            MonitorDriver.select(MonitorDriver.JOBS, null, 0, JOB);
            MonitorDriver.tool(MonitorDriver.JOBS, "run");
            Ui.waitUntil("run " + (i + 2), () -> catalog.runs(io.backbench.catalog.api.RunQuery.newest()).items().stream()
                    .filter(r -> r.status().done()).count() >= before + 1);
        }
        Shell shell = WorkbenchDriver.shell();
        // within xvfb-run's default 1280x1024 screen
        Ui.run(() -> shell.setBounds(0, 0, 1270, 860));
        MonitorDriver.show(WorkbenchDriver.MONITOR, MonitorDriver.HISTORY);
        Composite history = MonitorDriver.view(MonitorDriver.HISTORY);
        Ui.waitUntil("six runs in Job History", () -> MonitorDriver.table(history, null).map(Table::getItemCount).orElse(0) >= 6);
        Ui.waitUntil("every row filled", () -> MonitorDriver.table(history, null).map(t -> {
            for (TableItem item : t.getItems()) {
                if (item.getText(0).equals("...")) {
                    return false;
                }
            }
            return true;
        }).orElse(false));
        Ui.screenshot(shell, "job-history");
        MonitorDriver.show(WorkbenchDriver.MONITOR, MonitorDriver.DASHBOARD);
        Composite dashboard = MonitorDriver.view(MonitorDriver.DASHBOARD);
        Ui.waitUntil("the four charts drawn", () -> Ui.find(dashboard, w -> Boolean.TRUE.equals(w.getData("backbench.chart.drawn")))
                .size() == 4);
        Ui.screenshot(shell, "dashboard");
        MonitorDriver.show(WorkbenchDriver.MONITOR, MonitorDriver.JOBS);
        MonitorDriver.show(WorkbenchDriver.MONITOR, MonitorDriver.VERIFICATION);
        Ui.screenshot(shell, "verification");
        MonitorDriver.show(WorkbenchDriver.BACKUPS, MonitorDriver.REPOSITORIES);
        Composite repositories = MonitorDriver.view(MonitorDriver.REPOSITORIES);
        String repo = data.resolve("repo").toString();
        int snapshots = catalog.snapshots(repo).size();
        Ui.waitUntil("the new snapshots counted", () -> row(repositories, repo)
                .map(r -> r.get(2).equals(Integer.toString(snapshots))).orElse(false));
        // the second rotating check of this repository reads the second tenth of its data (Check All Data
        // in between read no part of the rotation)
        MonitorDriver.select(MonitorDriver.REPOSITORIES, "repositories", 0, repo);
        MonitorDriver.tool(MonitorDriver.REPOSITORIES, "check");
        Ui.waitUntil("a check of all " + snapshots + " snapshots", () -> row(repositories, repo).map(r -> r.get(6)
                .startsWith("Passed: no errors in " + snapshots + " snapshots") && r.get(6).endsWith("(subset 2/10)")).orElse(false));
        Ui.screenshot(shell, "repositories");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
