package io.backbench.ui.itests;

import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;
import io.backbench.ui.testing.Osgi;

import static io.backbench.ui.testing.WorkbenchDriver.MONITOR;
import static io.backbench.ui.testing.WorkbenchDriver.PLUGINS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.backbench.core.api.PluginManager;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** Installs and removes plugins the way an administrator does: with the Plugins view's buttons. */
class PluginsViewIT {

    private static final String SAMPLE_BSN = "io.backbench.sample.view";
    private static final String SAMPLE_VIEW = "io.backbench.sample.view.report";

    @TempDir
    Path temp;

    @BeforeEach
    void allowUnsignedPlugins() throws Exception {
        // the sample view and the jars made here are not signed; the secure default is tested below
        allowUntrusted(true);
    }

    @AfterEach
    void leaveNoDialogOrSamplePluginBehindAndRestoreTheSecureDefault() throws Exception {
        WorkbenchDriver.closeDialogs();
        if (Osgi.bundle(SAMPLE_BSN).isPresent()) {
            Osgi.service(PluginManager.class).uninstall(SAMPLE_BSN);
        }
        allowUntrusted(false);
    }

    /** The "Allow unsigned or untrusted plugins" preference, set as a .cfg file FileInstall applies. */
    static void allowUntrusted(boolean allow) throws Exception {
        PluginManager plugins = Osgi.service(PluginManager.class);
        Path cfg = Files.createDirectories(plugins.pluginFolder()).resolve(PluginManager.PREFERENCES_PID + ".cfg");
        if (allow) {
            Files.writeString(cfg, "allowUntrusted=true\n");
        } else {
            Files.deleteIfExists(cfg);
        }
        Ui.waitUntil("allowUntrusted=" + allow, () -> plugins.allowsUntrusted() == allow);
    }

    /**
     * Install Plugin... in the Plugins view's tool bar, From a jar file with {@code jar} as the file
     * dialog's answer (the only step not driven for real), Install. Returns the Install Plugin dialog.
     */
    static Shell installThroughThePluginsView(Path jar) {
        WorkbenchDriver.showPerspective(MONITOR);
        WorkbenchDriver.activateView(PLUGINS);
        ToolItem install = WorkbenchDriver.viewTool(PLUGINS, "install");
        Ui.waitUntil("Install Plugin... to be enabled", install::getEnabled);
        Ui.click(install);
        Shell dialog = Ui.dialog("installPlugin");
        Button browse = (Button) Ui.call(() -> Ui.find(dialog, Ui.data("backbench.action", "browse")).get(0));
        Ui.run(() -> browse.setData("backbench.fileDialog.answer", jar.toString()));
        Ui.click(browse);
        Ui.waitUntil("the jar source to be chosen", () -> ((Button) Ui.find(dialog, Ui.data("backbench.action", "source.jar"))
                .get(0)).getSelection());
        Button ok = Ui.call(() -> Ui.find(dialog, w -> w instanceof Button b && WorkbenchDriver.plain(b.getText()).equals("Install"))
                .stream().map(Button.class::cast).findFirst().orElseThrow());
        Ui.waitUntil("Install to be enabled", ok::getEnabled);
        Ui.click(ok);
        return dialog;
    }

    @Test
    void trustedPublishersAreAddedFromACertificateFileAndRemovedAfterAsking() throws Exception {
        PluginManager plugins = Osgi.service(PluginManager.class);
        int before = plugins.trustedPublishers().size();
        Path pem = certificate("CN=Acme Storage Plugins, O=Acme");

        WorkbenchDriver.showPerspective(MONITOR);
        WorkbenchDriver.activateView(PLUGINS);
        Ui.click(WorkbenchDriver.viewTool(PLUGINS, "publishers"));
        Shell dialog = Ui.dialog("trustedPublishers");
        Button add = (Button) Ui.call(() -> Ui.find(dialog, Ui.data("backbench.action", "add")).get(0));
        Ui.run(() -> add.setData("backbench.fileDialog.answer", pem.toString()));
        Ui.click(add);
        Ui.waitUntil("the certificate's row", () -> rows(dialog).stream().anyMatch(r -> r.contains("CN=Acme Storage Plugins")));
        assertEquals(before + 1, plugins.trustedPublishers().size(), "it is in the trust store");
        Ui.screenshot(dialog, "trusted-publishers");

        Table table = (Table) Ui.call(() -> Ui.find(dialog, Ui.data("backbench.action", "publishers")).get(0));
        Ui.run(() -> {
            for (TableItem item : table.getItems()) {
                if (item.getText(0).contains("CN=Acme Storage Plugins")) {
                    table.setSelection(item);
                    Event e = new Event();
                    e.item = item;
                    table.notifyListeners(SWT.Selection, e);
                }
            }
        });
        Button remove = (Button) Ui.call(() -> Ui.find(dialog, Ui.data("backbench.action", "remove")).get(0));
        Ui.waitUntil("Remove to be enabled for the selected publisher", remove::getEnabled);
        Ui.click(remove);
        Shell confirm = Ui.dialog("confirm");
        String question = Ui.call(() -> WorkbenchDriver.labels(confirm));
        assertTrue(question.contains("CN=Acme Storage Plugins"), question);
        WorkbenchDriver.press(confirm, "Remove");
        Ui.waitUntil("the row to go", () -> rows(dialog).stream().noneMatch(r -> r.contains("CN=Acme Storage Plugins")));
        assertEquals(before, plugins.trustedPublishers().size(), "it left the trust store");
        WorkbenchDriver.press(dialog, "Close");
    }

    /** The first column of the dialog's table, row by row. */
    private static List<String> rows(Shell dialog) {
        return Ui.call(() -> {
            Table table = (Table) Ui.find(dialog, Ui.data("backbench.action", "publishers")).get(0);
            List<String> out = new ArrayList<>();
            for (TableItem item : table.getItems()) {
                out.add(item.getText(0));
            }
            return out;
        });
    }

    /** A self-signed certificate made by the JDK's keytool, as a PEM file. */
    private Path certificate(String dname) throws Exception {
        Path ks = temp.resolve("publisher.p12");
        Path pem = temp.resolve("publisher.pem");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        for (List<String> cmd : List.of(
                List.of(keytool.toString(), "-genkeypair", "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass",
                        "secret", "-alias", "publisher", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
                        "-validity", "2"),
                List.of(keytool.toString(), "-exportcert", "-rfc", "-keystore", ks.toString(), "-storepass", "secret",
                        "-alias", "publisher", "-file", pem.toString()))) {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        }
        return pem;
    }

    @Test
    void sampleViewInstalledThroughThePluginsViewAppearsAndGoesAgainOnUninstallWithoutARestart() {
        Path jar = Path.of(Osgi.property("backbench.uitests.samplePlugin"));
        assertTrue(Files.isRegularFile(jar), "the sample plugin was not built: " + jar);
        Shell shell = WorkbenchDriver.shell();
        assertTrue(Osgi.bundle(SAMPLE_BSN).isEmpty(), "the sample view must not be part of the product");

        Shell dialog = installThroughThePluginsView(jar);
        Ui.waitUntil("the Install Plugin dialog to close after the install", dialog::isDisposed);
        Ui.waitUntil("the Sample Report view in the Monitor perspective",
                () -> WorkbenchDriver.viewIds(shell).contains(SAMPLE_VIEW));
        Bundle sample = Osgi.bundle(SAMPLE_BSN).orElseThrow();
        assertEquals(Bundle.ACTIVE, sample.getState());
        Ui.waitUntil("the plugin's row to say what it contributes", () -> WorkbenchDriver.column(shell, PLUGINS, 5)
                .contains("view: Sample Report"));
        WorkbenchDriver.activateView(SAMPLE_VIEW);
        Ui.screenshot(shell, "workbench-plugin-installed");

        WorkbenchDriver.selectRow(PLUGINS, sample.getHeaders().get("Bundle-Name"));
        ToolItem uninstall = WorkbenchDriver.viewTool(PLUGINS, "uninstall");
        Ui.waitUntil("Uninstall to be enabled for the selected plugin", uninstall::getEnabled);
        Ui.click(uninstall);
        Shell confirm = Ui.dialog("confirm");
        String question = Ui.call(() -> WorkbenchDriver.labels(confirm));
        assertTrue(question.contains(sample.getHeaders().get("Bundle-Name")), question);
        WorkbenchDriver.press(confirm, "Uninstall");
        Ui.waitUntil("the Sample Report view to go", () -> !WorkbenchDriver.viewIds(shell).contains(SAMPLE_VIEW));
        assertTrue(Osgi.bundle(SAMPLE_BSN).isEmpty(), "the sample bundle is still installed");
        assertFalse(Files.exists(Osgi.service(PluginManager.class).pluginFolder().resolve(jar.getFileName())),
                "the jar is still in the plugins folder");
    }

    @Test
    void installingAFileThatIsNotABundleSaysSoAndChangesNothing() throws Exception {
        Path notAJar = temp.resolve("quarterly-report.jar");
        Files.writeString(notAJar, "this is a spreadsheet export, not a plugin");
        int bundles = Osgi.bundleCount();

        installThroughThePluginsView(notAJar);
        Shell error = Ui.dialog("error");
        String text = Ui.call(() -> WorkbenchDriver.labels(error));
        assertTrue(text.contains("quarterly-report.jar"), text);
        assertTrue(text.contains("not an OSGi bundle"), text);
        assertTrue(text.contains("Nothing was changed"), text);
        Ui.screenshot(error, "plugin-install-error");
        WorkbenchDriver.press(error, "Close");

        assertEquals(bundles, Osgi.bundleCount(), "a bundle was installed after all");
        assertFalse(Files.exists(Osgi.service(PluginManager.class).pluginFolder().resolve("quarterly-report.jar")));
    }

    @Test
    void installingABundleWithAMissingRequirementNamesTheRequirement() throws Exception {
        Path jar = temp.resolve("needs-missing.jar");
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "com.example.needs.missing");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", "com.example.nowhere.to.be.found;version=\"[2,3)\"");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, mf)) {
            jos.flush();
        }
        int bundles = Osgi.bundleCount();

        installThroughThePluginsView(jar);
        Shell error = Ui.dialog("error");
        String text = Ui.call(() -> WorkbenchDriver.labels(error));
        assertTrue(text.contains("com.example.nowhere.to.be.found"), text);
        assertTrue(text.contains("Nothing was changed"), text);
        WorkbenchDriver.press(error, "Close");
        assertEquals(bundles, Osgi.bundleCount());
        assertTrue(Osgi.bundle("com.example.needs.missing").isEmpty());
    }

    @Test
    void anUnsignedPluginIsRefusedWhileThePreferenceForbidsItSayingHowToAllowIt() throws Exception {
        allowUntrusted(false);
        Path jar = Path.of(Osgi.property("backbench.uitests.samplePlugin"));
        int bundles = Osgi.bundleCount();

        Shell dialog = installThroughThePluginsView(jar);
        Shell error = Ui.dialog("error");
        String text = Ui.call(() -> WorkbenchDriver.labels(error));
        assertTrue(text.contains("it is not signed"), text);
        assertTrue(text.contains("Allow unsigned or untrusted plugins"), text);
        Ui.screenshot(error, "plugin-unsigned-refused");
        WorkbenchDriver.press(error, "Close");
        assertFalse(Ui.call(dialog::isDisposed), "the Install Plugin dialog stays open to try again");
        WorkbenchDriver.press(dialog, "Cancel");

        assertEquals(bundles, Osgi.bundleCount(), "a bundle was installed after all");
        assertTrue(Osgi.bundle(SAMPLE_BSN).isEmpty());
    }

    @Test
    void fileMenuHasInstallPluginOpeningTheSameDialog() {
        MenuItem item = WorkbenchDriver.menuItem("File", "Install Plugin...");
        Ui.click(item);
        Shell dialog = Ui.dialog("installPlugin");
        assertEquals("Install Plugin", Ui.call(dialog::getText));
        WorkbenchDriver.press(dialog, "Cancel");
    }
}
