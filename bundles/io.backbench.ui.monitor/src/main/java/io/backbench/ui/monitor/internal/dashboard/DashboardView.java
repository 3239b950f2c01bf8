package io.backbench.ui.monitor.internal.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogChange;
import io.backbench.catalog.api.CatalogListener;
import io.backbench.catalog.api.DailyStats;
import io.backbench.catalog.api.DurationPoint;
import io.backbench.catalog.api.RestoreTestStatus;
import io.backbench.catalog.api.RpoState;
import io.backbench.catalog.api.RpoStatus;
import io.backbench.catalog.api.RunFilter;
import io.backbench.catalog.api.TargetUsage;
import io.backbench.catalog.api.Verification;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.monitor.internal.Background;
import io.backbench.ui.api.EmptyState;
import io.backbench.ui.monitor.internal.Format;
import io.backbench.ui.monitor.internal.Icons;
import io.backbench.ui.monitor.internal.Keys;

/**
 * Charts of the last 14 days (success rate, data protected, storage per target, durations), each
 * job's RPO lamp and its last restore test against the RTO. Queries and chart drawing run on the
 * worker thread; refreshed when runs end or tests are recorded, and every minute (RPO ages).
 */
final class DashboardView implements ViewPart {
    static final int DAYS = 14;
    static final int DURATION_POINTS = 50;

    private final Catalog catalog;
    private ViewSite site;
    private Background background;
    private EmptyState empty;
    private ChartCanvas success;
    private ChartCanvas data;
    private ChartCanvas storage;
    private ChartCanvas durations;
    private Table rpo;
    private Table tests;
    private CatalogListener listener;
    private final Runnable tick = this::tick;

    /** Everything the Dashboard shows, read in one go on the worker thread. */
    private record Data(List<DailyStats> days, List<TargetUsage> targets, List<DurationPoint> durations, List<RpoStatus> rpo,
            List<RestoreTestStatus> tests) {
    }

    private final io.backbench.ui.monitor.internal.alerts.AlertCenter alerts;
    private Runnable detach = () -> {
    };

    DashboardView(Catalog catalog, io.backbench.ui.monitor.internal.alerts.AlertCenter alerts) {
        this.catalog = catalog;
        this.alerts = alerts;
    }

    @Override
    public void createControl(Composite parent, ViewSite viewSite) {
        site = viewSite;
        background = new Background("dashboard", viewSite);
        empty = new EmptyState(parent, "Nothing to chart yet",
                "The Dashboard charts the success rate, the data protected per day, the storage each target uses and how "
                        + "long runs take; it shows every job green, amber or red by the age of its last good backup against "
                        + "its RPO, and each job's last restore test against its RTO.\n\nCreate a job in the Jobs view and run "
                        + "it; the Dashboard fills in as runs end.");
        ScrolledComposite scroll = new ScrolledComposite(empty.stack(), SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        Composite grid = new Composite(scroll, SWT.NONE);
        grid.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        grid.setLayout(new GridLayout(3, true));
        success = chart(grid, "success-rate");
        data = chart(grid, "data-per-day");
        storage = chart(grid, "storage");
        durations = chart(grid, "durations");
        rpo = panel(grid, "rpo", "Recovery point objectives", new String[] {"Job", "State", "Last good backup", "Age", "RPO"},
                new int[] {130, 90, 140, 70, 50});
        tests = panel(grid, "restore-tests", "Last restore test of each job", new String[] {"Job", "Result", "Tested", "Restore time",
                "RTO"}, new int[] {130, 100, 140, 80, 50});
        scroll.setContent(grid);
        scroll.setMinSize(grid.computeSize(960, SWT.DEFAULT));
        empty.setContent(scroll);
        Runnable refresh = Background.coalescing(viewSite, 1000, this::refresh);
        listener = change -> {
            if (change.what() == CatalogChange.What.RUN_FINISHED || change.what() == CatalogChange.What.VERIFICATION
                    || change.what() == CatalogChange.What.JOB || change.what() == CatalogChange.What.JOB_DELETED) {
                refresh.run();
            }
        };
        catalog.addListener(listener);
        refresh();
        parent.getDisplay().timerExec(60_000, tick);
        detach = alerts.attach(viewSite);
    }

    private ChartCanvas chart(Composite grid, String part) {
        ChartCanvas c = new ChartCanvas(grid, part, background);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.heightHint = 210;
        gd.minimumWidth = 300;
        c.control().setLayoutData(gd);
        return c;
    }

    private static Table panel(Composite grid, String part, String title, String[] columns, int[] widths) {
        Composite box = new Composite(grid, SWT.NONE);
        box.setBackground(grid.getBackground());
        box.setLayout(new GridLayout(1, false));
        GridData bd = new GridData(SWT.FILL, SWT.FILL, true, true);
        bd.heightHint = 210;
        box.setLayoutData(bd);
        Label l = new Label(box, SWT.NONE);
        l.setText(title);
        l.setBackground(grid.getBackground());
        l.setFont(JFaceResources.getBannerFont());
        Table t = new Table(box, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        t.setData(Keys.PART, part);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (int i = 0; i < columns.length; i++) {
            TableColumn c = new TableColumn(t, SWT.NONE);
            c.setText(columns[i]);
            c.setWidth(widths[i]);
        }
        return t;
    }

    private void tick() {
        if (rpo.isDisposed()) {
            return;
        }
        refresh();
        rpo.getDisplay().timerExec(60_000, tick);
    }

    private void refresh() {
        if (rpo.isDisposed()) {
            return;
        }
        background.load("Dashboard", () -> {
            ZoneId zone = ZoneId.systemDefault();
            LocalDate today = LocalDate.now(zone);
            return new Data(catalog.dailyStats(today.minusDays(DAYS - 1), today, zone, RunFilter.ALL), catalog.storageByTarget(),
                    catalog.durations(RunFilter.ALL, DURATION_POINTS), catalog.rpoStatus(Instant.now()), catalog.restoreTestStatus());
        }, this::show);
    }

    private void show(Data d) {
        if (rpo.isDisposed()) {
            return;
        }
        boolean nothing = d.rpo().isEmpty() && d.durations().isEmpty() && d.tests().isEmpty();
        empty.showEmpty(nothing);
        if (nothing) {
            return;
        }
        success.show((w, h) -> Charts.successRate(d.days(), w, h));
        data.show((w, h) -> Charts.dataPerDay(d.days(), w, h));
        storage.show((w, h) -> Charts.storage(d.targets(), w, h));
        durations.show((w, h) -> Charts.durations(d.durations(), w, h));
        rpo.removeAll();
        for (RpoStatus s : d.rpo()) {
            TableItem item = new TableItem(rpo, SWT.NONE);
            item.setData(s);
            item.setText(new String[] {s.jobName(), state(s.state()), s.lastGood() == null ? "never" : Format.time(s.lastGood()),
                    Format.duration(s.age()), Format.durationInput(s.rpo())});
            item.setImage(1, Icons.lamp(rpo.getDisplay(), Icons.of(s.state())));
        }
        tests.removeAll();
        for (RestoreTestStatus t : d.tests()) {
            Verification v = t.last();
            TableItem item = new TableItem(tests, SWT.NONE);
            item.setData(t);
            item.setText(new String[] {t.jobName(), !v.passed() ? "Failed" : v.rtoBreached() ? "Passed, RTO breached" : "Passed",
                    Format.time(v.started()), Format.duration(v.restoreTime()), Format.durationInput(v.rto())});
            item.setImage(1, Icons.lamp(tests.getDisplay(), !v.passed() ? Icons.Lamp.RED : v.rtoBreached() ? Icons.Lamp.AMBER
                    : Icons.Lamp.GREEN));
        }
    }

    private static String state(RpoState s) {
        return switch (s) {
            case GREEN -> "OK";
            case AMBER -> "Due soon";
            case RED -> "Breached";
            case NONE -> "No RPO";
        };
    }

    @Override
    public void dispose() {
        detach.run();
        catalog.removeListener(listener);
        background.close();
    }
}
