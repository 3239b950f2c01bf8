package io.backbench.ui.workbench.internal;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.log.Logger;

/**
 * The workbench window while it is open, as a service private to this bundle: registered by
 * {@link WorkbenchRunner} once the window is shown (so only in {@code workbench} mode) and
 * unregistered before it closes. Components that must talk to the person at the screen (the tape
 * operator) reference it, and so exist only while there is a window. {@link #display()} may be called
 * on any thread; {@link #shell()} and {@link #setStatus} only on the UI thread.
 */
public interface OpenWorkbench {

    Display display();

    /** The main window's shell, the parent of dialogs and notifications. UI thread only. */
    Shell shell();

    /** Shows a message in the main window's status line. UI thread only. */
    void setStatus(String message);

    Logger log();
}
