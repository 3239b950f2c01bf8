package io.backbench.ui.monitor.itests;

import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;

/** What a user does with the monitoring views, in the tests' words. Call from the test thread. */
final class MonitorDriver {
    static final String HISTORY = "io.backbench.ui.monitor.history";
    static final String DASHBOARD = "io.backbench.ui.monitor.dashboard";
    static final String JOBS = "io.backbench.ui.monitor.jobs";
    static final String SNAPSHOTS = "io.backbench.ui.monitor.snapshots";
    static final String VERIFICATION = "io.backbench.ui.monitor.verification";
    static final String REPOSITORIES = WorkbenchDriver.REPOSITORIES_VIEW;

    private MonitorDriver() {
    }

    /** Shows a perspective and brings a view to the front. */
    static void show(String perspective, String viewId) {
        WorkbenchDriver.showPerspective(perspective);
        WorkbenchDriver.activateView(viewId);
    }

    static Composite view(String viewId) {
        Shell shell = WorkbenchDriver.shell();
        Ui.waitUntil("view " + viewId, () -> WorkbenchDriver.view(shell, viewId).isPresent());
        return Ui.call(() -> WorkbenchDriver.view(shell, viewId).orElseThrow());
    }

    /** Whether the view shows its empty-state message now. UI thread only. */
    static boolean showsEmptyState(Composite view) {
        return Ui.find(view, w -> w instanceof Composite c && Boolean.TRUE.equals(c.getData("backbench.empty")) && c.isVisible())
                .size() == 1;
    }

    /** The view's table with {@code backbench.part=part}, or its first table when part is null. UI thread only. */
    static Optional<Table> table(Composite view, String part) {
        return Ui.find(view, w -> w instanceof Table && (part == null || part.equals(w.getData("backbench.part")))).stream()
                .map(Table.class::cast).findFirst();
    }

    /** The rows of a table, each as its cell texts. UI thread only. */
    static List<List<String>> rows(Table t) {
        List<List<String>> rows = new ArrayList<>();
        for (TableItem item : t.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < t.getColumnCount(); i++) {
                cells.add(item.getText(i));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** Clicks a tool item of a view (through the event queue, so a dialog it opens does not block). */
    static void tool(String viewId, String action) {
        ToolItem item = WorkbenchDriver.viewTool(viewId, action);
        Ui.click(item);
    }

    /** Sets the answer a tool item's file or folder dialog gives, once (the workbench's test hook). */
    static void answerDialog(String viewId, String action, String path) {
        ToolItem item = WorkbenchDriver.viewTool(viewId, action);
        Ui.run(() -> item.setData("backbench.fileDialog.answer", path));
    }

    /** A form field of a dialog, by its {@code backbench.field} name. UI thread only. */
    static Widget field(Shell dialog, String name) {
        return Ui.find(dialog, w -> name.equals(w.getData("backbench.field"))).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name + " in " + dialog.getText()));
    }

    static void type(Shell dialog, String name, String value) {
        Ui.run(() -> {
            Widget w = field(dialog, name);
            if (w instanceof Text t) {
                t.setText(value);
            } else if (w instanceof Combo c) {
                c.setText(value);
                c.select(c.indexOf(value));
            } else {
                throw new AssertionError("field " + name + " is a " + w.getClass().getSimpleName());
            }
        });
    }

    static void check(Shell dialog, String name, boolean on) {
        Ui.run(() -> ((Button) field(dialog, name)).setSelection(on));
    }

    /** Selects the table row whose cell {@code column} is {@code text}, as a click would. */
    static void select(String viewId, String part, int column, String text) {
        Composite v = view(viewId);
        Ui.waitUntil("row " + text + " in " + viewId, () -> table(v, part).map(t -> rows(t).stream()
                .anyMatch(r -> r.get(column).equals(text))).orElse(false));
        Ui.run(() -> {
            Table t = table(v, part).orElseThrow();
            for (TableItem item : t.getItems()) {
                if (item.getText(column).equals(text)) {
                    t.setSelection(item);
                    Event e = new Event();
                    e.item = item;
                    t.notifyListeners(SWT.Selection, e);
                    return;
                }
            }
        });
    }

    /** Expands the tree item at {@code path} (a snapshot path), step by step, and selects it. */
    static void selectInTree(String viewId, String path) {
        Composite v = view(viewId);
        StringBuilder sofar = new StringBuilder();
        for (String part : path.substring(1).split("/")) {
            sofar.append('/').append(part);
            String p = sofar.toString();
            Ui.waitUntil("tree item " + p, () -> treeItem(v, p).isPresent());
            if (!p.equals(path)) {
                Ui.run(() -> {
                    TreeItem item = treeItem(v, p).orElseThrow();
                    Event e = new Event();
                    e.item = item;
                    item.getParent().notifyListeners(SWT.Expand, e);
                    item.setExpanded(true);
                });
            }
        }
        Ui.run(() -> {
            TreeItem item = treeItem(v, path).orElseThrow();
            item.getParent().setSelection(item);
        });
    }

    private static Optional<TreeItem> treeItem(Control view, String path) {
        Tree tree = Ui.find(view, w -> w instanceof Tree).stream().map(Tree.class::cast).findFirst().orElseThrow();
        return find(tree.getItems(), path);
    }

    private static Optional<TreeItem> find(TreeItem[] items, String path) {
        for (TreeItem i : items) {
            if (path.equals(i.getData("backbench.path"))) {
                return Optional.of(i);
            }
            Optional<TreeItem> below = find(i.getItems(), path);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }
}
