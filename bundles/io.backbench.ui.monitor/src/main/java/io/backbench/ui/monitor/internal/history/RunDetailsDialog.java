package io.backbench.ui.monitor.internal.history;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import io.backbench.catalog.api.EventLevel;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunEvent;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.ui.monitor.internal.Format;
import io.backbench.ui.monitor.internal.Icons;
import io.backbench.ui.monitor.internal.Keys;

/** One run: what, where, when, what it moved, why it failed, and its event log. UI thread only. */
final class RunDetailsDialog extends Dialog {
    private final Run run;
    private final List<RunEvent> events;

    private RunDetailsDialog(Shell parent, Run run, List<RunEvent> events) {
        super(parent);
        this.run = run;
        this.events = events;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    static void open(Shell parent, Run run, List<RunEvent> events) {
        new RunDetailsDialog(parent, run, events).open();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Run " + run.id() + ": " + run.jobName());
        shell.setData(Keys.DIALOG, "run");
    }

    @Override
    protected Point getInitialSize() {
        return new Point(760, 560);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite facts = new Composite(area, SWT.NONE);
        facts.setLayout(new GridLayout(4, false));
        facts.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        RunMetrics m = run.metrics();
        fact(facts, "Job", run.jobName() + " (" + run.kind() + ")");
        fact(facts, "Status", Format.status(run.status()));
        fact(facts, "Target", run.target());
        fact(facts, "Host", run.host());
        fact(facts, "Started", Format.time(run.started()));
        fact(facts, "Ended", Format.time(run.ended()));
        fact(facts, "Duration", Format.duration(run.duration()));
        fact(facts, "Files", String.format("%,d", m.files()));
        fact(facts, "Data read", String.format("%s (%,d bytes)", Format.bytes(m.bytesRead()), m.bytesRead()));
        fact(facts, "New data", String.format("%s (%,d bytes)", Format.bytes(m.bytesNew()), m.bytesNew()));
        fact(facts, "Stored", String.format("%s (%,d bytes)", Format.bytes(m.bytesStored()), m.bytesStored()));
        fact(facts, "Throughput", Format.throughput(m.throughput()));
        fact(facts, "Dedup ratio", m.dedupRatio() > 0 ? String.format("%.2f", m.dedupRatio()) : "");
        fact(facts, "Snapshot", m.snapshotId() == null ? "" : m.snapshotId());
        if (!m.summary().isBlank()) {
            text(area, "Result: " + m.summary());
        }
        if (!run.error().isBlank()) {
            text(area, "Error: " + run.error());
        }
        Label l = new Label(area, SWT.NONE);
        l.setText(events.isEmpty() ? "Event log: no lines" : "Event log (" + events.size() + " lines)");
        Table log = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        log.setData(Keys.PART, "events");
        log.setHeaderVisible(true);
        log.setLinesVisible(true);
        log.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        column(log, "Time", 150);
        column(log, "Level", 90);
        column(log, "Message", 480);
        for (RunEvent e : events) {
            TableItem item = new TableItem(log, SWT.NONE);
            item.setText(new String[] {Format.time(e.time()), e.level().name().toLowerCase(), e.message()});
            item.setImage(1, Icons.lamp(log.getDisplay(), e.level() == EventLevel.ERROR ? Icons.Lamp.RED
                    : e.level() == EventLevel.WARNING ? Icons.Lamp.AMBER : Icons.Lamp.GREEN));
        }
        return area;
    }

    private static void fact(Composite parent, String name, String value) {
        Label n = new Label(parent, SWT.NONE);
        n.setText(name + ":");
        Text v = new Text(parent, SWT.READ_ONLY);
        v.setText(value == null ? "" : value);
        v.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    private static void text(Composite parent, String value) {
        Text t = new Text(parent, SWT.READ_ONLY | SWT.WRAP);
        t.setText(value);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.widthHint = 700;
        t.setLayoutData(gd);
    }

    private static void column(Table t, String title, int width) {
        TableColumn c = new TableColumn(t, SWT.NONE);
        c.setText(title);
        c.setWidth(width);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Close", true);
    }
}
