package io.backbench.ui.monitor.internal.verification;

import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogChange;
import io.backbench.catalog.api.CatalogListener;
import io.backbench.catalog.api.Verification;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.monitor.internal.Background;
import io.backbench.ui.monitor.internal.Widgets;
import io.backbench.ui.api.EmptyState;
import io.backbench.ui.monitor.internal.Format;
import io.backbench.ui.monitor.internal.Icons;

/** Every restore test, newest first, with its result and restore time against the RTO. */
final class VerificationView implements ViewPart {
    static final int SHOWN = 1000;
    private static final String[] COLUMNS = {"Started", "Job", "Result", "Restore time", "RTO", "Files", "Data", "Sample", "Snapshot",
            "Message"};
    private static final int[] WIDTHS = {150, 200, 130, 100, 70, 70, 90, 70, 90, 400};

    private final Catalog catalog;
    private ViewSite site;
    private Background background;
    private EmptyState empty;
    private Table table;
    private CatalogListener listener;

    VerificationView(Catalog catalog) {
        this.catalog = catalog;
    }

    /** "Passed", "FAILED", "RTO breached". */
    static String result(Verification v) {
        return !v.passed() ? "Failed" : v.rtoBreached() ? "Passed, RTO breached" : "Passed";
    }

    @Override
    public void createControl(Composite parent, ViewSite viewSite) {
        site = viewSite;
        background = new Background("verification", viewSite);
        empty = new EmptyState(parent, "No restore tests yet",
                "A restore test restores a snapshot into a sandbox, checks every restored byte against the repository and "
                        + "measures the restore time against the job's RTO. Every test is listed here; a failed one stays red "
                        + "in the Dashboard until a later test passes.\n\nRun one from the Snapshots view (Backups perspective): "
                        + "select a snapshot and press Test Restore; or schedule a restore-test job in the Jobs view.");
        table = Widgets.table(empty.stack(), "verifications", COLUMNS, WIDTHS);
        table.addListener(SWT.DefaultSelection, e -> details());
        empty.setContent(table);
        Runnable refresh = Background.coalescing(viewSite, 300, this::refresh);
        listener = change -> {
            if (change.what() == CatalogChange.What.VERIFICATION) {
                refresh.run();
            }
        };
        catalog.addListener(listener);
        refresh();
    }

    private void refresh() {
        background.load("Verification", () -> catalog.verifications(null, 0, SHOWN).items(), this::show);
    }

    private void show(List<Verification> tests) {
        if (table.isDisposed()) {
            return;
        }
        table.removeAll();
        for (Verification v : tests) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(v);
            item.setText(new String[] {Format.time(v.started()), v.jobName(), result(v), Format.duration(v.restoreTime()),
                    Format.durationInput(v.rto()), String.format("%,d", v.files()), Format.bytes(v.bytes()),
                    v.samplePercent() >= 100 ? "all" : String.format("%.0f %%", v.samplePercent()),
                    v.snapshotId() == null ? "" : v.snapshotId().substring(0, Math.min(8, v.snapshotId().length())), v.message()});
            item.setImage(2, Icons.lamp(table.getDisplay(), !v.passed() ? Icons.Lamp.RED : v.rtoBreached() ? Icons.Lamp.AMBER
                    : Icons.Lamp.GREEN));
        }
        empty.showEmpty(tests.isEmpty());
    }

    private void details() {
        TableItem[] sel = table.getSelection();
        if (sel.length == 0) {
            return;
        }
        Verification v = (Verification) sel[0].getData();
        StringBuilder sb = new StringBuilder(v.message());
        sb.append("\n\nRepository: ").append(v.repository()).append("\nSnapshot: ").append(v.snapshotId());
        if (!v.failedFiles().isEmpty()) {
            sb.append("\n\nFiles that failed (").append(v.failedFiles().size()).append("):");
            v.failedFiles().stream().limit(50).forEach(f -> sb.append("\n  ").append(f));
        }
        MessageDialog.openInformation(site.shell(), "Restore test of " + v.jobName(), sb.toString());
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
