package io.backbench.ui.workbench.internal.prefs;

import java.util.List;

import io.backbench.ui.api.PreferencePageContribution;
import io.backbench.ui.workbench.internal.Keys;
import io.backbench.ui.workbench.internal.WorkbenchServices;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.swt.widgets.Shell;

/** File > Preferences: a JFace preference dialog with one page per contribution. UI thread only. */
public final class PreferencesOpener {

    private PreferencesOpener() {
    }

    public static void open(Shell parent, List<PreferencePageContribution> pages, WorkbenchServices services) {
        PreferenceManager manager = new PreferenceManager();
        for (PreferencePageContribution c : pages) {
            manager.addToRoot(new PreferenceNode(c.id(), new ConfigPreferencePage(c, services)));
        }
        PreferenceDialog dialog = new PreferenceDialog(parent, manager) {
            @Override
            protected void configureShell(Shell shell) {
                super.configureShell(shell);
                shell.setText("Preferences");
                shell.setData(Keys.DIALOG, "preferences");
            }
        };
        dialog.setBlockOnOpen(true);
        dialog.open();
    }
}
