package io.backbench.ui.monitor.internal.repositories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import io.backbench.catalog.api.CachedSnapshot;
import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogChange;
import io.backbench.catalog.api.CatalogListener;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.RunQuery;
import io.backbench.catalog.api.RunSort;
import io.backbench.catalog.api.RunStatus;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.jobs.scheduler.api.RepositoryChecks;
import io.backbench.ui.api.EmptyState;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.monitor.internal.Background;
import io.backbench.ui.monitor.internal.Format;
import io.backbench.ui.monitor.internal.Icons;
import io.backbench.ui.monitor.internal.Widgets;

/**
 * Every repository the jobs use (and any whose snapshots the catalog holds): its jobs, snapshots,
 * the newest one, its stored size as the last run measured it, and its last check with the result.
 * "Check Now" checks the structure and reads the next tenth of the data (a rotation over the
 * repository's checks); "Check All Data" reads every pack. Both run as {@code check} jobs, so the
 * Progress view shows them and Job History keeps them. Catalog calls run on the view's worker thread.
 */
final class RepositoriesView implements ViewPart {
    static final String ROTATING = "rotate/10";
    private static final String[] COLUMNS = {"Repository", "Jobs", "Snapshots", "Newest snapshot", "Stored", "Last check", "Check result"};
    private static final int[] WIDTHS = {320, 130, 80, 150, 80, 150, 520};
    /** The ends of a check that tell something about the repository. */
    private static final Set<RunStatus> RESULTS = Set.of(RunStatus.SUCCEEDED, RunStatus.SUCCEEDED_WITH_WARNINGS, RunStatus.FAILED);
    /** Runs looked at for the stored size: the newest that measured it. */
    private static final int SIZE_RUNS = 20;

    private final Catalog catalog;
    private final JobRunner runner;
    private ViewSite site;
    private Background background;
    private EmptyState empty;
    private Table table;
    private CatalogListener listener;

    /**
     * One repository as the view shows it.
     *
     * @param passwordJob a job whose options open it (a backup job if there is one), or null
     * @param lastCheck   the newest check run, or null
     * @param lastResult  the newest check run with a result (passed or failed), or null
     */
    record Row(String location, List<String> jobs, JobDefinition passwordJob, int snapshots, Instant newest, long stored,
            Run lastCheck, Run lastResult) {
    }

    RepositoriesView(Catalog catalog, JobRunner runner) {
        this.catalog = catalog;
        this.runner = runner;
    }

    @Override
    public void createControl(Composite parent, ViewSite viewSite) {
        site = viewSite;
        background = new Background("repositories", viewSite);
        empty = new EmptyState(parent, "No repositories yet",
                "Each repository your jobs back up to is listed here with its snapshots, its size and its last integrity "
                        + "check. Check Now verifies the structure and reads the next tenth of the data, so that ten checks "
                        + "read all of it; Check All Data reads every pack at once.\n\nA repository appears here as soon as a job "
                        + "uses it: create one in the Jobs view. The Snapshots view browses and restores them.");
        table = Widgets.table(empty.stack(), "repositories", COLUMNS, WIDTHS);
        empty.setContent(table);
        Widgets.tool(site, "refresh", "Refresh", "Read the repositories from the catalog again", this::refresh);
        Widgets.tool(site, "check", "Check Now",
                "Check the selected repository's structure and read the next tenth of its data (ten checks read all of it)",
                () -> check(ROTATING));
        Widgets.tool(site, "check-all", "Check All Data", "Check the selected repository and read every pack: "
                + "slow for a large repository, and every byte is downloaded from a cloud target", () -> check("all"));
        Runnable refresh = Background.coalescing(viewSite, 300, this::refresh);
        listener = change -> {
            if (change.what() != CatalogChange.What.RUN_EVENT && change.what() != CatalogChange.What.VERIFICATION) {
                refresh.run();
            }
        };
        catalog.addListener(listener);
        refresh();
    }

    private void refresh() {
        background.load("Repositories", this::rows, this::show);
    }

    /** Worker thread. */
    private List<Row> rows() {
        Map<String, List<JobDefinition>> byRepository = new LinkedHashMap<>();
        for (JobDefinition j : catalog.jobs()) {
            if (!j.repository().isBlank()) {
                byRepository.computeIfAbsent(j.repository(), k -> new ArrayList<>()).add(j);
            }
        }
        for (String location : catalog.cachedRepositories()) {
            byRepository.computeIfAbsent(location, k -> new ArrayList<>());
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<JobDefinition>> e : byRepository.entrySet()) {
            String location = e.getKey();
            List<JobDefinition> jobs = e.getValue();
            JobDefinition password = jobs.stream().filter(j -> j.kind().equals(JobKind.BACKUP)).findFirst()
                    .orElse(jobs.isEmpty() ? null : jobs.get(0));
            List<CachedSnapshot> snapshots = catalog.snapshots(location);
            Instant newest = snapshots.stream().map(CachedSnapshot::time).max(Instant::compareTo).orElse(null);
            RunFilter here = RunFilter.ALL.withTargets(Set.of(location));
            long stored = catalog.runs(new RunQuery(here, RunSort.STARTED, true, 0, SIZE_RUNS)).items().stream()
                    .mapToLong(r -> r.metrics() == null ? 0 : r.metrics().repositoryBytes()).filter(b -> b > 0).findFirst().orElse(0);
            RunFilter checks = here.withKinds(Set.of(JobKind.CHECK));
            Run last = first(checks);
            Run result = last == null || RESULTS.contains(last.status()) ? last : first(checks.withStatuses(RESULTS));
            rows.add(new Row(location, jobs.stream().map(JobDefinition::name).toList(), password, snapshots.size(), newest, stored,
                    last, result));
        }
        return rows;
    }

    private Run first(RunFilter filter) {
        List<Run> runs = catalog.runs(new RunQuery(filter, RunSort.STARTED, true, 0, 1)).items();
        return runs.isEmpty() ? null : runs.get(0);
    }

    private void show(List<Row> rows) {
        if (table.isDisposed()) {
            return;
        }
        Row selected = selected();
        table.removeAll();
        for (Row r : rows) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(r);
            item.setText(new String[] {r.location(), String.join(", ", r.jobs()), Integer.toString(r.snapshots()), Format.time(r.newest()),
                    r.stored() > 0 ? Format.bytes(r.stored()) : "", r.lastCheck() == null ? "never" : Format.time(r.lastCheck().started()),
                    result(r)});
            item.setImage(6, Icons.lamp(table.getDisplay(), r.lastCheck() == null ? Icons.Lamp.GREY
                    : r.lastCheck().status() == RunStatus.RUNNING ? Icons.Lamp.BLUE
                    : r.lastResult() == null ? Icons.Lamp.GREY : Icons.of(r.lastResult().status())));
            if (selected != null && selected.location().equals(r.location())) {
                table.setSelection(item);
            }
        }
        empty.showEmpty(rows.isEmpty());
        if (table.getSelectionCount() == 0 && table.getItemCount() > 0) {
            table.setSelection(0);
        }
    }

    /**
     * The last result ("Passed: no errors in ...", "Failed: check found ..."), after what the newest
     * check is doing if it has no result ("Running", "Cancelled"), or what to do when never checked.
     */
    static String result(Row row) {
        Run check = row.lastCheck();
        if (check == null) {
            return row.passwordJob() == null ? "Not checked: no job uses it (its password is unknown)"
                    : "Not checked yet: press Check Now";
        }
        String last = row.lastResult() == null ? "no check has finished yet" : resultOf(row.lastResult());
        return check == row.lastResult() ? last : Format.status(check.status()) + "; last result: " + last;
    }

    private static String resultOf(Run check) {
        if (check.status() == RunStatus.FAILED) {
            String error = check.error() == null ? "" : check.error();
            return "Failed" + (error.isEmpty() ? "" : ": " + error);
        }
        String summary = check.metrics() == null ? "" : check.metrics().summary();
        return "Passed" + (summary.isEmpty() ? "" : ": " + summary);
    }

    private Row selected() {
        TableItem[] sel = table.getSelection();
        return sel.length == 0 ? null : (Row) sel[0].getData();
    }

    private void check(String readData) {
        Row row = selected();
        if (row == null) {
            site.setStatusMessage("Select a repository to check");
            return;
        }
        if (row.passwordJob() == null) {
            site.setStatusMessage("No job uses " + row.location() + ", so its password is unknown: create a job for it to check it");
            return;
        }
        background.load("Check repository", () -> runner.submit(RepositoryChecks.of(row.passwordJob(), readData)),
                ticket -> site.setStatusMessage("Check of " + row.location() + " queued; it starts when nothing else uses the"
                        + " repository (the Progress view shows it; the result appears here and in Job History)"));
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        catalog.removeListener(listener);
        background.close();
    }
}
