package io.backbench.ui.workbench.internal;

import io.backbench.ui.api.EmptyState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.backbench.ui.api.ActionContext;
import io.backbench.ui.api.ActionContribution;
import io.backbench.ui.api.PerspectiveContribution;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPlacement;
import io.backbench.ui.workbench.internal.prefs.PreferencesOpener;

import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.window.ApplicationWindow;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;

/**
 * The workbench window: menu bar, a tool bar with the contributed actions and the perspective
 * switcher, the perspectives' pages (made when first shown), the status line. Every method runs on
 * the UI thread.
 */
final class WorkbenchWindow extends ApplicationWindow {

    private final WorkbenchServices services;
    private final Contributions contributions;
    private final Path stateFile;
    private final WindowState state;
    private final WorkbenchMenus menus;
    private final Map<String, PerspectivePage> pages = new LinkedHashMap<>();
    /** Views opened with View > Show View, per perspective id. */
    private final Map<String, Set<String>> shownViews = new LinkedHashMap<>();
    private final Runnable saveTask = this::saveState;
    private Composite stack;
    private final StackLayout stackLayout = new StackLayout();
    private EmptyState noPerspective;
    private ToolBar perspectiveBar;
    private ToolBarManager actionBar;
    private String active;
    /** The perspective saved last time, shown once it is registered unless the user chose another. */
    private String requested;

    WorkbenchWindow(WorkbenchServices services, Contributions contributions) {
        super(null);
        this.services = services;
        this.contributions = contributions;
        this.stateFile = services.folders().config().resolve(WindowState.FILE_NAME);
        this.state = WindowState.load(stateFile);
        this.requested = state.perspective().orElse(null);
        this.menus = new WorkbenchMenus(this);
        setBlockOnOpen(false);
        addMenuBar();
        addStatusLine();
    }

    WorkbenchServices services() {
        return services;
    }

    Contributions contributions() {
        return contributions;
    }

    ToolBarManager actionBar() {
        return actionBar;
    }

    String activePerspective() {
        return active;
    }

    @Override
    protected MenuManager createMenuManager() {
        return menus.createMenuBar();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Backbench");
        shell.setData(Keys.WORKBENCH, Boolean.TRUE);
        shell.addListener(SWT.Move, e -> scheduleSave());
        shell.addListener(SWT.Resize, e -> scheduleSave());
    }

    @Override
    protected Point getInitialSize() {
        return state.bounds().map(b -> new Point(b[2], b[3])).orElse(new Point(1280, 800));
    }

    @Override
    protected Point getInitialLocation(Point initialSize) {
        return state.bounds().map(b -> new Point(b[0], b[1])).orElseGet(() -> super.getInitialLocation(initialSize));
    }

    @Override
    public int open() {
        create();
        if (state.maximized()) {
            getShell().setMaximized(true);
        }
        return super.open();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(3, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 0;
        root.setLayout(gl);

        actionBar = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
        actionBar.createControl(root).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Label title = new Label(root, SWT.NONE);
        title.setText("Perspective:");
        title.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        perspectiveBar = new ToolBar(root, SWT.FLAT | SWT.RIGHT);
        perspectiveBar.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));

        Label line = new Label(root, SWT.SEPARATOR | SWT.HORIZONTAL);
        line.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));

        stack = new Composite(root, SWT.NONE);
        stack.setLayout(stackLayout);
        stack.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        noPerspective = new EmptyState(stack, "Starting the workbench",
                "The perspectives (Monitor, Devices, Backups, Targets) appear here as soon as their "
                        + "bundles have started.");
        stackLayout.topControl = noPerspective.control();
        refreshContributions();
        return root;
    }

    /** Brings the window in line with the registered contributions. */
    void refreshContributions() {
        Shell shell = getShell();
        if (shell == null || shell.isDisposed() || perspectiveBar == null) {
            return;
        }
        List<PerspectiveContribution> perspectives = contributions.perspectives();
        Set<String> ids = new HashSet<>();
        perspectives.forEach(p -> ids.add(p.id()));
        for (String gone : new ArrayList<>(pages.keySet())) {
            if (!ids.contains(gone)) {
                pages.remove(gone).dispose();
            }
        }
        pages.values().forEach(page -> page.sync(placements(page.id())));
        rebuildPerspectiveBar(perspectives);
        if (requested != null && ids.contains(requested)) {
            String id = requested;
            requested = null;
            showPerspective(id);
        } else if (active == null || !ids.contains(active)) {
            active = null;
            if (!perspectives.isEmpty()) {
                showPerspective(perspectives.get(0).id());
            } else {
                stackLayout.topControl = noPerspective.control();
                stack.layout();
            }
        }
        menus.rebuild();
        getShell().layout(true, true);
    }

    private void rebuildPerspectiveBar(List<PerspectiveContribution> perspectives) {
        for (ToolItem item : perspectiveBar.getItems()) {
            item.dispose();
        }
        for (PerspectiveContribution p : perspectives) {
            ToolItem item = new ToolItem(perspectiveBar, SWT.RADIO);
            item.setText(" " + p.label() + " ");
            item.setData(Keys.PERSPECTIVE, p.id());
            item.setSelection(p.id().equals(active));
            item.addListener(SWT.Selection, e -> {
                if (item.getSelection()) {
                    showPerspective(p.id());
                }
            });
        }
        perspectiveBar.getParent().layout(true);
    }

    /** Shows a perspective, making its page the first time. Unknown ids are ignored. */
    void showPerspective(String id) {
        Optional<PerspectiveContribution> p = contributions.perspectives().stream()
                .filter(c -> c.id().equals(id)).findFirst();
        if (p.isEmpty() || getShell() == null) {
            return;
        }
        requested = null;
        PerspectivePage page = pages.get(id);
        if (page == null) {
            page = new PerspectivePage(stack, id, p.get().label(), this, state);
            pages.put(id, page);
            page.sync(placements(id));
        }
        active = id;
        stackLayout.topControl = page.control();
        stack.layout(true, true);
        for (ToolItem item : perspectiveBar.getItems()) {
            item.setSelection(id.equals(item.getData(Keys.PERSPECTIVE)));
        }
        getShell().setText("Backbench - " + p.get().label());
        menus.rebuild();
        scheduleSave();
    }

    /** View > Show View: shows the view in the current perspective (adding it if needed). */
    void showView(String viewId) {
        if (active == null) {
            return;
        }
        shownViews.computeIfAbsent(active, k -> new HashSet<>()).add(viewId);
        PerspectivePage page = pages.get(active);
        page.sync(placements(active));
        page.activate(viewId);
    }

    /**
     * The views wanted in a perspective: those that name it, its own placements, those shown by hand;
     * in their {@link ViewContribution#order()}, then by label.
     */
    private List<PerspectivePage.Placement> placements(String perspectiveId) {
        List<PerspectivePage.Placement> result = new ArrayList<>();
        List<ViewContribution> views = contributions.views();
        Map<String, ViewPlacement> extra = new LinkedHashMap<>();
        contributions.perspectives().stream().filter(p -> p.id().equals(perspectiveId)).findFirst()
                .ifPresent(p -> safe(p::placements, List.<ViewPlacement>of())
                        .forEach(vp -> extra.putIfAbsent(vp.viewId(), vp)));
        Set<String> byHand = shownViews.getOrDefault(perspectiveId, Set.of());
        for (ViewContribution v : views) {
            String id = safe(v::id, null);
            if (id == null) {
                continue;
            }
            String label = safe(v::label, id);
            if (safe(v::perspectives, List.<String>of()).contains(perspectiveId) || byHand.contains(id)) {
                result.add(new PerspectivePage.Placement(v, id, label, safe(v::area, io.backbench.ui.api.Area.CENTER)));
            } else if (extra.containsKey(id)) {
                result.add(new PerspectivePage.Placement(v, id, label, extra.get(id).area()));
            }
        }
        Map<ViewContribution, Integer> order = new java.util.IdentityHashMap<>();
        result.forEach(pl -> order.put(pl.view(), safe(pl.view()::order, ViewContribution.DEFAULT_ORDER)));
        result.sort(java.util.Comparator.comparingInt(pl -> order.get(pl.view()))); // stable: label order within one
        return result;
    }

    /** Calls a contribution's descriptive method; a broken plugin is logged, not allowed to break the window. */
    private <T> T safe(java.util.function.Supplier<T> call, T fallback) {
        try {
            T value = call.get();
            return value == null ? fallback : value;
        } catch (RuntimeException | LinkageError e) {
            services.log().error("a contribution failed to describe itself", e);
            return fallback;
        }
    }

    void runAction(ActionContribution action) {
        try {
            action.run(actionContext());
        } catch (RuntimeException | LinkageError e) {
            services.log().error("action {} failed", action.label(), e);
            Dialogs.error(getShell(), "Action failed",
                    "\"" + action.label() + "\" failed: " + e.getMessage()
                            + "\n\nSee the Error Log view for details.");
        }
    }

    private ActionContext actionContext() {
        return new ActionContext() {
            @Override
            public Shell shell() {
                return getShell();
            }

            @Override
            public String activePerspective() {
                return active;
            }

            @Override
            public void showPerspective(String perspectiveId) {
                WorkbenchWindow.this.showPerspective(perspectiveId);
            }

            @Override
            public void setStatusMessage(String message) {
                setStatus(message);
            }

            @Override
            public void showError(String title, String message) {
                Dialogs.error(getShell(), title, message);
            }
        };
    }

    void openPreferences() {
        PreferencesOpener.open(getShell(), contributions.preferencePages(), services);
    }

    void openAbout() {
        new AboutDialog(getShell(), services).open();
    }

    /** Saves the layout a moment after the last change (moves and resizes come in bursts). */
    void scheduleSave() {
        Shell shell = getShell();
        if (shell != null && !shell.isDisposed()) {
            shell.getDisplay().timerExec(700, saveTask);
        }
    }

    private void saveState() {
        Shell shell = getShell();
        if (shell == null || shell.isDisposed()) {
            return;
        }
        state.setMaximized(shell.getMaximized());
        if (!shell.getMaximized() && !shell.getMinimized()) {
            Rectangle b = shell.getBounds();
            state.setBounds(b.x, b.y, b.width, b.height);
        }
        if (active != null) {
            state.setPerspective(active);
        }
        pages.values().forEach(page -> page.saveWeights(state));
        try {
            state.save(stateFile);
        } catch (IOException e) {
            services.log().warn("could not save the window layout to {}: {}", stateFile, e.toString());
        }
    }

    @Override
    public boolean close() {
        Shell shell = getShell();
        if (shell != null && !shell.isDisposed()) {
            shell.getDisplay().timerExec(-1, saveTask);
            saveState();
            pages.values().forEach(PerspectivePage::dispose);
            pages.clear();
        }
        return super.close();
    }
}
