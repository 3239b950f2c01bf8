package io.backbench.ui.itests;

import static io.backbench.ui.testing.WorkbenchDriver.TARGETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.backbench.core.api.ConfiguredTargets;
import io.backbench.target.api.TargetSettings;
import io.backbench.ui.api.TargetSettingsPage;
import io.backbench.ui.testing.Osgi;
import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceRegistration;

/**
 * The Targets view as an administrator uses it: New..., a name and a type, the type's settings
 * (the generic form, or the type's own page), Save; then Test, which opens and lists the target in
 * the background. And a target whose type's bundle goes away says so.
 */
class TargetsViewIT {
    static final String TARGETS_VIEW = "io.backbench.ui.views.targets";
    private static final String SETTING = "backbench.target.setting";

    @TempDir
    Path temp;

    private ServiceRegistration<TargetSettingsPage> page;

    @AfterEach
    void removeWhatTheTestAdded() {
        WorkbenchDriver.closeDialogs();
        if (page != null) {
            page.unregister();
        }
        ConfiguredTargets targets = Osgi.service(ConfiguredTargets.class);
        targets.all().forEach(e -> targets.delete(e.name()));
    }

    @Test
    void addsADiskTargetThroughTheGenericFormAndTestsIt() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("usb"));
        Files.writeString(folder.resolve("config"), "x");
        Shell dialog = openNewTargetDialog();
        type(dialog, "name", "usb-disk");
        chooseType(dialog, "disk");
        Ui.waitUntil("the generic form's path field", () -> !Ui.find(dialog, Ui.data(SETTING, "path")).isEmpty());
        assertTrue(Ui.call(() -> Ui.find(dialog, Ui.data(SETTING, "fsync")).get(0) instanceof Button), "a BOOLEAN is a check box");
        assertTrue(Ui.call(() -> !saveButton(dialog).getEnabled()), "Save waits for the required folder");
        type(dialog, "path", folder.toString());
        WorkbenchDriver.press(dialog, "Save");

        Shell shell = WorkbenchDriver.shell();
        Ui.waitUntil("usb-disk in the Targets view", () -> WorkbenchDriver.column(shell, TARGETS_VIEW, 0).contains("usb-disk"));
        assertEquals(List.of(folder.toString()), Ui.call(() -> WorkbenchDriver.column(shell, TARGETS_VIEW, 2)));
        assertEquals(folder.toString(), Osgi.service(ConfiguredTargets.class).find("usb-disk").orElseThrow()
                .settings().get("path").orElseThrow());

        testTarget("usb-disk");
        String result = Ui.call(() -> WorkbenchDriver.column(shell, TARGETS_VIEW, 3)).get(0);
        assertTrue(result.startsWith("works: disk:" + folder) && result.contains("holds 1 objects"), result);
    }

    @Test
    void showsATypesOwnSettingsPageInsteadOfTheForm() throws Exception {
        page = Osgi.context().registerService(TargetSettingsPage.class, new StoreNamePage(), props("memory"));
        Shell dialog = openNewTargetDialog();
        type(dialog, "name", "scratch");
        chooseType(dialog, "memory");
        Ui.waitUntil("the memory type's own page", () -> !Ui.find(dialog, Ui.data(StoreNamePage.FIELD, "store")).isEmpty());
        assertTrue(Ui.call(() -> Ui.find(dialog, Ui.data(SETTING, "name")).size() == 1), "no generic form beside the page");
        assertTrue(Ui.call(() -> WorkbenchDriver.labels(dialog).contains("Enter the store's name")), "the page's problem shows");
        Text store = (Text) Ui.call(() -> Ui.find(dialog, Ui.data(StoreNamePage.FIELD, "store")).get(0));
        Ui.run(() -> store.setText("ui-test-store"));
        WorkbenchDriver.press(dialog, "Save");

        assertEquals(Optional.of("ui-test-store"), Osgi.service(ConfiguredTargets.class).find("scratch").orElseThrow()
                .settings().get("name"));
        testTarget("scratch");
        Shell shell = WorkbenchDriver.shell();
        String result = Ui.call(() -> WorkbenchDriver.column(shell, TARGETS_VIEW, 3)).get(0);
        assertTrue(result.startsWith("works: memory:ui-test-store"), result);
    }

    @Test
    void aTargetWhoseTypeIsUninstalledSaysSo() throws Exception {
        Osgi.service(ConfiguredTargets.class).save(new ConfiguredTargets.Entry("ram", "memory",
                TargetSettings.of(Map.of("name", "ram"))));
        WorkbenchDriver.showPerspective(TARGETS);
        WorkbenchDriver.activateView(TARGETS_VIEW);
        Shell shell = WorkbenchDriver.shell();
        Ui.waitUntil("ram in the Targets view", () -> WorkbenchDriver.column(shell, TARGETS_VIEW, 0).contains("ram"));
        Osgi.withBundleStopped("io.backbench.target.memory", () -> Ui.waitUntil("type not installed",
                () -> WorkbenchDriver.column(shell, TARGETS_VIEW, 2).stream().anyMatch(s -> s.startsWith("type not installed"))));
        Ui.waitUntil("the memory type back", () -> WorkbenchDriver.column(shell, TARGETS_VIEW, 2).stream()
                .noneMatch(s -> s.startsWith("type not installed")));
    }

    private static Shell openNewTargetDialog() {
        WorkbenchDriver.showPerspective(TARGETS);
        WorkbenchDriver.activateView(TARGETS_VIEW);
        Ui.click(WorkbenchDriver.viewTool(TARGETS_VIEW, "new"));
        return Ui.dialog("target");
    }

    private static void testTarget(String name) {
        WorkbenchDriver.selectRow(TARGETS_VIEW, name);
        Ui.click(WorkbenchDriver.viewTool(TARGETS_VIEW, "test"));
        Shell shell = WorkbenchDriver.shell();
        Ui.waitUntil("the test of " + name + " to end", () -> WorkbenchDriver.column(shell, TARGETS_VIEW, 3).stream()
                .anyMatch(s -> s.startsWith("works") || s.startsWith("failed")));
    }

    private static void type(Shell dialog, String setting, String value) {
        Ui.run(() -> ((Text) Ui.find(dialog, Ui.data(SETTING, setting)).get(0)).setText(value));
    }

    /** Picks the type in the drop-down, as a user's click would (the selection event included). */
    private static void chooseType(Shell dialog, String type) {
        Ui.run(() -> {
            Combo combo = (Combo) Ui.find(dialog, Ui.data(SETTING, "type")).get(0);
            int index = -1;
            for (int i = 0; i < combo.getItemCount(); i++) {
                if (combo.getItem(i).startsWith(type + " - ")) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new AssertionError("no type " + type + " in " + List.of(combo.getItems()));
            }
            combo.select(index);
            Event e = new Event();
            e.widget = combo;
            combo.notifyListeners(SWT.Selection, e);
        });
    }

    private static Button saveButton(Shell dialog) {
        return (Button) Ui.find(dialog, w -> w instanceof Button b && b.getText().replace("&", "").equals("Save")).get(0);
    }

    private static Dictionary<String, Object> props(String type) {
        Dictionary<String, Object> d = new Hashtable<>();
        d.put(TargetSettingsPage.TYPE_PROPERTY, type);
        return d;
    }

    /** A plugin's own page, as small as one can be: the in-memory store's name. */
    static final class StoreNamePage implements TargetSettingsPage {
        static final String FIELD = "backbench.test.page";

        @Override
        public String type() {
            return "memory";
        }

        @Override
        public Editor createEditor(Composite parent, TargetSettings initial, Runnable changed) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new org.eclipse.swt.layout.GridLayout(1, false));
            Text store = new Text(c, SWT.BORDER);
            store.setData(FIELD, "store");
            store.setText(initial.get("name").orElse(""));
            store.addListener(SWT.Modify, e -> changed.run());
            return new Editor() {
                @Override
                public TargetSettings settings() {
                    return TargetSettings.of(Map.of("name", store.getText().trim()));
                }

                @Override
                public Optional<String> problem() {
                    return store.getText().isBlank() ? Optional.of("Enter the store's name") : Optional.empty();
                }
            };
        }
    }
}
