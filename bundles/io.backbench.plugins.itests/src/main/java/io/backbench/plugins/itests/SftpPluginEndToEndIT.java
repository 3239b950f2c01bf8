package io.backbench.plugins.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.Run;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.PluginManager;
import io.backbench.core.api.TargetTypes;
import io.backbench.ui.testing.Osgi;
import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Widget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * Issue 6's UI acceptance, on the real workbench: the signed SFTP plugin installed through "Install
 * Plugin..." from a plugin repository, an SFTP target added in the plugin's own settings page
 * (Targets view > New...), a backup job to {@code target:NAME}
 * that succeeds in Job History, all without a restart; uninstalling it takes its target type away;
 * an unsigned plugin is refused while the preference forbids it.
 */
class SftpPluginEndToEndIT {
    static final String SFTP_BSN = "io.backbench.target.sftp";
    static final String SFTP_NAME = "Backbench SFTP target";
    static final String SAMPLE_NAME = "Backbench sample view plugin";
    static final String HISTORY = "io.backbench.ui.monitor.history";
    static final String JOBS = "io.backbench.ui.monitor.jobs";
    static final String JOB = "Nightly to SFTP";
    static final String TARGETS_VIEW = "io.backbench.ui.views.targets";

    private final Path data = Path.of(Osgi.property("backbench.uitests.data"));

    @AfterEach
    void leaveNoDialogBehind() {
        WorkbenchDriver.closeDialogs();
    }

    /** A repository folder (no index: the plugin manager indexes it) with the signed SFTP plugin and the unsigned sample view. */
    private Path repository() throws Exception {
        Path plugins = Path.of(Osgi.property("backbench.uitests.plugins"));
        Path repo = data.resolve("repository");
        if (!Files.isDirectory(repo)) {
            Signer publisher = Signer.create(data.resolve("keys"), "site-publisher");
            publisher.signedCopy(plugins.resolve(SFTP_BSN + ".jar"), repo.resolve(SFTP_BSN + ".jar"));
            Files.copy(plugins.resolve("io.backbench.sample.view.jar"), repo.resolve("io.backbench.sample.view.jar"));
            // the administrator trusts the publisher (backbench plugins trust add CERT.pem does the same)
            Osgi.service(PluginManager.class).trust(publisher.certificate());
        }
        return repo;
    }

    @Test
    void theSignedSftpPluginInstalledFromTheRepositoryBacksUpToItsTargetAndGoesAgainWithoutARestart() throws Exception {
        Path repo = repository();
        TargetTypes types = Osgi.service(TargetTypes.class);
        assertTrue(Osgi.bundle(SFTP_BSN).isEmpty(), "the SFTP plugin must not be part of the product");
        assertTrue(types.find("sftp").isEmpty());

        // File > Install Plugin..., the repository, the SFTP plugin, Install
        Shell dialog = openInstallPluginAndList(repo);
        Ui.screenshot(dialog, "install-plugin-repository");
        selectRow(table(dialog), 0, SFTP_NAME);
        clickButton(dialog, "Install");
        Ui.waitUntil("the Install Plugin dialog to close after installing", dialog::isDisposed);
        Bundle sftp = Osgi.bundle(SFTP_BSN).orElseThrow(() -> new AssertionError("the SFTP plugin is not installed"));
        assertEquals(Bundle.ACTIVE, sftp.getState());
        Ui.waitUntil("the sftp target type", () -> types.find("sftp").isPresent());
        Ui.waitUntil("the SFTP settings page", () -> Osgi.context().getBundle(sftp.getBundleId()).getRegisteredServices() != null
                && List.of(sftp.getRegisteredServices()).stream().anyMatch(r -> List.of((String[]) r.getProperty("objectClass"))
                        .contains("io.backbench.ui.api.TargetSettingsPage")));
        Shell shell = WorkbenchDriver.shell();
        WorkbenchDriver.showPerspective(WorkbenchDriver.TARGETS);
        WorkbenchDriver.activateView(WorkbenchDriver.TARGET_TYPES);
        Ui.waitUntil("the Target Types view to list sftp", () -> WorkbenchDriver.view(shell, WorkbenchDriver.TARGET_TYPES)
                .map(v -> tableTexts(v).contains("sftp")).orElse(false));
        WorkbenchDriver.showPerspective(WorkbenchDriver.MONITOR);
        WorkbenchDriver.activateView(WorkbenchDriver.PLUGINS);
        Ui.waitUntil("the Plugins view to list the SFTP plugin as a removable plugin",
                () -> WorkbenchDriver.column(shell, WorkbenchDriver.PLUGINS, 0).contains(SFTP_NAME)
                        && WorkbenchDriver.column(shell, WorkbenchDriver.PLUGINS, 4).contains("plugin"));

        // an SFTP target on the in-framework server, named "offsite"
        Path served = data.resolve("sftp-root");
        try (SftpServer server = SftpServer.start(served, data.resolve("host-key"))) {
            addTheSftpTargetInItsSettingsPage(server);
            backUpToTheSftpTargetAndSeeItSucceedInJobHistory();
            assertTrue(Files.isRegularFile(served.resolve("backups/config")), "the repository is on the SFTP server");
        }

        // Plugins view: Uninstall; the target type goes
        WorkbenchDriver.showPerspective(WorkbenchDriver.MONITOR);
        WorkbenchDriver.activateView(WorkbenchDriver.PLUGINS);
        WorkbenchDriver.selectRow(WorkbenchDriver.PLUGINS, SFTP_NAME);
        ToolItem uninstall = WorkbenchDriver.viewTool(WorkbenchDriver.PLUGINS, "uninstall");
        Ui.waitUntil("Uninstall to be enabled", uninstall::getEnabled);
        Ui.click(uninstall);
        WorkbenchDriver.press(Ui.dialog("confirm"), "Uninstall");
        Ui.waitUntil("the sftp target type to go", () -> types.find("sftp").isEmpty());
        Ui.waitUntil("the SFTP plugin to go", () -> Osgi.bundle(SFTP_BSN).isEmpty());
        WorkbenchDriver.showPerspective(WorkbenchDriver.TARGETS);
        WorkbenchDriver.activateView(WorkbenchDriver.TARGET_TYPES);
        Ui.waitUntil("the Target Types view without sftp",
                () -> WorkbenchDriver.view(shell, WorkbenchDriver.TARGET_TYPES).map(v -> !WorkbenchDriver.labels(v).contains("sftp")
                        && tableTexts(v).stream().noneMatch(t -> t.contains("sftp"))).orElse(false));
    }

    @Test
    void anUnsignedPluginFromTheRepositoryIsRefusedWhileThePreferenceForbidsIt() throws Exception {
        Path repo = repository();
        assertFalse(Osgi.service(PluginManager.class).allowsUntrusted(), "the product's default is secure");
        int bundles = Osgi.bundleCount();

        Shell dialog = openInstallPluginAndList(repo);
        selectRow(table(dialog), 0, SAMPLE_NAME);
        clickButton(dialog, "Install");
        Shell error = Ui.dialog("error");
        String text = Ui.call(() -> WorkbenchDriver.labels(error));
        assertTrue(text.contains("it is not signed"), text);
        assertTrue(text.contains("Allow unsigned or untrusted plugins"), text);
        assertTrue(text.contains("Nothing was changed"), text);
        Ui.screenshot(error, "install-plugin-unsigned-refused");
        WorkbenchDriver.press(error, "Close");
        WorkbenchDriver.press(dialog, "Cancel");

        assertEquals(bundles, Osgi.bundleCount(), "a bundle was installed after all");
        assertTrue(Osgi.bundle("io.backbench.sample.view").isEmpty());
    }

    /** Targets view > New..., name and type, then the SFTP plugin's own settings page, Save. */
    private static void addTheSftpTargetInItsSettingsPage(SftpServer server) {
        WorkbenchDriver.showPerspective(WorkbenchDriver.TARGETS);
        WorkbenchDriver.activateView(TARGETS_VIEW);
        Ui.click(WorkbenchDriver.viewTool(TARGETS_VIEW, "new"));
        Shell form = Ui.dialog("target");
        Ui.run(() -> {
            ((Text) setting(form, "name")).setText("offsite");
            Combo type = (Combo) setting(form, "type");
            for (int i = 0; i < type.getItemCount(); i++) {
                if (type.getItem(i).startsWith("sftp ")) {
                    type.select(i);
                    type.notifyListeners(SWT.Selection, new Event());
                }
            }
        });
        Ui.waitUntil("the SFTP plugin's settings page in the dialog", () -> textAfter(form, "Host:") != null);
        Ui.run(() -> {
            textAfter(form, "Host:").setText("127.0.0.1");
            textAfter(form, "Port:").setText(Integer.toString(server.port()));
            textAfter(form, "User:").setText(SftpServer.USER);
            textAfter(form, "Folder:").setText("/backups");
            Button usePassword = Ui.find(form, w -> w instanceof Button b && (b.getStyle() & SWT.RADIO) != 0
                    && WorkbenchDriver.plain(b.getText()).equals("Password")).stream().map(Button.class::cast).findFirst().orElseThrow();
            usePassword.setSelection(true);
            usePassword.notifyListeners(SWT.Selection, new Event());
            textAfter(form, "Password:").setText(SftpServer.PASSWORD);
            textAfter(form, "Host key:").setText(server.fingerprint());
        });
        Ui.screenshot(form, "sftp-settings-page");
        WorkbenchDriver.press(form, "Save");
        ConfiguredTargets targets = Osgi.service(ConfiguredTargets.class);
        Ui.waitUntil("the offsite target", () -> targets.find("offsite").map(e -> e.type().equals("sftp")).orElse(false));
    }

    /** A widget of the target dialog's own fields (name, type). UI thread only. */
    private static Widget setting(Shell form, String key) {
        return Ui.find(form, w -> key.equals(w.getData("backbench.target.setting"))).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " field in " + form.getText()));
    }

    /** The text field right after the label {@code label} (as the SFTP settings page lays them out), or null. UI thread only. */
    private static Text textAfter(Shell form, String label) {
        for (Widget w : Ui.find(form, x -> x instanceof org.eclipse.swt.widgets.Label l
                && WorkbenchDriver.plain(l.getText()).equals(label))) {
            org.eclipse.swt.widgets.Control[] siblings = ((org.eclipse.swt.widgets.Label) w).getParent().getChildren();
            for (int i = 0; i + 1 < siblings.length; i++) {
                if (siblings[i] == w && siblings[i + 1] instanceof Text t) {
                    return t;
                }
            }
        }
        return null;
    }

    private void backUpToTheSftpTargetAndSeeItSucceedInJobHistory() throws Exception {
        Path source = Files.createDirectories(data.resolve("source"));
        byte[] bytes = new byte[200_000];
        new Random(6).nextBytes(bytes);
        Files.write(source.resolve("ledger.bin"), bytes);
        Path password = Files.writeString(data.resolve("password"), "correct horse battery staple\n");

        WorkbenchDriver.showPerspective(WorkbenchDriver.MONITOR);
        WorkbenchDriver.activateView(JOBS);
        Ui.click(WorkbenchDriver.viewTool(JOBS, "new"));
        Shell form = Ui.dialog("job");
        type(form, "name", JOB);
        type(form, "kind", "backup");
        type(form, "sources", source.toString());
        type(form, "repository", "target:offsite");
        type(form, "password-file", password.toString());
        Ui.run(() -> ((Button) field(form, "init")).setSelection(true));
        WorkbenchDriver.press(form, "Save");
        Catalog catalog = Osgi.service(Catalog.class);
        Ui.waitUntil("the job in the catalog", () -> catalog.jobByName(JOB).isPresent());

        Shell shell = WorkbenchDriver.shell();
        Composite jobs = Ui.call(() -> WorkbenchDriver.view(shell, JOBS).orElseThrow());
        Ui.waitUntil("the job in the Jobs view", () -> firstTable(jobs).map(t -> rows(t, 0).contains(JOB)).orElse(false));
        Ui.run(() -> selectRowNow(firstTable(jobs).orElseThrow(), 0, JOB));
        Ui.click(WorkbenchDriver.viewTool(JOBS, "run"));

        WorkbenchDriver.activateView(HISTORY);
        Composite history = Ui.call(() -> WorkbenchDriver.view(shell, HISTORY).orElseThrow());
        Ui.waitUntil("a row of the job in Job History that is not running any more", () -> firstTable(history)
                .map(t -> rowsOf(t).stream().anyMatch(r -> r.get(0).equals(JOB) && !r.get(5).startsWith("Running"))).orElse(false));
        List<String> row = Ui.call(() -> rowsOf(firstTable(history).orElseThrow()).stream().filter(r -> r.get(0).equals(JOB))
                .findFirst().orElseThrow());
        Ui.screenshot(shell, "job-history-sftp-backup");
        String error = Ui.call(() -> {
            for (TableItem item : firstTable(history).orElseThrow().getItems()) {
                if (item.getData() instanceof Run r && r.jobName().equals(JOB)) {
                    return r.error();
                }
            }
            return "(no run in the table)";
        });
        assertEquals("Succeeded", row.get(5), "the backup to target:offsite: " + row + ": " + error);
        assertEquals("target:offsite", row.get(2), row.toString());
    }

    /** File > Install Plugin..., the repository typed in, List Plugins; waits for its plugins. */
    private static Shell openInstallPluginAndList(Path repo) {
        Ui.click(WorkbenchDriver.menuItem("File", "Install Plugin..."));
        Shell dialog = Ui.dialog("installPlugin");
        Ui.run(() -> ((Combo) action(dialog, "repository")).setText(repo.toString()));
        Ui.click(action(dialog, "load"));
        Ui.waitUntil("the repository's plugins in the dialog", () -> rows(table(dialog), 0).containsAll(List.of(SFTP_NAME, SAMPLE_NAME)));
        return dialog;
    }

    private static Widget action(Shell dialog, String name) {
        return Ui.call(() -> Ui.find(dialog, Ui.data("backbench.action", name)).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + dialog.getText())));
    }

    private static Table table(Shell dialog) {
        return (Table) action(dialog, "available");
    }

    /** Presses a dialog button without waiting for the dialog to close (it stays open when the install is refused). */
    private static void clickButton(Shell dialog, String text) {
        Button b = Ui.call(() -> Ui.find(dialog, w -> w instanceof Button x && WorkbenchDriver.plain(x.getText()).equals(text))
                .stream().map(Button.class::cast).findFirst().orElseThrow(() -> new AssertionError("no button " + text)));
        Ui.waitUntil(text + " to be enabled", b::getEnabled);
        Ui.click(b);
    }

    private static void selectRow(Table table, int column, String text) {
        Ui.waitUntil("row " + text, () -> rows(table, column).contains(text));
        Ui.run(() -> selectRowNow(table, column, text));
    }

    /** Selects the row as a click does (UI thread). */
    private static void selectRowNow(Table table, int column, String text) {
        for (TableItem item : table.getItems()) {
            if (item.getText(column).equals(text)) {
                table.setSelection(item);
                Event e = new Event();
                e.item = item;
                table.notifyListeners(SWT.Selection, e);
                return;
            }
        }
        throw new AssertionError("no row " + text);
    }

    /** The texts of one column. UI thread only. */
    private static List<String> rows(Table table, int column) {
        List<String> texts = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            texts.add(item.getText(column));
        }
        return texts;
    }

    private static List<List<String>> rowsOf(Table t) {
        List<List<String>> rows = new ArrayList<>();
        for (TableItem item : t.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < t.getColumnCount(); i++) {
                cells.add(item.getText(i));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static java.util.Optional<Table> firstTable(Composite view) {
        return Ui.find(view, w -> w instanceof Table).stream().map(Table.class::cast).findFirst();
    }

    private static List<String> tableTexts(Composite view) {
        List<String> texts = new ArrayList<>();
        for (Widget w : Ui.find(view, x -> x instanceof Table)) {
            for (List<String> r : rowsOf((Table) w)) {
                texts.addAll(r);
            }
        }
        return texts;
    }

    /** A form field of a dialog, by its {@code backbench.field} name. UI thread only. */
    private static Widget field(Shell dialog, String name) {
        return Ui.find(dialog, w -> name.equals(w.getData("backbench.field"))).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name + " in " + dialog.getText()));
    }

    private static void type(Shell dialog, String name, String value) {
        Ui.run(() -> {
            Widget w = field(dialog, name);
            if (w instanceof Text t) {
                t.setText(value);
            } else if (w instanceof Combo c) {
                c.setText(value);
                c.select(c.indexOf(value));
            } else {
                throw new AssertionError("field " + name + " is a " + w.getClass().getSimpleName());
            }
        });
    }
}
