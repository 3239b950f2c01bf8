package io.backbench.ui.workbench.internal;

import io.backbench.ui.api.EmptyState;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.backbench.ui.api.Area;
import io.backbench.ui.api.ViewContribution;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Composite;

/**
 * One perspective's page: four areas (tab folders) in two sash forms,
 * {@code [LEFT | [CENTER / BOTTOM] | RIGHT]}; areas without views take no space. UI thread only.
 */
final class PerspectivePage {

    /** A view wanted in this perspective, and where. */
    record Placement(ViewContribution view, String viewId, String label, Area area) {
    }

    private static final int[] DEFAULT_HORIZONTAL = {22, 56, 22};
    private static final int[] DEFAULT_VERTICAL = {62, 38};

    private final String id;
    private final WorkbenchWindow window;
    private final Composite control;
    private final StackLayout stackLayout = new StackLayout();
    private final SashForm horizontal;
    private final SashForm vertical;
    private final EmptyState empty;
    private final Map<Area, CTabFolder> folders = new EnumMap<>(Area.class);
    private final Map<ViewContribution, ViewHolder> holders = new IdentityHashMap<>();

    PerspectivePage(Composite parent, String id, String label, WorkbenchWindow window, WindowState state) {
        this.id = id;
        this.window = window;
        control = new Composite(parent, SWT.NONE);
        control.setData(Keys.PERSPECTIVE, id);
        control.setLayout(stackLayout);
        horizontal = new SashForm(control, SWT.HORIZONTAL | SWT.SMOOTH);
        folders.put(Area.LEFT, folder(horizontal, Area.LEFT));
        vertical = new SashForm(horizontal, SWT.VERTICAL | SWT.SMOOTH);
        folders.put(Area.CENTER, folder(vertical, Area.CENTER));
        folders.put(Area.BOTTOM, folder(vertical, Area.BOTTOM));
        folders.put(Area.RIGHT, folder(horizontal, Area.RIGHT));
        horizontal.setWeights(state.weights(id, "horizontal", 3).orElse(DEFAULT_HORIZONTAL));
        vertical.setWeights(state.weights(id, "vertical", 2).orElse(DEFAULT_VERTICAL));
        horizontal.setSashWidth(5);
        vertical.setSashWidth(5);
        empty = new EmptyState(control, "The " + label + " perspective has no views yet",
                "Views come from plugins. Install one in the Plugins view of the Monitor perspective, "
                        + "or open a view here with View > Show View.");
        stackLayout.topControl = empty.control();
    }

    private CTabFolder folder(Composite parent, Area area) {
        CTabFolder folder = new CTabFolder(parent, SWT.BORDER | SWT.FLAT);
        folder.setData(Keys.AREA, area.name());
        folder.setSimple(false);
        folder.setTabHeight(Math.max(24, folder.getTabHeight()));
        folder.setSelectionBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        folder.addListener(SWT.Resize, e -> window.scheduleSave());
        folder.addListener(SWT.Selection, e -> {
            if (e.item != null && e.item.getData(Keys.VIEW) != null) {
                holders.values().stream().filter(h -> h.item() == e.item).findFirst().ifPresent(ViewHolder::setFocus);
            }
        });
        return folder;
    }

    String id() {
        return id;
    }

    Composite control() {
        return control;
    }

    /** Makes the shown views exactly {@code wanted}: new ones are created, gone ones disposed. */
    void sync(List<Placement> wanted) {
        Map<ViewContribution, Placement> byView = new IdentityHashMap<>();
        wanted.forEach(p -> byView.putIfAbsent(p.view(), p));
        for (ViewContribution gone : new ArrayList<>(holders.keySet())) {
            if (!byView.containsKey(gone)) {
                holders.remove(gone).dispose();
            }
        }
        for (Placement p : wanted) {
            if (!holders.containsKey(p.view()) && find(p.viewId()).isEmpty()) {
                CTabFolder folder = folders.get(p.area());
                // in the order wanted: after the tabs of this folder that come before it there
                int index = 0;
                for (Placement before : wanted) {
                    if (before == p) {
                        break;
                    }
                    ViewHolder h = holders.get(before.view());
                    if (h != null && !h.item().isDisposed() && h.item().getParent() == folder) {
                        index++;
                    }
                }
                holders.put(p.view(), new ViewHolder(folder, Math.min(index, folder.getItemCount()), p.view(), p.viewId(), p.label(),
                        id, window));
                if (folder.getSelection() == null) {
                    folder.setSelection(0);
                }
            }
        }
        updateAreas();
    }

    private void updateAreas() {
        for (CTabFolder folder : folders.values()) {
            if (folder.getSelection() == null && folder.getItemCount() > 0) {
                folder.setSelection(0);
            }
            folder.setVisible(folder.getItemCount() > 0);
        }
        vertical.setVisible(folders.get(Area.CENTER).getVisible() || folders.get(Area.BOTTOM).getVisible());
        stackLayout.topControl = holders.isEmpty() ? empty.control() : horizontal;
        vertical.layout(true);
        horizontal.layout(true);
        control.layout(true);
    }

    Optional<ViewHolder> find(String viewId) {
        return holders.values().stream().filter(h -> h.viewId().equals(viewId)).findFirst();
    }

    /** Brings a shown view's tab to the front. */
    void activate(String viewId) {
        find(viewId).ifPresent(h -> {
            CTabItem item = h.item();
            item.getParent().setSelection(item);
            h.setFocus();
        });
    }

    void saveWeights(WindowState state) {
        state.setWeights(id, "horizontal", horizontal.getWeights());
        state.setWeights(id, "vertical", vertical.getWeights());
    }

    void dispose() {
        holders.values().forEach(ViewHolder::dispose);
        holders.clear();
        control.dispose();
    }
}
