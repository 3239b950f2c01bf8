package io.backbench.ui.workbench.internal.views;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.backbench.core.api.LogEntry;
import io.backbench.core.api.LogStore;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.api.EmptyState;
import io.backbench.ui.workbench.internal.Keys;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;

/**
 * The log entries, newest first: time, severity, source, message; the selected entry's details
 * (stack trace) below. The store's listener runs on logging threads; the table changes on the UI
 * thread.
 */
final class ErrorLogView implements ViewPart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final LogStore store;
    private final Map<LogEntry.Severity, Image> icons = new EnumMap<>(LogEntry.Severity.class);
    private EmptyState empty;
    private TableViewer table;
    private Text details;
    private Consumer<LogEntry> listener;

    ErrorLogView(LogStore store) {
        this.store = store;
    }

    @Override
    public void createControl(Composite parent, ViewSite site) {
        ToolItem clear = new ToolItem(site.toolBar(), SWT.PUSH);
        clear.setText("Clear");
        clear.setToolTipText("Remove all entries from this list");
        clear.setData(Keys.ACTION, "clear");
        clear.addListener(SWT.Selection, e -> {
            store.clear();
            refresh();
        });

        empty = new EmptyState(parent, "The log is empty",
                "Errors, warnings and messages from Backbench and its plugins appear here as they happen, "
                        + "with the time, the bundle they came from and, when you select one, the details "
                        + "(such as a stack trace).");
        SashForm sash = new SashForm(empty.stack(), SWT.VERTICAL | SWT.SMOOTH);
        table = Tables.create(sash);
        createIcons(parent.getDisplay());
        Tables.<LogEntry>column(table, "Time", 90, e -> time(e));
        TableViewerColumn severity = new TableViewerColumn(table, SWT.NONE);
        severity.getColumn().setText("Severity");
        severity.getColumn().setWidth(100);
        severity.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((LogEntry) element).severity().name().toLowerCase();
            }

            @Override
            public Image getImage(Object element) {
                return icons.get(((LogEntry) element).severity());
            }
        });
        Tables.<LogEntry>column(table, "Source", 200, LogEntry::source);
        Tables.<LogEntry>column(table, "Message", 600, e -> e.message().lines().findFirst().orElse(""));
        details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        sash.setWeights(70, 30);
        table.addSelectionChangedListener(e -> showDetails((IStructuredSelection) e.getSelection()));
        empty.setContent(sash);

        Coalescer coalescer = new Coalescer(site, this::refresh);
        listener = entry -> coalescer.changed();
        store.addListener(listener);
        refresh();
    }

    private void createIcons(Display display) {
        icons.put(LogEntry.Severity.ERROR, scaled(display, SWT.ICON_ERROR));
        icons.put(LogEntry.Severity.WARNING, scaled(display, SWT.ICON_WARNING));
        icons.put(LogEntry.Severity.INFO, scaled(display, SWT.ICON_INFORMATION));
        icons.put(LogEntry.Severity.DEBUG, scaled(display, SWT.ICON_INFORMATION));
    }

    /** The system icons are dialog-sized; rows want 16 pixels. Disposed with the view. */
    private static Image scaled(Display display, int id) {
        Image system = display.getSystemImage(id);
        return system == null ? null : new Image(display, system.getImageData().scaledTo(16, 16));
    }

    private static String time(LogEntry e) {
        var local = e.time().atZone(ZoneId.systemDefault());
        return local.toLocalDate().equals(LocalDate.now()) ? TIME.format(local) : DATE_TIME.format(local);
    }

    private void showDetails(IStructuredSelection selection) {
        LogEntry e = (LogEntry) selection.getFirstElement();
        if (e == null) {
            details.setText("");
            return;
        }
        String text = DATE_TIME.format(e.time().atZone(ZoneId.systemDefault())) + "  " + e.severity() + "  "
                + e.source() + "\n\n" + e.message() + (e.details().isEmpty() ? "" : "\n\n" + e.details());
        details.setText(text);
    }

    private void refresh() {
        if (table.getTable().isDisposed()) {
            return;
        }
        List<LogEntry> entries = new ArrayList<>(store.entries());
        java.util.Collections.reverse(entries);
        table.setInput(entries);
        empty.showEmpty(entries.isEmpty());
        if (entries.isEmpty()) {
            details.setText("");
        }
    }

    @Override
    public void setFocus() {
        table.getTable().setFocus();
    }

    @Override
    public void dispose() {
        store.removeListener(listener);
        icons.values().stream().filter(i -> i != null).forEach(Image::dispose);
    }
}
