package io.backbench.ui.api;

import org.eclipse.swt.widgets.Composite;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One shown instance of a view: it draws into the composite the workbench hands it and lives until
 * {@link #dispose()}. Every method is called on the UI thread.
 *
 * <p>A view never shows a blank pane: when it has nothing to show it says what it will show and how
 * to get there ("No jobs yet. Jobs started from the Backups perspective appear here.").
 */
@ConsumerType
public interface ViewPart {

    /**
     * Creates the view's widgets as children of {@code parent} (which has a {@code FillLayout};
     * the part may set another). Tool bar items go into {@link ViewSite#toolBar()} here too.
     * Called on the UI thread, once.
     */
    void createControl(Composite parent, ViewSite site);

    /** Gives the keyboard focus to the view's main control. Called on the UI thread. */
    default void setFocus() {
    }

    /**
     * Called on the UI thread when the view is closed or its contribution goes away, before its
     * widgets are disposed: remove listeners from services, stop timers. The widgets themselves are
     * disposed by the workbench.
     */
    default void dispose() {
    }
}
