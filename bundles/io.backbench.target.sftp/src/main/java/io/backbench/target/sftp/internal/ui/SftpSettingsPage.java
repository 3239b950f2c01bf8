package io.backbench.target.sftp.internal.ui;

import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Component;

import io.backbench.target.api.TargetSettings;
import io.backbench.ui.api.TargetSettingsPage;

/**
 * The {@code sftp} target type's settings page. Disabled until {@code UiPresence} finds the
 * workbench's packages wired, so a headless process never loads this class (it needs SWT).
 */
@Component(name = "io.backbench.target.sftp.page", enabled = false, service = TargetSettingsPage.class,
        property = TargetSettingsPage.TYPE_PROPERTY + "=sftp")
public class SftpSettingsPage implements TargetSettingsPage {

    @Override
    public String type() {
        return "sftp";
    }

    // Called on the UI thread.
    @Override
    public Editor createEditor(Composite parent, TargetSettings initial, Runnable changed) {
        return new SftpEditor(parent, initial, changed);
    }
}
