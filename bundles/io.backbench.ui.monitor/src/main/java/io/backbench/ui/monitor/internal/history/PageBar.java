package io.backbench.ui.monitor.internal.history;

import java.util.function.IntConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import io.backbench.ui.monitor.internal.Keys;

/**
 * The bar under the Job History table: "Runs 5,001-10,000 of 100,000" and First, Previous, Next,
 * Last buttons (in the tab order, so the keyboard reaches them). It is hidden while every run fits
 * on one page. UI thread only.
 */
final class PageBar {
    private final Composite bar;
    private final Label range;
    private final Button first;
    private final Button previous;
    private final Button next;
    private final Button last;
    private final int pageSize;
    private int start;
    private long total;

    /** {@code goTo} gets the first row of the page the user asked for. */
    PageBar(Composite parent, int columns, int pageSize, IntConsumer goTo) {
        this.pageSize = pageSize;
        bar = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(5, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        bar.setLayout(layout);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, columns, 1));
        bar.setData(Keys.PART, "pages");
        range = new Label(bar, SWT.NONE);
        range.setData(Keys.PART, "page-range");
        range.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        first = button("\u00ab First", "first", "The first page: the first " + String.format("%,d", pageSize) + " runs",
                () -> goTo.accept(0));
        previous = button("\u2039 Previous", "previous", "The previous " + String.format("%,d", pageSize) + " runs",
                () -> goTo.accept(Math.max(0, start - pageSize)));
        next = button("Next \u203a", "next", "The next " + String.format("%,d", pageSize) + " runs",
                () -> goTo.accept(start + pageSize));
        last = button("Last \u00bb", "last", "The last page: the last runs in this order", () -> goTo.accept(lastStart(total, pageSize)));
        show(0, 0, 0);
    }

    private Button button(String text, String action, String tip, Runnable run) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.setData(Keys.ACTION, action);
        b.addListener(SWT.Selection, e -> run.run());
        return b;
    }

    /** The first row of the last page of {@code total} rows. */
    static int lastStart(long total, int pageSize) {
        long rows = Math.min(total, Integer.MAX_VALUE);
        return rows == 0 ? 0 : (int) ((rows - 1) / pageSize * pageSize);
    }

    /** Shows rows {@code start} to {@code start + rows - 1} of {@code total}; hides the bar when one page holds them all. */
    void show(int start, int rows, long total) {
        this.start = start;
        this.total = total;
        range.setText(String.format("Runs %,d-%,d of %,d", rows == 0 ? 0 : start + 1, start + rows, total));
        first.setEnabled(start > 0);
        previous.setEnabled(start > 0);
        next.setEnabled(start + rows < total);
        last.setEnabled(start + rows < total);
        if (bar.getDisplay().getFocusControl() instanceof Button b && b.getParent() == bar && !b.isEnabled()) {
            // Next pressed up to the last page: the focus goes to the button that still works
            (start > 0 ? previous : next).setFocus();
        }
        boolean needed = total > pageSize || start > 0;
        if (bar.getVisible() != needed) {
            ((GridData) bar.getLayoutData()).exclude = !needed;
            bar.setVisible(needed);
        }
        bar.getParent().layout(true, true);
    }
}
