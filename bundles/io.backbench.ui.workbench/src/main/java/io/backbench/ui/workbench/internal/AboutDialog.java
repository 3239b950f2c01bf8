package io.backbench.ui.workbench.internal;

import java.util.Arrays;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;

/** Help > About: product version, Java, framework, bundles, data folder. UI thread only. */
final class AboutDialog extends MessageDialog {

    AboutDialog(Shell parent, WorkbenchServices services) {
        super(parent, "About Backbench", null, text(services), INFORMATION, 0, "Close");
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setData(Keys.DIALOG, "about");
    }

    static String text(WorkbenchServices services) {
        Bundle[] bundles = services.context().getBundles();
        long active = Arrays.stream(bundles).filter(b -> b.getState() == Bundle.ACTIVE).count();
        Bundle framework = services.context().getBundle(0);
        return "Backbench " + services.productVersion() + "\n"
                + "A workbench for backing up disks and files, and proving that restores work.\n\n"
                + "Java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "Framework: " + framework.getSymbolicName() + " " + framework.getVersion() + "\n"
                + "Bundles: " + bundles.length + " installed, " + active + " active\n"
                + "Data folder: " + services.folders().home();
    }
}
