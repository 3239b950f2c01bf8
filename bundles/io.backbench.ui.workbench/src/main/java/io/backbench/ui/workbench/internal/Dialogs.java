package io.backbench.ui.workbench.internal;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** Message dialogs whose shells carry a {@link Keys#DIALOG} name. UI thread only; they block. */
public final class Dialogs {

    private Dialogs() {
    }

    public static void error(Shell parent, String title, String message) {
        open(parent, title, message, MessageDialog.ERROR, "error", "Close");
    }

    /** Asks before doing something; true when the user chose {@code confirmLabel}. */
    public static boolean confirm(Shell parent, String title, String message, String confirmLabel) {
        return open(parent, title, message, MessageDialog.QUESTION, "confirm", confirmLabel, "Cancel") == 0;
    }

    private static int open(Shell parent, String title, String message, int kind, String name, String... buttons) {
        MessageDialog dialog = new MessageDialog(parent, title, null, message, kind, 0, buttons) {
            @Override
            protected void configureShell(Shell shell) {
                super.configureShell(shell);
                shell.setData(Keys.DIALOG, name);
            }
        };
        return dialog.open();
    }
}
