package io.backbench.ui.workbench.internal.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.ConfiguredTargets.Entry;
import io.backbench.core.api.TargetTypes;
import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.TargetFactory;
import io.backbench.ui.api.TargetSettingsPage;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.workbench.internal.Dialogs;
import io.backbench.ui.api.EmptyState;
import io.backbench.ui.workbench.internal.Keys;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ToolItem;

/**
 * The configured targets (name, type, where the data goes, the last test's result) with New, Edit,
 * Delete and Test. Follows targets saved elsewhere and types coming and going (a target whose
 * type's plugin is gone shows "type not installed"). Listeners run on any thread; the table changes
 * on the UI thread.
 */
final class TargetsView implements ViewPart {

    /** One row: a configured target, whether its type is installed, and its last test result. */
    record Row(Entry entry, Optional<TargetFactory> type, String test) {
        String where() {
            if (type.isEmpty()) {
                return "type not installed: install the " + entry.type() + " plugin to use this target";
            }
            List<String> parts = new ArrayList<>();
            for (SettingDescriptor d : type.get().settings()) {
                if (d.type() != SettingDescriptor.Type.SECRET && (d.required() || d.type() == SettingDescriptor.Type.URL)) {
                    entry.settings().get(d.key()).ifPresent(parts::add);
                }
            }
            return String.join(", ", parts);
        }
    }

    private final ConfiguredTargets targets;
    private final TargetTypes types;
    private final Function<String, Optional<TargetSettingsPage>> pages;
    private final TargetTests tests;
    /** The last test result by target name; written on job threads, read on the UI thread. */
    private final Map<String, String> results = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private ViewSite site;
    private EmptyState empty;
    private TableViewer table;
    private ToolItem edit;
    private ToolItem delete;
    private ToolItem test;
    private Runnable listener;

    TargetsView(ConfiguredTargets targets, TargetTypes types, Function<String, Optional<TargetSettingsPage>> pages,
                TargetTests tests) {
        this.targets = targets;
        this.types = types;
        this.pages = pages;
        this.tests = tests;
    }

    @Override
    public void createControl(Composite parent, ViewSite viewSite) {
        this.site = viewSite;
        tool("New...", "new", "Add a storage target: a name, a type and its settings").addListener(SWT.Selection, e -> add());
        edit = tool("Edit...", "edit", "Change the selected target's settings");
        edit.addListener(SWT.Selection, e -> editSelected());
        delete = tool("Delete", "delete", "Forget the selected target (its data on the storage is not touched)");
        delete.addListener(SWT.Selection, e -> deleteSelected());
        test = tool("Test", "test", "Open the selected target and list it, in the background");
        test.addListener(SWT.Selection, e -> testSelected());

        empty = new EmptyState(parent, "No storage targets are configured",
                "A target is a named place where backups go: a folder on a disk or NAS, a tape, an S3 bucket, ...\n\n"
                        + "Add one with New... above. Jobs and the command line then use it as target:NAME "
                        + "(backbench snapshots -r target:nas). The Target Types view lists the kinds of storage installed.");
        table = new TableViewer(empty.stack(), SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        column("Name", 140, r -> r.entry().name());
        column("Type", 90, r -> r.entry().type());
        column("Where", 360, Row::where);
        column("Last test", 420, Row::test);
        table.addSelectionChangedListener(e -> updateButtons());
        table.addDoubleClickListener(e -> editSelected());
        empty.setContent(table.getTable());

        listener = this::changed;
        targets.addListener(listener);
        types.addListener(listener);
        refresh();
    }

    private ToolItem tool(String text, String action, String tip) {
        ToolItem item = new ToolItem(site.toolBar(), SWT.PUSH);
        item.setText(text);
        item.setToolTipText(tip);
        item.setData(Keys.ACTION, action);
        return item;
    }

    private void column(String title, int width, Function<Row, String> text) {
        TableViewerColumn c = new TableViewerColumn(table, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                String s = text.apply((Row) element);
                return s == null ? "" : s;
            }
        });
    }

    /** Any thread: a burst of changes becomes one refresh on the UI thread. */
    private void changed() {
        if (refreshQueued.compareAndSet(false, true)) {
            site.asyncExec(() -> {
                refreshQueued.set(false);
                refresh();
            });
        }
    }

    private void refresh() {
        if (table.getTable().isDisposed()) {
            return;
        }
        List<Row> rows = new ArrayList<>();
        String unreadable = null;
        try {
            for (Entry e : targets.all()) {
                rows.add(new Row(e, types.find(e.type()), results.getOrDefault(e.name(), "")));
            }
        } catch (RuntimeException e) {
            unreadable = e.getMessage();
        }
        String selected = selected().map(r -> r.entry().name()).orElse(null);
        table.setInput(rows);
        rows.stream().filter(r -> r.entry().name().equals(selected)).findFirst()
                .ifPresent(r -> table.setSelection(new org.eclipse.jface.viewers.StructuredSelection(r)));
        empty.showEmpty(rows.isEmpty() && unreadable == null);
        if (unreadable != null) {
            site.setStatusMessage("Cannot read the configured targets: " + unreadable);
        }
        updateButtons();
    }

    private Optional<Row> selected() {
        return Optional.ofNullable((Row) ((IStructuredSelection) table.getSelection()).getFirstElement());
    }

    private void updateButtons() {
        boolean one = selected().isPresent();
        edit.setEnabled(one);
        delete.setEnabled(one);
        test.setEnabled(one);
    }

    private void add() {
        List<TargetFactory> installed = types.all();
        if (installed.isEmpty()) {
            site.showError("No target types", "No storage target types are installed, so no target can be added."
                    + " Install a target plugin in the Plugins view first.");
            return;
        }
        TargetDialog dialog = new TargetDialog(site.shell(), targets, installed, pages, null);
        if (dialog.open() == Window.OK) {
            site.setStatusMessage("Added target " + dialog.saved() + "; use it as target:" + dialog.saved());
            refresh();
        }
    }

    private void editSelected() {
        Optional<Row> row = selected();
        if (row.isEmpty()) {
            return;
        }
        if (row.get().type().isEmpty()) {
            site.showError("Type not installed", "The " + row.get().entry().type() + " target type is not installed,"
                    + " so target " + row.get().entry().name() + " cannot be edited. Install its plugin, or delete the target.");
            return;
        }
        TargetDialog dialog = new TargetDialog(site.shell(), targets, List.of(row.get().type().get()), pages, row.get().entry());
        if (dialog.open() == Window.OK) {
            results.remove(dialog.saved());
            site.setStatusMessage("Saved target " + dialog.saved());
            refresh();
        }
    }

    private void deleteSelected() {
        Optional<Row> row = selected();
        if (row.isEmpty()) {
            return;
        }
        String name = row.get().entry().name();
        if (Dialogs.confirm(site.shell(), "Delete Target", "Forget target " + name + "? Jobs that use target:" + name
                + " will fail until it is added again. Its data on the storage is not touched.", "Delete")) {
            targets.delete(name);
            results.remove(name);
            refresh();
        }
    }

    private void testSelected() {
        Optional<Row> row = selected();
        if (row.isEmpty()) {
            return;
        }
        String name = row.get().entry().name();
        results.put(name, "testing...");
        refresh();
        tests.test(name, outcome -> {
            results.put(outcome.name(), outcome.message());
            site.asyncExec(() -> site.setStatusMessage("Target " + outcome.name() + " " + outcome.message()));
            changed();
        });
    }

    @Override
    public void setFocus() {
        table.getTable().setFocus();
    }

    @Override
    public void dispose() {
        targets.removeListener(listener);
        types.removeListener(listener);
    }
}
