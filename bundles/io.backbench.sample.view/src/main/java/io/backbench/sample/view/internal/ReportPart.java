package io.backbench.sample.view.internal;

import java.util.Arrays;

import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolItem;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** A small report on this Backbench process: memory, processors, bundles. UI thread only. */
final class ReportPart implements ViewPart {

    private final BundleContext context;
    private Table table;

    ReportPart(BundleContext context) {
        this.context = context;
    }

    @Override
    public void createControl(Composite parent, ViewSite site) {
        ToolItem refresh = new ToolItem(site.toolBar(), SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, e -> {
            fill();
            site.setStatusMessage("Sample Report refreshed");
        });
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(1, false));
        Label intro = new Label(body, SWT.WRAP);
        intro.setText("A sample plugin's view: one ViewContribution service, no restart needed.");
        intro.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = new Table(body, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        column("Measure", 150);
        column("Value", 140);
        fill();
    }

    private void column(String title, int width) {
        TableColumn c = new TableColumn(table, SWT.NONE);
        c.setText(title);
        c.setWidth(width);
    }

    private void fill() {
        table.removeAll();
        Runtime rt = Runtime.getRuntime();
        Bundle[] bundles = context.getBundles();
        row("Processors", Integer.toString(rt.availableProcessors()));
        row("Heap used", mib(rt.totalMemory() - rt.freeMemory()));
        row("Heap maximum", mib(rt.maxMemory()));
        row("Bundles", Integer.toString(bundles.length));
        row("Bundles active", Long.toString(Arrays.stream(bundles).filter(b -> b.getState() == Bundle.ACTIVE).count()));
    }

    private void row(String measure, String value) {
        TableItem item = new TableItem(table, SWT.NONE);
        item.setText(new String[] {measure, value});
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
