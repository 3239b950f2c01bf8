package io.backbench.ui.workbench.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.backbench.ui.api.ActionContribution;
import io.backbench.ui.api.PerspectiveContribution;
import io.backbench.ui.api.PreferencePageContribution;
import io.backbench.ui.api.ViewContribution;

/**
 * The contributions registered now. Written on OSGi threads (DS bind/unbind), read on the UI thread;
 * after every change the listener is told, on the thread that made the change.
 */
public final class Contributions {

    private final List<ViewContribution> views = new CopyOnWriteArrayList<>();
    private final List<PerspectiveContribution> perspectives = new CopyOnWriteArrayList<>();
    private final List<PreferencePageContribution> preferencePages = new CopyOnWriteArrayList<>();
    private final List<ActionContribution> actions = new CopyOnWriteArrayList<>();
    private volatile Runnable listener = () -> { };

    void setListener(Runnable listener) {
        this.listener = listener == null ? () -> { } : listener;
    }

    <T> void add(List<T> list, T item) {
        list.add(item);
        listener.run();
    }

    <T> void remove(List<T> list, T item) {
        list.remove(item);
        listener.run();
    }

    List<ViewContribution> viewList() {
        return views;
    }

    List<PerspectiveContribution> perspectiveList() {
        return perspectives;
    }

    List<PreferencePageContribution> preferencePageList() {
        return preferencePages;
    }

    List<ActionContribution> actionList() {
        return actions;
    }

    /** The views, sorted by label. */
    public List<ViewContribution> views() {
        return sorted(views, Comparator.comparing(ViewContribution::label, String.CASE_INSENSITIVE_ORDER));
    }

    /** The perspectives in switcher order; of two with the same id the first registered wins. */
    public List<PerspectiveContribution> perspectives() {
        List<PerspectiveContribution> unique = new ArrayList<>();
        for (PerspectiveContribution p : perspectives) {
            if (unique.stream().noneMatch(u -> u.id().equals(p.id()))) {
                unique.add(p);
            }
        }
        unique.sort(Comparator.comparingInt(PerspectiveContribution::order)
                .thenComparing(PerspectiveContribution::label));
        return unique;
    }

    public List<PreferencePageContribution> preferencePages() {
        return sorted(preferencePages,
                Comparator.comparing(PreferencePageContribution::label, String.CASE_INSENSITIVE_ORDER));
    }

    public List<ActionContribution> actions() {
        return sorted(actions, Comparator.comparing(ActionContribution::label, String.CASE_INSENSITIVE_ORDER));
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        List<T> copy = new ArrayList<>(list);
        copy.sort(order);
        return copy;
    }
}
