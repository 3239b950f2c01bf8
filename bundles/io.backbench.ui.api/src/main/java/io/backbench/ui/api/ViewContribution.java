package io.backbench.ui.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A view that a bundle adds to the workbench, registered as an OSGi service. The workbench shows it
 * in each perspective of {@link #perspectives()} (and wherever a {@link PerspectiveContribution}
 * places it), in {@link #area()}, and removes it when the service goes away.
 *
 * <p>Register it with the service properties {@link #ID_PROPERTY} and {@link #LABEL_PROPERTY}
 * repeating {@link #id()} and {@link #label()}, so that the plugin manager can say "view: label"
 * without loading the class, e.g. with Declarative Services:
 * <pre>
 * &#64;Component(property = {ViewContribution.ID_PROPERTY + "=com.example.report",
 *                        ViewContribution.LABEL_PROPERTY + "=Weekly Report"})
 * public class WeeklyReport implements ViewContribution { ... }
 * </pre>
 *
 * <p>The descriptive methods may be called on any thread and return constant values;
 * {@link #createView()} is called on the UI thread, once for every place the view is shown.
 */
@ConsumerType
public interface ViewContribution {

    /** Service property: the view's id, the same as {@link #id()}. */
    String ID_PROPERTY = "backbench.view.id";

    /** Service property: the view's label, the same as {@link #label()}. */
    String LABEL_PROPERTY = "backbench.view.label";

    /** A unique id, by convention the contributing bundle's symbolic name plus a suffix. */
    String id();

    /** The tab text: short, title case, e.g. "Job History". */
    String label();

    /** The ids of the perspectives (see {@link Perspectives}) that show this view by default. */
    List<String> perspectives();

    /** Where the view goes in those perspectives. */
    default Area area() {
        return Area.CENTER;
    }

    /**
     * Its place among the views of the same area: lower first, views of the same order by label; the
     * first is the one shown when the perspective opens. Default {@value #DEFAULT_ORDER}; a perspective's
     * main view takes a lower number (the Backups perspective's Repositories view has 10).
     */
    default int order() {
        return DEFAULT_ORDER;
    }

    /** The {@link #order()} of a view that does not choose one. */
    int DEFAULT_ORDER = 100;

    /**
     * Makes a new, not yet visible part for one place in the workbench. Called on the UI thread.
     * Should be cheap: widgets are made later, in {@link ViewPart#createControl}.
     */
    ViewPart createView();
}
