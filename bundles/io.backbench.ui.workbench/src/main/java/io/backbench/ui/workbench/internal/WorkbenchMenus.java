package io.backbench.ui.workbench.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.backbench.ui.api.ActionContribution;
import io.backbench.ui.api.PerspectiveContribution;
import io.backbench.ui.api.ViewContribution;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.action.ToolBarManager;

/**
 * The menu bar (File, View, Tools, contributed menus, Help) and the main tool bar, rebuilt from the
 * contributions whenever they change. UI thread only.
 */
final class WorkbenchMenus {

    private static final String FILE = ActionContribution.MENU_FILE;
    private static final String TOOLS = ActionContribution.MENU_TOOLS;
    private static final String HELP = ActionContribution.MENU_HELP;

    private final WorkbenchWindow window;
    private final MenuManager bar = new MenuManager();
    private final MenuManager file = menu("&File", FILE);
    private final MenuManager view = menu("&View", "View");
    private final MenuManager tools = menu("&Tools", TOOLS);
    private final MenuManager help = menu("&Help", HELP);
    private final Map<String, MenuManager> custom = new LinkedHashMap<>();

    WorkbenchMenus(WorkbenchWindow window) {
        this.window = window;
    }

    private static MenuManager menu(String text, String id) {
        return new MenuManager(text, id);
    }

    MenuManager createMenuBar() {
        bar.add(file);
        bar.add(view);
        bar.add(tools);
        bar.add(help);
        return bar;
    }

    void rebuild() {
        List<ActionContribution> actions = window.contributions().actions();
        syncCustomMenus(actions);
        fillFile(actions);
        fillView();
        fillTools(actions);
        custom.forEach((name, m) -> {
            m.removeAll();
            actionsIn(actions, name).forEach(a -> m.add(action(a)));
        });
        help.removeAll();
        actionsIn(actions, HELP).forEach(a -> help.add(action(a)));
        help.add(new Separator());
        help.add(simple("&About Backbench", "about", window::openAbout));
        bar.updateAll(true);
        fillToolBar(actions);
    }

    private void syncCustomMenus(List<ActionContribution> actions) {
        List<String> wanted = new ArrayList<>();
        for (ActionContribution a : actions) {
            String m = a.menu();
            if (!m.equals(FILE) && !m.equals(TOOLS) && !m.equals(HELP) && !m.equals("View") && !wanted.contains(m)) {
                wanted.add(m);
            }
        }
        for (String name : new ArrayList<>(custom.keySet())) {
            if (!wanted.contains(name)) {
                MenuManager m = custom.remove(name);
                bar.remove(m);
                m.dispose();
            }
        }
        for (String name : wanted) {
            if (!custom.containsKey(name)) {
                MenuManager m = menu(name, "custom." + name);
                custom.put(name, m);
                bar.insertBefore(HELP, m);
            }
        }
    }

    private void fillFile(List<ActionContribution> actions) {
        file.removeAll();
        actionsIn(actions, FILE).forEach(a -> file.add(action(a)));
        file.add(new Separator());
        file.add(simple("&Preferences...", "preferences", window::openPreferences));
        file.add(new Separator());
        file.add(simple("E&xit", "exit", window::close));
    }

    private void fillView() {
        view.removeAll();
        for (PerspectiveContribution p : window.contributions().perspectives()) {
            Action a = new Action(p.label(), IAction.AS_RADIO_BUTTON) {
                @Override
                public void run() {
                    if (isChecked()) {
                        window.showPerspective(p.id());
                    }
                }
            };
            a.setId("perspective." + p.id());
            a.setChecked(p.id().equals(window.activePerspective()));
            view.add(a);
        }
        view.add(new Separator());
        MenuManager showView = new MenuManager("Show &View", "showView");
        for (ViewContribution v : window.contributions().views()) {
            showView.add(simple(v.label(), "view." + v.id(), () -> window.showView(v.id())));
        }
        view.add(showView);
    }

    private void fillTools(List<ActionContribution> actions) {
        tools.removeAll();
        List<ActionContribution> mine = actionsIn(actions, TOOLS);
        if (mine.isEmpty()) {
            Action none = new Action("No tools installed (plugins add them here)") {
            };
            none.setEnabled(false);
            tools.add(none);
        }
        mine.forEach(a -> tools.add(action(a)));
    }

    private void fillToolBar(List<ActionContribution> actions) {
        ToolBarManager tb = window.actionBar();
        if (tb == null) {
            return;
        }
        tb.removeAll();
        tb.add(simple("Preferences", "preferences", window::openPreferences));
        for (ActionContribution a : actions) {
            if (a.toolbar()) {
                tb.add(action(a));
            }
        }
        tb.update(true);
    }

    private static List<ActionContribution> actionsIn(List<ActionContribution> actions, String menu) {
        return actions.stream().filter(a -> menu.equals(a.menu())).toList();
    }

    private Action action(ActionContribution contribution) {
        return simple(contribution.label(), contribution.id(), () -> window.runAction(contribution));
    }

    private static Action simple(String label, String id, Runnable run) {
        Action a = new Action(label) {
            @Override
            public void run() {
                run.run();
            }
        };
        a.setId(id);
        return a;
    }
}
