package io.backbench.ui.api;

import org.eclipse.swt.widgets.Shell;
import org.osgi.annotation.versioning.ProviderType;

/** What the workbench gives an {@link ActionContribution} when it runs. UI thread only. */
@ProviderType
public interface ActionContext {

    /** The workbench window's shell, the parent for dialogs. */
    Shell shell();

    /** The id of the perspective shown now. */
    String activePerspective();

    /** Switches to a perspective; unknown ids are ignored. */
    void showPerspective(String perspectiveId);

    /** Shows a message in the window's status line. */
    void setStatusMessage(String message);

    /** Shows an error dialog; blocks until it is closed. */
    void showError(String title, String message);
}
