package io.backbench.ui.api;

import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the workbench gives a {@link ViewPart}: its window, its own tool bar, the status line and a
 * way back to the UI thread. Provided by the workbench, one per shown view.
 */
@ProviderType
public interface ViewSite {

    /** The workbench window's shell, the parent for dialogs. UI thread only. */
    Shell shell();

    /**
     * The view's own tool bar, above its content. Add items during {@link ViewPart#createControl};
     * a tool bar left empty takes no space. UI thread only.
     */
    ToolBar toolBar();

    /** The id of the perspective this instance is shown in. Any thread. */
    String perspectiveId();

    /** Shows a message in the window's status line. UI thread only. */
    void setStatusMessage(String message);

    /**
     * Shows an error dialog. The message says what happened and what to do. UI thread only; blocks
     * until the user closes the dialog.
     */
    void showError(String title, String message);

    /**
     * Runs {@code runnable} on the UI thread soon, unless the view (or the window) has been disposed
     * by then, in which case it is dropped. May be called from any thread; this is how a view applies
     * what a service listener (called on an OSGi or job thread) told it.
     */
    void asyncExec(Runnable runnable);
}
