package io.backbench.ui.monitor.internal.history;

import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogChange;
import io.backbench.catalog.api.CatalogListener;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.RunQuery;
import io.backbench.catalog.api.RunStatus;
import io.backbench.jobs.api.JobManager;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.monitor.internal.Background;
import io.backbench.ui.api.EmptyState;
import io.backbench.ui.monitor.internal.Icons;
import io.backbench.ui.monitor.internal.Keys;

/**
 * Every run in the catalog, newest first, in a virtual table that asks the catalog only for the
 * rows on screen; sorted by a click on a column header, filtered by text and status. Double-click
 * opens a run's details and event log. The catalog listener runs on job threads; the table changes
 * on the UI thread.
 *
 * <p>The table holds one page of the query ({@code pageSize} rows, 5,000 by default) and a
 * {@link PageBar} moves between pages: SWT's GTK table keeps a GtkListStore row per row even when
 * virtual, so a table of 100,000 rows cost 0.3-0.4 s of the UI thread to grow and as much to empty
 * (a stall the user sees on opening and filtering); a page of 5,000 costs 15-65 ms either way.
 * Sort and filter apply to the whole query (the catalog's) and go back to the first page.
 */
final class JobHistoryView implements ViewPart {
    private static final String[] STATUS_CHOICES = {"All statuses", "Succeeded", "Succeeded with warnings", "Failed", "Cancelled",
            "Interrupted", "Running"};
    private static final RunStatus[] STATUS_VALUES = {null, RunStatus.SUCCEEDED, RunStatus.SUCCEEDED_WITH_WARNINGS, RunStatus.FAILED,
            RunStatus.CANCELLED, RunStatus.INTERRUPTED, RunStatus.RUNNING};

    private final Catalog catalog;
    private final JobManager jobs;
    private final int pageSize;
    private PageBar pageBar;
    /** The query's row shown in the table's first row, and the query's row count (-1 until counted). UI thread. */
    private int pageStart;
    private long total = -1;
    private ViewSite site;
    private EmptyState empty;
    private Table table;
    private Text filterText;
    private Combo statusCombo;
    private Label count;
    private RunPages pages;
    private CatalogListener listener;
    private RunColumns sortColumn = RunColumns.ALL.get(3);
    private boolean descending = true;
    private final Runnable requeryLater = this::requery;
    private Background background;

    private final io.backbench.ui.monitor.internal.alerts.AlertCenter alerts;
    private Runnable detach = () -> {
    };

    JobHistoryView(Catalog catalog, JobManager jobs, io.backbench.ui.monitor.internal.alerts.AlertCenter alerts, int pageSize) {
        this.catalog = catalog;
        this.jobs = jobs;
        this.pageSize = pageSize;
        this.alerts = alerts;
    }

    @Override
    public void createControl(Composite parent, ViewSite viewSite) {
        site = viewSite;
        pages = new RunPages(catalog);
        background = new Background("history-details", viewSite);
        empty = new EmptyState(parent, "No runs yet",
                "Every backup, restore test and retention run is listed here with its status, duration and the data it "
                        + "moved: what ran, when, and whether it worked.\n\nCreate a job in the Jobs view and press "
                        + "Run Now, or let its schedule start it; runs started from the command line (backbench jobs run) "
                        + "appear here too.");
        Composite content = new Composite(empty.stack(), SWT.NONE);
        content.setLayout(new GridLayout(4, false));
        filterText = new Text(content, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filterText.setMessage("Filter by job, target or error");
        filterText.setData(Keys.FIELD, "filter");
        filterText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filterText.addListener(SWT.Modify, e -> {
            // one query when the typing pauses, not one per key
            table.getDisplay().timerExec(-1, requeryLater);
            table.getDisplay().timerExec(300, requeryLater);
        });
        statusCombo = new Combo(content, SWT.READ_ONLY);
        statusCombo.setItems(STATUS_CHOICES);
        statusCombo.select(0);
        statusCombo.setData(Keys.FIELD, "status");
        statusCombo.addListener(SWT.Selection, e -> requery());
        count = new Label(content, SWT.NONE);
        count.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false, 2, 1));
        table = new Table(content, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        for (RunColumns c : RunColumns.ALL) {
            TableColumn tc = new TableColumn(table, SWT.NONE);
            tc.setText(c.title());
            tc.setWidth(c.width());
            tc.setData(c);
            tc.addListener(SWT.Selection, e -> sortBy(tc));
        }
        table.setSortColumn(table.getColumn(3));
        table.setSortDirection(SWT.DOWN);
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, pageStart + table.indexOf((TableItem) e.item)));
        table.addListener(SWT.DefaultSelection, e -> openSelected());
        pageBar = new PageBar(content, 4, pageSize, start -> {
            table.deselectAll();
            showPage(start, 0);
        });
        empty.setContent(content);
        addTools(viewSite);
        Runnable refresh = Background.coalescing(viewSite, 500, this::refresh);
        listener = change -> {
            if (change.what() != CatalogChange.What.RUN_EVENT && change.what() != CatalogChange.What.SNAPSHOTS) {
                refresh.run();
            }
        };
        catalog.addListener(listener);
        requery();
        detach = alerts.attach(viewSite);
    }

    private void addTools(ViewSite viewSite) {
        ToolItem refresh = new ToolItem(viewSite.toolBar(), SWT.PUSH);
        refresh.setText("Refresh");
        refresh.setToolTipText("Read the run history again (runs of other machines sharing the catalog are not announced)");
        refresh.setData(Keys.ACTION, "refresh");
        refresh.addListener(SWT.Selection, e -> refresh());
        ToolItem details = new ToolItem(viewSite.toolBar(), SWT.PUSH);
        details.setText("Details...");
        details.setToolTipText("The selected run's details and event log (or double-click the run)");
        details.setData(Keys.ACTION, "details");
        details.addListener(SWT.Selection, e -> openSelected());
        ToolItem export = new ToolItem(viewSite.toolBar(), SWT.PUSH);
        export.setText("Export CSV...");
        export.setToolTipText("Write every run that matches the filter, on all pages, in the table's order to a CSV file");
        export.setData(Keys.ACTION, "export");
        export.addListener(SWT.Selection, e -> CsvExport.ask(viewSite, export, catalog, jobs, pages.query()));
    }

    private void sortBy(TableColumn column) {
        RunColumns c = (RunColumns) column.getData();
        descending = c == sortColumn ? !descending : c.sort() == io.backbench.catalog.api.RunSort.STARTED;
        sortColumn = c;
        table.setSortColumn(column);
        table.setSortDirection(descending ? SWT.DOWN : SWT.UP);
        requery();
    }

    private RunQuery currentQuery() {
        RunFilter f = RunFilter.ALL.withText(filterText.getText());
        RunStatus s = STATUS_VALUES[Math.max(0, statusCombo.getSelectionIndex())];
        if (s != null) {
            f = f.withStatuses(Set.of(s));
        }
        return new RunQuery(f, sortColumn.sort(), descending, 0, RunPages.BLOCK);
    }

    private boolean filtered() {
        return !filterText.getText().isBlank() || statusCombo.getSelectionIndex() > 0;
    }

    /** Runs the query again from the first page (filter or order changed). UI thread. */
    private void requery() {
        if (table.isDisposed()) {
            return;
        }
        // this query reads the filter text too: a pending one for the last keystrokes would only run it
        // again, and take the user back to the first page if they had moved on meanwhile
        table.getDisplay().timerExec(-1, requeryLater);
        load(currentQuery(), false);
    }

    /** Reads the same query again (the catalog changed), keeping the page and the scroll position. UI thread. */
    private void refresh() {
        if (table.isDisposed()) {
            return;
        }
        load(pages.query(), true);
    }

    private void load(RunQuery q, boolean keepPosition) {
        pages.reset(q, keepPosition ? pageStart + table.getTopIndex() : 0, (gen, rows) -> site.asyncExec(() -> {
            if (gen != pages.generation() || table.isDisposed()) {
                return;
            }
            total = rows;
            int top = keepPosition ? table.getTopIndex() : 0;
            if (!keepPosition) {
                table.deselectAll();
            }
            showPage(keepPosition ? Math.min(pageStart, PageBar.lastStart(rows, pageSize)) : 0, top);
            count.setText(String.format("%,d run%s", rows, rows == 1 ? "" : "s"));
            count.getParent().layout();
            empty.showEmpty(rows == 0 && !filtered());
        }), (gen, e) -> site.asyncExec(() -> site.showError("Job History", "Cannot read the run history: " + Background.message(e))));
    }

    /**
     * Shows the page that starts at row {@code start} of the query, scrolled to its row {@code top}.
     * The table changes by at most one page, so growing or shrinking it stays cheap.
     */
    private void showPage(int start, int top) {
        if (total < 0) {
            return;
        }
        pageStart = start;
        int rows = (int) Math.max(0, Math.min(pageSize, total - start));
        if (table.getItemCount() - rows > pageSize / 5) {
            // SWT on GTK shrinks a table row by row: 5,000 to 880 rows (a filter) cost about 50 ms,
            // emptying it with removeAll and growing it again about 35 ms. A few rows fewer (a
            // refresh after retention) keep setItemCount, which keeps the selection.
            table.removeAll();
        }
        table.setItemCount(rows);
        table.clearAll();
        if (rows > 0) {
            table.setTopIndex(Math.min(top, rows - 1));
        }
        pageBar.show(start, rows, total);
    }

    private void fill(TableItem item, int index) {
        Run run = pages.get(index, (gen, block) -> site.asyncExec(() -> {
            if (gen == pages.generation() && !table.isDisposed()) {
                // the block's rows in the table's numbering, cut to the page on screen now
                int from = Math.max(0, block * RunPages.BLOCK - pageStart);
                int to = Math.min(table.getItemCount(), block * RunPages.BLOCK + RunPages.BLOCK - pageStart) - 1;
                if (from <= to) {
                    table.clear(from, to);
                }
            }
        }));
        if (run == null) {
            item.setText(0, "...");
            return;
        }
        item.setData(run);
        for (int i = 0; i < RunColumns.ALL.size(); i++) {
            String s = RunColumns.ALL.get(i).text().apply(run);
            item.setText(i, s == null ? "" : s);
        }
        item.setImage(RunColumns.STATUS, Icons.lamp(table.getDisplay(), Icons.of(run.status())));
    }

    private void openSelected() {
        TableItem[] sel = table.getSelection();
        if (sel.length == 0 || !(sel[0].getData() instanceof Run run)) {
            site.setStatusMessage("Select a run first");
            return;
        }
        background.load("Run details", () -> catalog.events(run.id()),
                events -> RunDetailsDialog.open(site.shell(), run, events));
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        detach.run();
        catalog.removeListener(listener);
        pages.close();
        background.close();
    }
}
