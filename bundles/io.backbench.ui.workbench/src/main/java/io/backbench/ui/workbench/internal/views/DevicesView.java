package io.backbench.ui.workbench.internal.views;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.backbench.device.api.Device;
import io.backbench.device.api.DeviceListener;
import io.backbench.device.api.DeviceProvider;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.api.EmptyState;
import io.backbench.ui.workbench.internal.Keys;

import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ToolItem;

/**
 * The devices every provider reports, a disk followed by its partitions. Providers read the system
 * (sysfs, ...) and may block, so the lists are fetched on the view's own reader thread (not the common
 * ForkJoin pool, which is meant for work that never blocks) and shown on the UI thread. Provider and
 * device events arrive on OSGi and provider threads.
 */
final class DevicesView implements ViewPart {

    record Row(Device device, String provider) {
    }

    private final List<DeviceProvider> providers;
    private final List<Runnable> providerListeners;
    private final Set<DeviceProvider> listenedTo = new HashSet<>();
    private EmptyState empty;
    private TableViewer table;
    private Label problems;
    private Coalescer coalescer;
    private ViewSite site;
    private Runnable providersChanged;
    private DeviceListener deviceListener;
    private boolean disposed;
    /** Counts refreshes (UI thread); a fetch that a later refresh overtook is not shown. */
    private int generation;
    /** One daemon thread, started on the first fetch, ended when idle for a while and on dispose. */
    private final ThreadPoolExecutor reader = readerThread();

    DevicesView(List<DeviceProvider> providers, List<Runnable> providerListeners) {
        this.providers = providers;
        this.providerListeners = providerListeners;
    }

    @Override
    public void createControl(Composite parent, ViewSite site) {
        this.site = site;
        ToolItem refresh = new ToolItem(site.toolBar(), SWT.PUSH);
        refresh.setText("Refresh");
        refresh.setData(Keys.ACTION, "refresh");
        refresh.addListener(SWT.Selection, e -> refresh());
        empty = new EmptyState(parent, "Device discovery is not installed",
                "This view will list the disks, partitions, file systems and tape drives of this machine "
                        + "that can be imaged or backed up, with their sizes and mount points.\n\n"
                        + "Devices are found by device discovery plugins (bundles that register a "
                        + DeviceProvider.class.getName() + " service). To add one, use Install... in the "
                        + "Plugins view of the Monitor perspective, or copy its jar into the plugins folder; "
                        + "this view updates without a restart.");
        Composite body = new Composite(empty.stack(), SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        body.setLayout(gl);
        problems = new Label(body, SWT.WRAP);
        problems.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        problems.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = Tables.create(body);
        table.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.<Row>column(table, "Device", 170, r -> (r.device().isPartition() ? "    " : "") + r.device().path());
        Tables.<Row>column(table, "Kind", 85, r -> r.device().kind().name().toLowerCase().replace('_', ' '));
        Tables.<Row>column(table, "Size", 90, r -> Sizes.format(r.device().size()));
        Tables.<Row>column(table, "File system", 90, r -> r.device().filesystem() == null ? ""
                : r.device().filesystem().type());
        Tables.<Row>column(table, "Label", 110, r -> r.device().filesystem() == null ? ""
                : r.device().filesystem().label());
        Tables.<Row>column(table, "Mounted at", 150, r -> String.join(", ", r.device().mountPoints()));
        Tables.<Row>column(table, "Model", 170, r -> (r.device().vendor() + " " + r.device().model()).trim());
        Tables.<Row>column(table, "Found by", 150, Row::provider);
        empty.setContent(body);

        coalescer = new Coalescer(site, this::refresh);
        deviceListener = event -> coalescer.changed();
        providersChanged = coalescer::changed;
        providerListeners.add(providersChanged);
        refresh();
    }

    /** UI thread: starts a fetch; the result comes back through the coalescer's site. */
    private void refresh() {
        if (disposed) {
            return;
        }
        List<DeviceProvider> now = List.copyOf(providers);
        for (DeviceProvider p : now) {
            if (listenedTo.add(p)) {
                p.addListener(deviceListener);
            }
        }
        listenedTo.removeIf(p -> !now.contains(p));
        int fetch = ++generation;
        if (now.isEmpty()) {
            show(List.of(), List.of());
            return;
        }
        fetch(() -> {
            List<Row> rows = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (DeviceProvider p : now) {
                try {
                    p.devices().forEach(d -> rows.add(new Row(d, p.name())));
                } catch (IOException | RuntimeException e) {
                    errors.add(p.name() + ": " + e.getMessage());
                }
            }
            site.asyncExec(() -> {
                if (fetch == generation) { // fetches may finish out of order
                    show(rows, errors);
                }
            });
        });
    }

    private void fetch(Runnable task) {
        try {
            reader.execute(task);
        } catch (RejectedExecutionException e) {
            // disposed meanwhile: nothing to show the result in
        }
    }

    /** Reads one provider list at a time; a daemon so a hung provider cannot keep the JVM alive. */
    private static ThreadPoolExecutor readerThread() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "backbench-devices-view-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** For tests: the executor that reads the providers. */
    ExecutorService reader() {
        return reader;
    }

    private void show(List<Row> rows, List<String> errors) {
        if (disposed || table.getControl().isDisposed()) {
            return;
        }
        table.setInput(rows);
        problems.setText(String.join("\n", errors));
        ((GridData) problems.getLayoutData()).exclude = errors.isEmpty();
        problems.setVisible(!errors.isEmpty());
        problems.getParent().layout(true);
        boolean none = providers.isEmpty();
        if (!none && rows.isEmpty()) {
            empty.setMessage("No devices found",
                    "The device providers found nothing" + (errors.isEmpty() ? "." : ": " + String.join("; ", errors)));
        }
        empty.showEmpty(none || (rows.isEmpty() && errors.isEmpty()));
    }

    @Override
    public void setFocus() {
        table.getTable().setFocus();
    }

    @Override
    public void dispose() {
        disposed = true;
        reader.shutdownNow(); // interrupts a fetch in progress; its result would have nowhere to go
        providerListeners.remove(providersChanged);
        listenedTo.forEach(p -> p.removeListener(deviceListener));
        listenedTo.clear();
    }
}
