package io.backbench.ui.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A perspective: a named arrangement of views with a button in the perspective switcher,
 * registered as an OSGi service. Views join it by naming its id in
 * {@link ViewContribution#perspectives()}, or through {@link #placements()}, which places views that
 * do not know about this perspective. The four built-in perspectives ({@link Perspectives}) are
 * registered this way too. Every method may be called on any thread and returns constant values.
 */
@ConsumerType
public interface PerspectiveContribution {

    /** Service property: the perspective's id, the same as {@link #id()}. */
    String ID_PROPERTY = "backbench.perspective.id";

    /** A unique id. */
    String id();

    /** The switcher's text: "Monitor". */
    String label();

    /** Position in the switcher, lowest first; the built-in ones use 10, 20, 30 and 40. */
    int order();

    /** Views placed here besides those that name this perspective themselves. */
    default List<ViewPlacement> placements() {
        return List.of();
    }
}
