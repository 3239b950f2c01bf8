package io.backbench.ui.itests;

import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;
import io.backbench.ui.testing.Osgi;

import static io.backbench.ui.testing.WorkbenchDriver.BACKUPS;
import static io.backbench.ui.testing.WorkbenchDriver.REPOSITORIES_VIEW;
import static io.backbench.ui.testing.WorkbenchDriver.DEVICES;
import static io.backbench.ui.testing.WorkbenchDriver.DEVICES_VIEW;
import static io.backbench.ui.testing.WorkbenchDriver.DISCOVERY_BUNDLE;
import static io.backbench.ui.testing.WorkbenchDriver.ERROR_LOG;
import static io.backbench.ui.testing.WorkbenchDriver.MONITOR;
import static io.backbench.ui.testing.WorkbenchDriver.PLUGINS;
import static io.backbench.ui.testing.WorkbenchDriver.PROGRESS;
import static io.backbench.ui.testing.WorkbenchDriver.TARGETS;
import static io.backbench.ui.testing.WorkbenchDriver.TARGET_TYPES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.backbench.core.api.DataFolders;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchWindowIT {

    @AfterEach
    void leaveNoDialogOpen() {
        WorkbenchDriver.closeDialogs();
    }


    /** The built-in views each perspective shows, by default. */
    private static final Map<String, List<String>> VIEWS = Map.of(
            MONITOR, List.of(PROGRESS, ERROR_LOG, PLUGINS),
            DEVICES, List.of(DEVICES_VIEW, PROGRESS),
            BACKUPS, List.of(REPOSITORIES_VIEW, PROGRESS),
            TARGETS, List.of(TARGET_TYPES, PROGRESS));

    @Test
    @Order(1)
    void opensOneWindowWithMenusPerspectiveSwitcherAndStatusLine() {
        Shell shell = WorkbenchDriver.shell();
        assertTrue(Ui.call(shell::isVisible));
        assertTrue(Ui.call(() -> shell.getText().startsWith("Backbench")), Ui.call(shell::getText));
        List<String> menus = WorkbenchDriver.menuNames();
        assertEquals("File", menus.get(0), menus.toString());
        assertTrue(menus.containsAll(List.of("File", "View", "Tools", "Help")), menus.toString());
        assertEquals("Help", menus.get(menus.size() - 1), menus.toString());
        assertTrue(WorkbenchDriver.perspectiveIds().containsAll(List.of(MONITOR, DEVICES, BACKUPS, TARGETS)),
                WorkbenchDriver.perspectiveIds().toString());
        assertEquals(List.of(MONITOR, DEVICES, BACKUPS, TARGETS), WorkbenchDriver.perspectiveIds().subList(0, 4),
                "built-in perspectives in their order");
    }

    @Test
    @Order(2)
    void everyPerspectiveShowsItsViewsAndNoneIsBlank() {
        Shell shell = WorkbenchDriver.shell();
        for (String perspective : List.of(MONITOR, DEVICES, BACKUPS, TARGETS)) {
            WorkbenchDriver.showPerspective(perspective);
            for (String view : VIEWS.get(perspective)) {
                Ui.waitUntil("view " + view + " in perspective " + perspective,
                        () -> WorkbenchDriver.viewIds(shell).contains(view));
                WorkbenchDriver.activateView(view);
                Ui.waitUntil("view " + view + " to be visible with content", () -> WorkbenchDriver.view(shell, view)
                        .map(v -> v.isVisible() && hasVisibleContent(v)).orElse(false));
            }
            Ui.screenshot(shell, "workbench-" + perspective);
        }
        // a perspective's main view comes first (ViewContribution#order), the others by label
        WorkbenchDriver.showPerspective(BACKUPS);
        List<String> backups = Ui.call(() -> WorkbenchDriver.viewIds(shell));
        assertTrue(backups.indexOf(REPOSITORIES_VIEW) == 0 && backups.indexOf("io.backbench.ui.monitor.jobs") == 1
                && backups.indexOf("io.backbench.ui.monitor.snapshots") == 2, backups.toString());
        WorkbenchDriver.showPerspective(MONITOR);
    }

    private static boolean hasVisibleContent(Composite view) {
        // tables and trees are composites in SWT, but they are content
        return !Ui.find(view, w -> w instanceof Control c && c.isVisible()
                && (!(c instanceof Composite) || c instanceof Table || c instanceof Tree)).isEmpty();
    }

    @Test
    @Order(3)
    void viewsWithNothingToShowSayWhatTheyWillShowAndHowToGetThere() {
        Shell shell = WorkbenchDriver.shell();
        // (the Repositories view's empty state is tested in io.backbench.ui.monitor.itests, whose catalog starts
        // empty; here the tape tests' backups may have filled it)
        WorkbenchDriver.showPerspective(DEVICES);
        // the product's discovery bundle provides devices; without it the view says what is missing
        Osgi.withBundleStopped(DISCOVERY_BUNDLE, () -> {
            String devices = visibleEmptyMessage(shell, DEVICES_VIEW);
            assertTrue(devices.contains("not installed") && devices.contains("Plugins view"), devices);
        });
        WorkbenchDriver.showPerspective(MONITOR);
    }

    private static String visibleEmptyMessage(Shell shell, String viewId) {
        WorkbenchDriver.activateView(viewId);
        Ui.waitUntil("an empty-state message in " + viewId, () -> WorkbenchDriver.view(shell, viewId)
                .map(v -> Ui.find(v, w -> Boolean.TRUE.equals(w.getData("backbench.empty")) && ((Control) w).isVisible())
                        .size() == 1).orElse(false));
        return Ui.call(() -> {
            Composite message = (Composite) Ui.find(WorkbenchDriver.view(shell, viewId).orElseThrow(),
                    w -> Boolean.TRUE.equals(w.getData("backbench.empty"))).get(0);
            StringBuilder sb = new StringBuilder();
            for (Control c : message.getChildren()) {
                sb.append(((org.eclipse.swt.widgets.Label) c).getText()).append('\n');
            }
            return sb.toString();
        });
    }

    @Test
    @Order(4)
    void targetTypesViewListsTheProductsTargetTypes() {
        Shell shell = WorkbenchDriver.shell();
        WorkbenchDriver.showPerspective(TARGETS);
        Ui.waitUntil("types memory and disk in the Target Types view",
                () -> WorkbenchDriver.column(shell, TARGET_TYPES, 0).containsAll(List.of("memory", "disk")));
        WorkbenchDriver.showPerspective(MONITOR);
    }

    @Test
    @Order(5)
    void aboutDialogNamesVersionJavaFrameworkBundlesAndDataFolder() {
        Ui.click(WorkbenchDriver.menuItem("Help", "About Backbench"));
        Shell about = Ui.dialog("about");
        String text = Ui.call(() -> WorkbenchDriver.labels(about));
        DataFolders folders = Osgi.service(DataFolders.class);
        assertTrue(text.contains("Backbench " + Osgi.property("backbench.version")), text);
        assertTrue(text.contains("Java: " + System.getProperty("java.version")), text);
        assertTrue(text.contains("org.apache.felix.framework"), text);
        assertTrue(text.contains("Bundles: " + Osgi.bundleCount() + " installed"), text);
        assertTrue(text.contains(folders.home().toString()), text);
        Ui.screenshot(about, "about");
        WorkbenchDriver.press(about, "Close");
    }

    @Test
    @Order(100)
    void layoutAndPerspectiveAreRestoredWhenTheWorkbenchStartsAgain() throws Exception {
        Shell shell = WorkbenchDriver.shell();
        WorkbenchDriver.showPerspective(TARGETS);
        Ui.run(() -> shell.setBounds(40, 30, 1100, 700));
        Path file = Osgi.service(DataFolders.class).config().resolve("workbench.properties");
        Ui.waitUntil("the layout to be saved in " + file, () -> saved(file, "perspective=targets")
                && saved(file, "window.bounds=40,30,1100,700"));

        Bundle workbench = Osgi.bundle("io.backbench.ui.workbench").orElseThrow();
        workbench.stop();
        Ui.sleep(500);
        workbench.start();

        Shell again = WorkbenchDriver.shell();
        Ui.waitUntil("the Targets perspective to be shown after the restart", () -> WorkbenchDriver.activePage(again)
                .map(p -> TARGETS.equals(p.getData("backbench.perspective"))).orElse(false));
        assertEquals(new org.eclipse.swt.graphics.Point(1100, 700), Ui.call(() -> again.getSize()));
        WorkbenchDriver.showPerspective(MONITOR);
    }

    private static boolean saved(Path file, String line) {
        try {
            return Files.exists(file) && Files.readAllLines(file).contains(line);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
