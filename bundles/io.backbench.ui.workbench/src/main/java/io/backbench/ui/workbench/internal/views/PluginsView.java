package io.backbench.ui.workbench.internal.views;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.backbench.core.api.PluginInfo;
import io.backbench.core.api.PluginManager;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.workbench.internal.Dialogs;
import io.backbench.ui.workbench.internal.Keys;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ToolItem;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceListener;

/**
 * Every installed bundle with what it contributes (and, for a plugin kept from running, why);
 * Install Plugin... (the dialog), Update and Uninstall for plugins, Trusted Publishers... (the trust store). Changes run as jobs; bundle and service events (OSGi threads) refresh the table on the
 * UI thread. A refused change is shown in an error dialog with the plugin manager's reason.
 */
final class PluginsView implements ViewPart {

    private final PluginManager plugins;
    private final PluginOperations operations;
    private final BundleContext context;
    private ViewSite site;
    private TableViewer table;
    private ToolItem install;
    private ToolItem update;
    private ToolItem uninstall;
    private BundleListener bundleListener;
    private ServiceListener serviceListener;
    private int running;

    PluginsView(PluginManager plugins, PluginOperations operations, BundleContext context) {
        this.plugins = plugins;
        this.operations = operations;
        this.context = context;
    }

    @Override
    public void createControl(Composite parent, ViewSite site) {
        this.site = site;
        install = tool("Install Plugin...", "install", "Install a plugin from a plugin repository or a jar file");
        update = tool("Update...", "update", "Replace the selected plugin with another version of its jar");
        uninstall = tool("Uninstall", "uninstall", "Remove the selected plugin");
        ToolItem publishers = tool("Trusted Publishers...", "publishers", "The publishers whose signed plugins are accepted");
        install.addListener(SWT.Selection, e -> openInstallDialog());
        update.addListener(SWT.Selection, e -> selected().ifPresent(p ->
                chooseJar(update, "Update " + p.name()).ifPresent(jar -> update(p, jar))));
        uninstall.addListener(SWT.Selection, e -> selected().ifPresent(this::uninstall));
        publishers.addListener(SWT.Selection, e -> {
            new TrustedPublishersDialog(site.shell(), plugins).open();
            refresh(); // a plugin kept from running may be accepted now
        });

        Composite body = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        body.setLayout(gl);
        Label hint = new Label(body, SWT.WRAP);
        hint.setText("Plugins live in " + plugins.pluginFolder() + "; a jar copied there is installed too. "
                + "Product bundles (feature core, ui, ...) cannot be removed here.");
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = Tables.create(body);
        table.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.<PluginInfo>column(table, "Name", 260, PluginInfo::name);
        Tables.<PluginInfo>column(table, "Version", 135, PluginInfo::version);
        Tables.<PluginInfo>column(table, "Vendor", 190, PluginInfo::vendor);
        Tables.<PluginInfo>column(table, "State", 70, p -> p.state().toLowerCase());
        Tables.<PluginInfo>column(table, "Feature", 70, PluginInfo::feature);
        Tables.<PluginInfo>column(table, "Contributes", 320, p -> String.join(", ", p.contributions()));
        Tables.<PluginInfo>column(table, "Problem", 320, PluginInfo::problem);
        table.addSelectionChangedListener(e -> updateButtons());

        Coalescer coalescer = new Coalescer(site, this::refresh);
        bundleListener = e -> coalescer.changed();
        serviceListener = e -> coalescer.changed();
        context.addBundleListener(bundleListener);
        context.addServiceListener(serviceListener);
        refresh();
    }

    private ToolItem tool(String text, String action, String tip) {
        ToolItem item = new ToolItem(site.toolBar(), SWT.PUSH);
        item.setText(text);
        item.setToolTipText(tip);
        item.setData(Keys.ACTION, action);
        return item;
    }

    private Optional<PluginInfo> selected() {
        return Optional.ofNullable((PluginInfo) ((IStructuredSelection) table.getSelection()).getFirstElement());
    }

    private Optional<Path> chooseJar(ToolItem item, String title) {
        return FileChoice.open(item, site.shell(), title, "*.jar", "Plugin bundles (*.jar)", "*", "All files");
    }

    /** The Install Plugin dialog (modal: it runs its own job and reports its own errors). */
    private void openInstallDialog() {
        InstallPluginDialog dialog = new InstallPluginDialog(site.shell(), plugins, operations);
        dialog.open();
        if (dialog.installed() != null) {
            site.setStatusMessage(dialog.installed());
        }
        refresh();
    }

    private void update(PluginInfo plugin, Path jar) {
        begin("Updating " + plugin.name() + "...");
        operations.update(plugin.symbolicName(), jar, outcome -> site.asyncExec(() -> finish(outcome,
                "Plugin not updated", "Backbench could not update " + plugin.name() + " from " + jar.getFileName() + ".")));
    }

    private void uninstall(PluginInfo plugin) {
        if (!Dialogs.confirm(site.shell(), "Uninstall plugin", "Uninstall " + plugin.name() + " "
                + plugin.version() + "?\n\nIts jar is removed from the plugins folder and what it contributes "
                + "disappears now.", "Uninstall")) {
            return;
        }
        begin("Uninstalling " + plugin.name() + "...");
        operations.uninstall(plugin.symbolicName(), outcome -> site.asyncExec(() -> finish(outcome,
                "Plugin not uninstalled", "Backbench could not uninstall " + plugin.name() + ".")));
    }

    private void begin(String status) {
        running++;
        site.setStatusMessage(status);
        updateButtons();
    }

    private void finish(PluginOperations.Outcome outcome, String title, String what) {
        running--;
        updateButtons();
        refresh();
        if (outcome.ok()) {
            site.setStatusMessage(outcome.message());
        } else {
            site.setStatusMessage(title);
            Dialogs.error(site.shell(), title, what + "\n\n" + outcome.message()
                    + "\n\nNothing was changed: the running system is as it was.");
        }
    }

    private void refresh() {
        if (table.getTable().isDisposed()) {
            return;
        }
        List<PluginInfo> list = plugins.plugins().stream()
                .sorted(Comparator.comparing((PluginInfo p) -> !p.removable())
                        .thenComparing(PluginInfo::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        Optional<String> keep = selected().map(PluginInfo::symbolicName);
        table.setInput(list);
        keep.flatMap(bsn -> list.stream().filter(p -> p.symbolicName().equals(bsn)).findFirst())
                .ifPresent(p -> table.setSelection(new org.eclipse.jface.viewers.StructuredSelection(p)));
        updateButtons();
    }

    private void updateButtons() {
        boolean removable = selected().map(PluginInfo::removable).orElse(false);
        install.setEnabled(running == 0);
        update.setEnabled(running == 0 && removable);
        uninstall.setEnabled(running == 0 && removable);
    }

    @Override
    public void setFocus() {
        table.getTable().setFocus();
    }

    @Override
    public void dispose() {
        try {
            context.removeBundleListener(bundleListener);
            context.removeServiceListener(serviceListener);
        } catch (IllegalStateException bundleStopped) {
            // the listeners went with the bundle context
        }
    }
}
