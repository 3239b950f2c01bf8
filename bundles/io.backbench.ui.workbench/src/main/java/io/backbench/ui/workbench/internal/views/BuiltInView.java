package io.backbench.ui.workbench.internal.views;

import java.util.List;

import io.backbench.ui.api.Area;
import io.backbench.ui.api.ViewContribution;

/** The descriptive half of a built-in view; subclasses are DS components that make the parts. */
abstract class BuiltInView implements ViewContribution {

    private final String id;
    private final String label;
    private final List<String> perspectives;
    private final Area area;

    BuiltInView(String id, String label, Area area, String... perspectives) {
        this.id = id;
        this.label = label;
        this.area = area;
        this.perspectives = List.of(perspectives);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String label() {
        return label;
    }

    @Override
    public final List<String> perspectives() {
        return perspectives;
    }

    @Override
    public final Area area() {
        return area;
    }
}
