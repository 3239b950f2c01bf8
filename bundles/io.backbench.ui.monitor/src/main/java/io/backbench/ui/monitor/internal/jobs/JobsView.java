package io.backbench.ui.monitor.internal.jobs;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogChange;
import io.backbench.catalog.api.CatalogListener;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RpoStatus;
import io.backbench.jobs.scheduler.api.JobRunner;
import io.backbench.jobs.scheduler.api.Scheduler;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.monitor.internal.Background;
import io.backbench.ui.api.EmptyState;
import io.backbench.ui.monitor.internal.Format;
import io.backbench.ui.monitor.internal.Icons;
import io.backbench.ui.monitor.internal.Widgets;
import io.backbench.ui.monitor.internal.RepositoryAccess;

/**
 * The job definitions: create, edit, run now, enable or disable, delete. Catalog calls run on the
 * view's worker thread; the table changes on the UI thread.
 */
final class JobsView implements ViewPart {
    private static final String[] COLUMNS = {"Name", "Kind", "Enabled", "Schedule", "Next run", "Repository", "Sources", "RPO", "RTO"};
    private static final int[] WIDTHS = {200, 90, 70, 150, 150, 220, 220, 70, 70};

    private final Catalog catalog;
    private final JobRunner runner;
    private final Supplier<Scheduler> scheduler;
    private final RepositoryAccess repositories;
    private ViewSite site;
    private Background background;
    private EmptyState empty;
    private Table table;
    private CatalogListener listener;

    /** A row: a definition, when it runs next, and its RPO state. */
    private record Row(JobDefinition job, Instant next, RpoStatus rpo) {
    }

    JobsView(Catalog catalog, JobRunner runner, Supplier<Scheduler> scheduler, RepositoryAccess repositories) {
        this.catalog = catalog;
        this.runner = runner;
        this.scheduler = scheduler;
        this.repositories = repositories;
    }

    @Override
    public void createControl(Composite parent, ViewSite viewSite) {
        site = viewSite;
        background = new Background("jobs", viewSite);
        empty = new EmptyState(parent, "No jobs yet",
                "A job says what to protect, where to, when, and how fresh the last good backup must be (RPO) and how fast a "
                        + "restore must be (RTO).\n\nPress New Job... in this view's tool bar to create one; Run Now starts it "
                        + "at once, and its schedule starts it later. Jobs made with 'backbench jobs add' appear here too.");
        table = Widgets.table(empty.stack(), "jobs", COLUMNS, WIDTHS);
        table.addListener(SWT.DefaultSelection, e -> edit());
        empty.setContent(table);
        tool("new", "New Job...", "Create a job definition", this::create);
        tool("edit", "Edit...", "Change the selected job (or double-click it)", this::edit);
        tool("run", "Run Now", "Start the selected job now, whatever its schedule", this::runNow);
        tool("toggle", "Enable/Disable", "Turn the selected job's schedule on or off", this::toggle);
        tool("delete", "Delete", "Delete the selected job (its runs stay in the history)", this::delete);
        Runnable refresh = Background.coalescing(viewSite, 300, this::refresh);
        listener = change -> {
            if (change.what() == CatalogChange.What.JOB || change.what() == CatalogChange.What.JOB_DELETED
                    || change.what() == CatalogChange.What.RUN_FINISHED) {
                refresh.run();
            }
        };
        catalog.addListener(listener);
        refresh();
    }

    private void tool(String action, String text, String tip, Runnable run) {
        Widgets.tool(site, action, text, tip, run);
    }

    private void refresh() {
        background.load("Jobs", () -> {
            Scheduler s = scheduler.get();
            Map<String, RpoStatus> rpo = new java.util.HashMap<>();
            catalog.rpoStatus(Instant.now()).forEach(r -> rpo.put(r.jobId(), r));
            List<Row> rows = new ArrayList<>();
            for (JobDefinition j : catalog.jobs()) {
                rows.add(new Row(j, s == null ? null : s.nextRun(j.id()).orElse(null), rpo.get(j.id())));
            }
            return rows;
        }, this::show);
    }

    private void show(List<Row> rows) {
        if (table.isDisposed()) {
            return;
        }
        String selected = selected() == null ? null : selected().id();
        table.removeAll();
        for (Row r : rows) {
            JobDefinition j = r.job();
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(j);
            item.setText(new String[] {j.name(), j.kind(), j.enabled() ? "yes" : "no", j.schedule().isEmpty() ? "on demand" : j.schedule(),
                    j.enabled() ? Format.time(r.next()) : "", j.repository(), String.join(", ", j.sources()), Format.durationInput(j.rpo()),
                    Format.durationInput(j.rto())});
            if (r.rpo() != null) {
                item.setImage(0, Icons.lamp(table.getDisplay(), Icons.of(r.rpo().state())));
            }
            if (j.id().equals(selected)) {
                table.setSelection(item);
            }
        }
        empty.showEmpty(rows.isEmpty());
    }

    private JobDefinition selected() {
        TableItem[] sel = table.getSelection();
        return sel.length == 0 ? null : (JobDefinition) sel[0].getData();
    }

    private JobDefinition requireSelected() {
        JobDefinition j = selected();
        if (j == null) {
            site.setStatusMessage("Select a job first");
        }
        return j;
    }

    private void create() {
        open(null);
    }

    private void edit() {
        JobDefinition j = requireSelected();
        if (j != null) {
            open(j);
        }
    }

    /** Opens the form; saves in the background; on a refusal (a duplicate name) opens it again with what was typed. */
    private void open(JobDefinition start) {
        JobDialog dialog = new JobDialog(site.shell(), start, runner.kinds(), repositories.configuredLocations(), runner::validate);
        if (dialog.open() != Window.OK) {
            return;
        }
        JobDialog.Result r = dialog.result();
        background.load("Save job", () -> {
            try {
                if (r.initRepository()) {
                    repositories.init(r.job());
                }
                JobDefinition saved = catalog.saveJob(r.job());
                Scheduler s = scheduler.get();
                if (s != null) {
                    s.check();
                }
                return saved.name();
            } catch (IOException | RuntimeException e) {
                site.asyncExec(() -> {
                    site.showError("Save job", "The job '" + r.job().name() + "' was not saved: " + Background.message(e)
                            + "\n\nThe form opens again with what you typed.");
                    open(r.job());
                });
                return null;
            }
        }, name -> {
            if (name != null) {
                site.setStatusMessage("Saved job " + name);
            }
        });
    }

    private void runNow() {
        JobDefinition j = requireSelected();
        if (j == null) {
            return;
        }
        background.load("Run job", () -> runner.runNow(j.id()), ticket -> site.setStatusMessage("Started job " + j.name()
                + " (the Progress view shows it)"));
    }

    private void toggle() {
        JobDefinition j = requireSelected();
        if (j != null) {
            background.load("Enable job", () -> catalog.saveJob(j.withEnabled(!j.enabled())),
                    saved -> site.setStatusMessage("Job " + saved.name() + (saved.enabled() ? " runs on schedule" : " runs on demand only")));
        }
    }

    private void delete() {
        JobDefinition j = requireSelected();
        if (j != null && MessageDialog.openConfirm(site.shell(), "Delete job", "Delete the job '" + j.name()
                + "'? Its runs stay in the Job History; its repository and snapshots are not touched.")) {
            background.load("Delete job", () -> catalog.deleteJob(j.id()), done -> site.setStatusMessage("Deleted job " + j.name()));
        }
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
