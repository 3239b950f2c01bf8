package io.backbench.report.internal.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ToolItem;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogListener;
import io.backbench.report.internal.CsvReport;
import io.backbench.report.internal.HtmlReport;
import io.backbench.report.internal.MonthlyReport;
import io.backbench.report.internal.ReportBuilder;
import io.backbench.report.internal.ReportFiles;
import io.backbench.report.internal.Units;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;

/**
 * The monthly protection report: a month chooser (the current month so far and the 24 before it;
 * the last complete month first selected), the month's key figures, a row per job and the RPO
 * breaches; exports as HTML and CSV. The catalog is read on the view's own worker thread, results
 * come back through {@link ViewSite#asyncExec}; widgets are touched on the UI thread only.
 */
final class MonthlyReportView implements ViewPart {
    static final int MONTHS = 25;

    private final Catalog catalog;
    private final Clock clock = Clock.systemUTC();
    private final ZoneId zone = ZoneId.systemDefault();
    private final List<YearMonth> months = new ArrayList<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private ExecutorService worker;
    private ViewSite site;
    private Combo month;
    private Label period;
    private Composite stack;
    private StackLayout stackLayout;
    private Composite message;
    private Label messageTitle;
    private Label messageText;
    private Composite content;
    private Tiles tiles;
    private ReportTables tables;
    private SashForm sash;
    private MonthlyReport shown;
    private CatalogListener listener;

    MonthlyReportView(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void createControl(Composite parent, ViewSite viewSite) {
        site = viewSite;
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "backbench-report-monthly");
            t.setDaemon(true);
            return t;
        });
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 8;
        gl.marginHeight = 8;
        root.setLayout(gl);
        monthBar(root);
        stack = new Composite(root, SWT.NONE);
        stack.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        stackLayout = new StackLayout();
        stack.setLayout(stackLayout);
        message(stack);
        content(stack);
        stackLayout.topControl = message;
        tools(viewSite);
        Runnable refresh = this::queueRefresh;
        listener = change -> refresh.run();
        catalog.addListener(listener);
        refresh();
    }

    private void monthBar(Composite root) {
        Composite bar = new Composite(root, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout gl = new GridLayout(3, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.horizontalSpacing = 8;
        bar.setLayout(gl);
        new Label(bar, SWT.NONE).setText("Month:");
        month = new Combo(bar, SWT.READ_ONLY);
        month.setData(Keys.FIELD, "month");
        YearMonth current = ReportBuilder.currentMonth(clock, zone);
        for (int i = 0; i < MONTHS; i++) {
            YearMonth m = current.minusMonths(i);
            months.add(m);
            month.add(m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear() + (i == 0 ? " (so far)" : ""));
        }
        month.select(1);
        month.addListener(SWT.Selection, e -> refresh());
        period = new Label(bar, SWT.NONE);
        period.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    private void message(Composite parent) {
        message = new Composite(parent, SWT.NONE);
        message.setData(Keys.EMPTY, Boolean.TRUE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 8;
        gl.marginHeight = 16;
        message.setLayout(gl);
        messageTitle = new Label(message, SWT.WRAP);
        messageTitle.setFont(JFaceResources.getBannerFont());
        messageTitle.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        messageTitle.setText("Loading the report...");
        messageText = new Label(message, SWT.WRAP);
        GridData td = new GridData(SWT.FILL, SWT.TOP, true, false);
        td.widthHint = 480;
        messageText.setLayoutData(td);
    }

    private void content(Composite parent) {
        content = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 6;
        content.setLayout(gl);
        tiles = new Tiles(content);
        tiles.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        // jobs above, breaches below, the user moves the border between them
        sash = new SashForm(content, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite jobsBox = titled(sash, "Jobs");
        Composite breachesBox = titled(sash, "RPO breaches (when the last good backup was older than the job's RPO)");
        sash.setWeights(1, 1);
        tables = new ReportTables(jobsBox, breachesBox);
        for (Composite box : new Composite[] {jobsBox, breachesBox}) {
            box.getChildren()[1].setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        }
        sash.addListener(SWT.Resize, e -> fitJobs());
    }

    /** Gives the jobs table the height its rows need (up to two thirds), the breaches the rest. UI thread. */
    private void fitJobs() {
        int total = sash.getClientArea().height;
        if (total <= 0 || sash.isDisposed()) {
            return;
        }
        org.eclipse.swt.widgets.Table jobs = tables.jobs();
        Composite box = jobs.getParent();
        int heading = box.getChildren()[0].computeSize(SWT.DEFAULT, SWT.DEFAULT).y + 8;
        int want = heading + jobs.getHeaderHeight() + jobs.getItemHeight() * Math.max(jobs.getItemCount(), 1)
                + jobs.computeTrim(0, 0, 0, 0).height + 20;
        int jobsHeight = Math.max(Math.min(want, total * 2 / 3), 1);
        sash.setWeights(jobsHeight, Math.max(total - jobsHeight, 1));
    }

    /** A heading over a space for one table (made later, as the box's second child). */
    private static Composite titled(Composite parent, String text) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 2;
        gl.verticalSpacing = 3;
        box.setLayout(gl);
        heading(box, text);
        return box;
    }

    private static void heading(Composite parent, String text) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(text);
        l.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
    }

    private void tools(ViewSite viewSite) {
        exportTool(viewSite, "export-html", "Export HTML...", "Save the report as one printable HTML page", "html", HtmlReport::write);
        exportTool(viewSite, "export-csv", "Export CSV...", "Save the report as CSV, a row per job and a total row", "csv", CsvReport::write);
        ToolItem refresh = new ToolItem(viewSite.toolBar(), SWT.PUSH);
        refresh.setText("Refresh");
        refresh.setData(Keys.ACTION, "refresh");
        refresh.addListener(SWT.Selection, e -> refresh());
    }

    private void exportTool(ViewSite viewSite, String action, String text, String tip, String ext, Function<MonthlyReport, String> format) {
        ToolItem item = new ToolItem(viewSite.toolBar(), SWT.PUSH);
        item.setText(text);
        item.setToolTipText(tip);
        item.setData(Keys.ACTION, action);
        item.addListener(SWT.Selection, e -> export(item, ext, format));
    }

    /** Called on the UI thread: asks for a file (or takes the test hook's answer), writes it on the worker. */
    private void export(ToolItem item, String ext, Function<MonthlyReport, String> format) {
        MonthlyReport report = shown;
        if (report == null) {
            site.showError("Export the report", "The report is still loading; export it when it shows.");
            return;
        }
        Object answer = item.getData(Keys.FILE_DIALOG_ANSWER);
        String path;
        if (answer instanceof String s) {
            item.setData(Keys.FILE_DIALOG_ANSWER, null);
            path = s;
        } else {
            FileDialog d = new FileDialog(site.shell(), SWT.SAVE);
            d.setText("Export the monthly report");
            d.setFilterExtensions(new String[] {"*." + ext, "*"});
            d.setFileName("backbench-report-" + report.month() + "." + ext);
            d.setOverwrite(true);
            path = d.open();
        }
        if (path == null) {
            return;
        }
        Path file = Path.of(path);
        String text = format.apply(report);
        worker.execute(() -> {
            try {
                ReportFiles.write(file, text);
                site.asyncExec(() -> site.setStatusMessage("Wrote the " + report.title() + " report to " + file));
            } catch (java.io.IOException ex) {
                site.asyncExec(() -> site.showError("Export the report", ex.getMessage()));
            }
        });
    }

    /** Any thread: catalog changes come in bursts while jobs run; one refresh at most every two seconds. */
    private void queueRefresh() {
        if (refreshQueued.compareAndSet(false, true)) {
            site.asyncExec(() -> {
                // the view may have been closed between the change and this runnable (UI thread)
                if (month.isDisposed()) {
                    return;
                }
                month.getDisplay().timerExec(2000, () -> {
                    refreshQueued.set(false);
                    if (!month.isDisposed()) {
                        refresh();
                    }
                });
            });
        }
    }

    /** UI thread: computes the chosen month's report on the worker, then shows it. */
    private void refresh() {
        YearMonth m = months.get(Math.max(0, month.getSelectionIndex()));
        if (worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            MonthlyReport r;
            try {
                r = new ReportBuilder(catalog, clock).build(m, zone);
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                site.asyncExec(() -> site.showError("Monthly report", "The report of " + m + " could not be made: " + why));
                return;
            }
            site.asyncExec(() -> show(r));
        });
    }

    private void show(MonthlyReport r) {
        if (stack.isDisposed() || !r.month().equals(months.get(Math.max(0, month.getSelectionIndex())))) {
            return;
        }
        shown = r;
        period.setText(Units.time(r.from(), r.zone()) + " to " + Units.time(r.to(), r.zone()) + " " + r.zone().getId()
                + (r.complete() ? "" : " (the month is not over)"));
        tiles.show(r.total());
        tables.show(r);
        boolean empty = r.jobs().isEmpty();
        if (empty) {
            messageTitle.setText("Nothing to report for " + r.title());
            messageText.setText("The report counts, per job, the runs started in the month and how they ended, the data they "
                    + "read and stored, the restore tests of the job's data, and the periods in which its last good backup was "
                    + "older than its RPO.\n\nThere were no jobs and no runs in this month. Define jobs in the Jobs view (Monitor "
                    + "perspective); or choose another month above.");
        }
        stackLayout.topControl = empty ? message : content;
        stack.getParent().layout(true, true);
        fitJobs();
    }

    @Override
    public void setFocus() {
        month.setFocus();
    }

    @Override
    public void dispose() {
        catalog.removeListener(listener);
        worker.shutdownNow();
    }
}
