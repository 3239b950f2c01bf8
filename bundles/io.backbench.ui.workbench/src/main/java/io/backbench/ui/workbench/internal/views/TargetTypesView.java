package io.backbench.ui.workbench.internal.views;

import java.util.List;

import io.backbench.core.api.TargetTypes;
import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.TargetFactory;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;
import io.backbench.ui.api.EmptyState;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The target types now registered (type, name, description) and the settings of the selected one.
 * The registry's listener runs on OSGi threads; the tables change on the UI thread.
 */
final class TargetTypesView implements ViewPart {

    private final TargetTypes types;
    private final String pluginFolder;
    private EmptyState empty;
    private TableViewer typeTable;
    private TableViewer settingTable;
    private Label settingsTitle;
    private Runnable listener;

    TargetTypesView(TargetTypes types, String pluginFolder) {
        this.types = types;
        this.pluginFolder = pluginFolder;
    }

    @Override
    public void createControl(Composite parent, ViewSite site) {
        empty = new EmptyState(parent, "No storage target types are installed",
                "This view lists the kinds of storage that backups can be written to (a local folder, "
                        + "tape, S3-compatible object storage, ...) and the settings each one takes.\n\n"
                        + "Target types come from plugins: install one with Install... in the Plugins view "
                        + "(Monitor perspective), or copy its jar into " + pluginFolder + ".");
        SashForm sash = new SashForm(empty.stack(), SWT.VERTICAL | SWT.SMOOTH);
        typeTable = Tables.create(sash);
        Tables.<TargetFactory>column(typeTable, "Type", 90, TargetFactory::type);
        Tables.<TargetFactory>column(typeTable, "Name", 220, TargetFactory::displayName);
        Tables.<TargetFactory>column(typeTable, "Description", 600, TargetFactory::description);
        Composite lower = new Composite(sash, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        lower.setLayout(gl);
        settingsTitle = new Label(lower, SWT.NONE);
        settingsTitle.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        settingTable = Tables.create(lower);
        settingTable.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Tables.<SettingDescriptor>column(settingTable, "Setting", 110, SettingDescriptor::key);
        Tables.<SettingDescriptor>column(settingTable, "Label", 150, SettingDescriptor::label);
        Tables.<SettingDescriptor>column(settingTable, "Kind", 80, s -> s.type().name().toLowerCase());
        Tables.<SettingDescriptor>column(settingTable, "Required", 75, s -> s.required() ? "yes" : "no");
        Tables.<SettingDescriptor>column(settingTable, "Default", 100, s -> s.defaultValue() == null ? "" : s.defaultValue());
        Tables.<SettingDescriptor>column(settingTable, "Description", 500, SettingDescriptor::description);
        sash.setWeights(45, 55);
        typeTable.addSelectionChangedListener(e -> showSettings());
        empty.setContent(sash);

        Coalescer coalescer = new Coalescer(site, this::refresh);
        listener = coalescer::changed;
        types.addListener(listener);
        refresh();
    }

    private void refresh() {
        if (typeTable.getTable().isDisposed()) {
            return;
        }
        List<TargetFactory> all = types.all();
        TargetFactory selected = (TargetFactory) ((IStructuredSelection) typeTable.getSelection()).getFirstElement();
        typeTable.setInput(all);
        if (!all.isEmpty()) {
            TargetFactory keep = selected != null && all.contains(selected) ? selected : all.get(0);
            typeTable.setSelection(new StructuredSelection(keep));
        }
        showSettings();
        empty.showEmpty(all.isEmpty());
    }

    private void showSettings() {
        TargetFactory f = (TargetFactory) ((IStructuredSelection) typeTable.getSelection()).getFirstElement();
        settingsTitle.setText(f == null ? "Settings" : "Settings of " + f.displayName() + " (" + f.type() + ")");
        settingTable.setInput(f == null ? List.of() : f.settings());
    }

    @Override
    public void setFocus() {
        typeTable.getTable().setFocus();
    }

    @Override
    public void dispose() {
        types.removeListener(listener);
    }
}
