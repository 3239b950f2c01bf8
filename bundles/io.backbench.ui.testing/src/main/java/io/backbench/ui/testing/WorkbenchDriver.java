package io.backbench.ui.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Widget;

/** What a user does with the workbench, in the tests' words. Call from the test thread. */
public final class WorkbenchDriver {

    public static final String MONITOR = "monitor";
    public static final String DEVICES = "devices";
    public static final String BACKUPS = "backups";
    public static final String TARGETS = "targets";

    public static final String PROGRESS = "io.backbench.ui.views.progress";
    public static final String ERROR_LOG = "io.backbench.ui.views.errorlog";
    public static final String PLUGINS = "io.backbench.ui.views.plugins";
    public static final String TARGET_TYPES = "io.backbench.ui.views.targettypes";
    public static final String DEVICES_VIEW = "io.backbench.ui.views.devices";
    /** The product bundle that provides the real devices. */
    public static final String DISCOVERY_BUNDLE = "io.backbench.discovery";
    /** The first view of the Backups perspective (the product's io.backbench.ui.monitor bundle). */
    public static final String REPOSITORIES_VIEW = "io.backbench.ui.monitor.repositories";

    private WorkbenchDriver() {
    }

    public static Shell shell() {
        return Ui.workbench();
    }

    /** Clicks the perspective's button in the switcher and waits until its page is shown. */
    public static void showPerspective(String id) {
        Shell shell = shell();
        Ui.waitUntil("the " + id + " perspective button", () -> switcherItem(shell, id).isPresent());
        Ui.run(() -> {
            ToolItem item = switcherItem(shell, id).orElseThrow();
            item.setSelection(true);
            Event e = new Event();
            e.widget = item;
            item.notifyListeners(SWT.Selection, e);
        });
        Ui.waitUntil("the " + id + " perspective to be shown", () -> activePage(shell).map(p -> id.equals(
                p.getData("backbench.perspective"))).orElse(false));
    }

    private static Optional<ToolItem> switcherItem(Shell shell, String id) {
        return Ui.find(shell, w -> w instanceof ToolItem && id.equals(w.getData("backbench.perspective")))
                .stream().map(ToolItem.class::cast).findFirst();
    }

    /** The perspective page that is visible now. UI thread only. */
    public static Optional<Composite> activePage(Shell shell) {
        return Ui.find(shell, w -> w instanceof Composite && w.getData("backbench.perspective") != null)
                .stream().map(Composite.class::cast).filter(Control::isVisible).findFirst();
    }

    /** The ids of the perspectives in the switcher, in order. */
    public static List<String> perspectiveIds() {
        Shell shell = shell();
        return Ui.call(() -> Ui.find(shell, w -> w instanceof ToolItem && w.getData("backbench.perspective") != null)
                .stream().map(w -> (String) w.getData("backbench.perspective")).toList());
    }

    /** The ids of the views (tabs) in the visible perspective. UI thread only. */
    public static List<String> viewIds(Shell shell) {
        List<String> ids = new ArrayList<>();
        activePage(shell).ifPresent(page -> Ui.find(page, w -> w instanceof CTabItem && w.getData("backbench.view") != null)
                .forEach(w -> ids.add((String) w.getData("backbench.view"))));
        return ids;
    }

    /** A view's outer composite in the visible perspective. UI thread only. */
    public static Optional<Composite> view(Shell shell, String viewId) {
        return activePage(shell).flatMap(page -> Ui.find(page,
                w -> w instanceof Composite && viewId.equals(w.getData("backbench.view"))).stream()
                .map(Composite.class::cast).findFirst());
    }

    /** Brings a view's tab to the front in the visible perspective. */
    public static void activateView(String viewId) {
        Shell shell = shell();
        Ui.waitUntil("view " + viewId, () -> view(shell, viewId).isPresent());
        Ui.run(() -> {
            CTabItem item = activePage(shell).flatMap(page -> Ui.find(page,
                    w -> w instanceof CTabItem && viewId.equals(w.getData("backbench.view"))).stream()
                    .map(CTabItem.class::cast).findFirst()).orElseThrow();
            item.getParent().setSelection(item);
        });
    }

    /** A tool item of a view ("install", "clear", ...) in the visible perspective. */
    public static ToolItem viewTool(String viewId, String action) {
        Shell shell = shell();
        Ui.waitUntil("tool " + action + " of view " + viewId, () -> view(shell, viewId)
                .map(v -> !Ui.find(v, Ui.data("backbench.action", action)).isEmpty()).orElse(false));
        return Ui.call(() -> (ToolItem) Ui.find(view(shell, viewId).orElseThrow(),
                Ui.data("backbench.action", action)).get(0));
    }

    /** The first table in a view. UI thread only. */
    public static Optional<Table> table(Shell shell, String viewId) {
        return view(shell, viewId).flatMap(v -> Ui.find(v, w -> w instanceof Table).stream()
                .map(Table.class::cast).findFirst());
    }

    /** The texts of a column of a view's first table. UI thread only. */
    public static List<String> column(Shell shell, String viewId, int column) {
        List<String> texts = new ArrayList<>();
        table(shell, viewId).ifPresent(t -> {
            for (TableItem item : t.getItems()) {
                texts.add(item.getText(column));
            }
        });
        return texts;
    }

    /** Selects the row whose first column is {@code text}, as a click would. */
    public static void selectRow(String viewId, String text) {
        selectRow(viewId, 0, text);
    }

    /** Selects the row whose {@code column} is {@code text}, as a click would. */
    public static void selectRow(String viewId, int column, String text) {
        Shell shell = shell();
        Ui.waitUntil("row " + text + " in " + viewId, () -> column(shell, viewId, column).contains(text));
        Ui.run(() -> {
            Table t = table(shell, viewId).orElseThrow();
            for (TableItem item : t.getItems()) {
                if (item.getText(column).equals(text)) {
                    t.setSelection(item);
                    Event e = new Event();
                    e.item = item;
                    e.widget = t;
                    t.notifyListeners(SWT.Selection, e);
                }
            }
        });
    }

    /** A menu bar item, by the menu's and the item's text without mnemonics. */
    public static MenuItem menuItem(String menu, String item) {
        Shell shell = shell();
        return Ui.call(() -> {
            for (MenuItem top : shell.getMenuBar().getItems()) {
                if (plain(top.getText()).equals(menu)) {
                    Menu m = top.getMenu();
                    // JFace fills menus when they are about to show
                    m.notifyListeners(SWT.Show, new Event());
                    for (MenuItem i : m.getItems()) {
                        if (plain(i.getText()).startsWith(item)) {
                            return i;
                        }
                    }
                    throw new AssertionError("no item " + item + " in menu " + menu);
                }
            }
            throw new AssertionError("no menu " + menu);
        });
    }

    public static List<String> menuNames() {
        Shell shell = shell();
        return Ui.call(() -> {
            List<String> names = new ArrayList<>();
            for (MenuItem top : shell.getMenuBar().getItems()) {
                names.add(plain(top.getText()));
            }
            return names;
        });
    }

    public static String plain(String text) {
        int tab = text.indexOf('\t');
        return (tab < 0 ? text : text.substring(0, tab)).replace("&", "");
    }

    /** All texts of labels (and read-only message fields) under a control, joined by newlines. UI thread only. */
    public static String labels(Control root) {
        StringBuilder sb = new StringBuilder();
        for (Widget w : Ui.find(root, w -> w instanceof Label || w instanceof CLabel || w instanceof Text)) {
            String text = w instanceof Label l ? l.getText() : w instanceof CLabel c ? c.getText() : ((Text) w).getText();
            sb.append(text).append('\n');
        }
        return sb.toString();
    }

    /** Closes every dialog a failed test may have left open. */
    public static void closeDialogs() {
        Ui.run(() -> {
            for (Shell s : Ui.display().getShells()) {
                if (!s.isDisposed() && s.getData("backbench.workbench") == null) {
                    s.close();
                }
            }
        });
    }

    /** Presses the dialog button with this text (without mnemonics). */
    public static void press(Shell dialog, String text) {
        Button button = Ui.call(() -> Ui.find(dialog, w -> w instanceof Button b && plain(b.getText()).equals(text))
                .stream().map(Button.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text + " in " + dialog.getText())));
        Ui.click(button);
        Ui.waitUntil("the dialog to close after " + text, dialog::isDisposed);
    }
}
