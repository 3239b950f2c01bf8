package io.backbench.ui.api;

import java.util.Objects;

/**
 * A view placed in a perspective by a {@link PerspectiveContribution}. A placement of a view that is
 * not (or not yet) registered is ignored until the view appears.
 *
 * @param viewId the {@link ViewContribution#id()} of the view
 * @param area   where it goes in this perspective
 */
public record ViewPlacement(String viewId, Area area) {
    public ViewPlacement {
        Objects.requireNonNull(viewId, "viewId");
        Objects.requireNonNull(area, "area");
    }
}
