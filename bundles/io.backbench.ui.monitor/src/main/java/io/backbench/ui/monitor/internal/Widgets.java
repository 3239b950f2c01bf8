package io.backbench.ui.monitor.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.ToolItem;

import io.backbench.ui.api.ViewSite;

/** The monitoring views' common widgets, marked for tests as the workbench's own are. UI thread only. */
public final class Widgets {
    private Widgets() {
    }

    /** A single-selection table with headers and lines, marked with {@link Keys#PART} {@code part}. */
    public static Table table(Composite parent, String part, String[] columns, int[] widths) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        t.setData(Keys.PART, part);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (int i = 0; i < columns.length; i++) {
            TableColumn c = new TableColumn(t, SWT.NONE);
            c.setText(columns[i]);
            c.setWidth(widths[i]);
        }
        return t;
    }

    /** A push button in the view's tool bar, marked with {@link Keys#ACTION} {@code action}. */
    public static ToolItem tool(ViewSite site, String action, String text, String tip, Runnable run) {
        ToolItem item = new ToolItem(site.toolBar(), SWT.PUSH);
        item.setText(text);
        item.setToolTipText(tip);
        item.setData(Keys.ACTION, action);
        item.addListener(SWT.Selection, e -> run.run());
        return item;
    }
}
