package io.backbench.target.sftp.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.TargetSettings;
import io.backbench.target.sftp.internal.TestSftpServer;

/**
 * The settings page in a real SWT shell (under Xvfb in CI; without a display these tests fail):
 * defaults, the password/key choice, what is saved, the problems it reports, and "Fetch host key"
 * against a real SFTP server with the confirmation dialog answered by clicking its buttons.
 */
class SftpSettingsPageTest {
    private static final String FINGERPRINT = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";
    @TempDir
    Path dir;
    private static Display display;
    private Shell shell;
    private final AtomicInteger changes = new AtomicInteger();

    @BeforeAll
    static void openDisplay() {
        display = new Display(); // fails without a display (run under xvfb-run): never skipped
    }

    @AfterAll
    static void closeDisplay() {
        display.dispose();
    }

    @BeforeEach
    void openShell() {
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
    }

    @AfterEach
    void closeShell() {
        shell.dispose();
    }

    private SftpEditor editor(Map<String, String> initial) {
        SftpEditor e = (SftpEditor) new SftpSettingsPage().createEditor(shell, TargetSettings.of(initial), changes::incrementAndGet);
        shell.pack();
        shell.open();
        return e;
    }

    private static void choose(Button radio, Button other) {
        radio.setSelection(true);
        other.setSelection(false);
        radio.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    void aNewTargetStartsWithTheDefaultsAndSaysWhatIsMissingFirst() {
        SftpEditor e = editor(Map.of());
        assertEquals("22", e.port.getText());
        assertEquals("4", e.connections.getText());
        assertEquals("15", e.timeout.getText());
        assertTrue(e.usePassword.getSelection());
        assertFalse(e.keyFile.getEnabled() || e.passphrase.getEnabled() || e.browse.getEnabled());
        assertEquals(Optional.of("Enter the server's host name or address."), e.problem());
        e.host.setText("nas.example.org");
        e.user.setText("backup");
        e.folder.setText("/srv/repo");
        assertTrue(e.problem().orElseThrow().contains("password"), e.problem().toString());
        e.password.setText("pw");
        assertTrue(e.problem().orElseThrow().contains("Fetch the server's host key"), e.problem().toString());
        e.hostKey.setText(FINGERPRINT);
        assertEquals(Optional.empty(), e.problem());
        assertTrue(changes.get() > 0, "every edit must tell the dialog");
    }

    @Test
    void theLoginChoiceSavesOnlyTheChosenSecrets() {
        SftpEditor e = editor(Map.of());
        e.host.setText("nas.example.org");
        e.user.setText("backup");
        e.folder.setText("repo");
        e.password.setText("a password");
        e.hostKey.setText(FINGERPRINT);
        Map<String, String> byPassword = e.settings().asMap();
        assertEquals("a password", byPassword.get("password"));
        assertFalse(byPassword.containsKey("key_file"));

        choose(e.useKey, e.usePassword);
        assertTrue(e.keyFile.getEnabled() && e.passphrase.getEnabled() && !e.password.getEnabled());
        assertTrue(e.problem().orElseThrow().contains("private key file"), e.problem().toString());
        e.keyFile.setText("/etc/backbench/id_ecdsa");
        e.passphrase.setText("phrase");
        Map<String, String> byKey = e.settings().asMap();
        assertEquals("/etc/backbench/id_ecdsa", byKey.get("key_file"));
        assertEquals("phrase", byKey.get("passphrase"));
        assertFalse(byKey.containsKey("password"), "the password of the other choice must not be saved");
        assertEquals(Optional.empty(), e.problem());
    }

    @Test
    void editingATargetShowsItsValuesAndKeepsSettingsThePageDoesNotShow() {
        Map<String, String> initial = new LinkedHashMap<>();
        initial.put("host", "nas.example.org");
        initial.put("port", "2222");
        initial.put("user", "backup");
        initial.put("path", "/srv/repo");
        initial.put("key_file", "/etc/backbench/id_rsa");
        initial.put("host_key", FINGERPRINT);
        initial.put("create", "false");
        SftpEditor e = editor(initial);
        assertTrue(e.useKey.getSelection());
        assertEquals("2222", e.port.getText());
        Map<String, String> saved = e.settings().asMap();
        assertEquals("false", saved.get("create"));
        assertEquals("/etc/backbench/id_rsa", saved.get("key_file"));
        assertEquals(Optional.empty(), e.problem());
    }

    @Test
    void badValuesAreExplainedNamingTheSetting() {
        SftpEditor e = editor(Map.of("host", "h", "user", "u", "path", "/p", "password", "x", "host_key", FINGERPRINT));
        e.port.setText("ssh");
        assertTrue(e.problem().orElseThrow().contains("'port'"), e.problem().toString());
        e.port.setText("22");
        e.hostKey.setText("MD5:aa:bb");
        assertTrue(e.problem().orElseThrow().contains("SHA256"), e.problem().toString());
    }

    @Test
    void fetchHostKeyShowsTheServersKeyAndFillsItInWhenTrusted() throws Exception {
        try (TestSftpServer server = new TestSftpServer(dir)) {
            SftpEditor e = editor(Map.of("host", "127.0.0.1", "port", String.valueOf(server.port())));
            List<String> shown = answerNextDialog("&Yes");
            e.fetch.notifyListeners(SWT.Selection, new Event());
            spinUntil(() -> !e.hostKey.getText().isEmpty(), "the fingerprint was never filled in");
            assertEquals(server.fingerprint(), e.hostKey.getText());
            assertTrue(String.join(" ", shown).contains(server.fingerprint()), "the dialog must show the key: " + shown);
            assertTrue(e.fetch.getEnabled());
        }
    }

    @Test
    void aKeyTheAdministratorDoesNotTrustIsNotFilledIn() throws Exception {
        try (TestSftpServer server = new TestSftpServer(dir)) {
            SftpEditor e = editor(Map.of("host", "127.0.0.1", "port", String.valueOf(server.port())));
            List<String> shown = answerNextDialog("&No");
            e.fetch.notifyListeners(SWT.Selection, new Event());
            spinUntil(() -> !shown.isEmpty() && e.fetch.getEnabled(), "the dialog never came");
            assertEquals("", e.hostKey.getText());
        }
    }

    /** Watches for the next dialog; records its texts and presses the button labelled {@code answer}. */
    private List<String> answerNextDialog(String answer) {
        List<String> texts = new ArrayList<>();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            for (Shell s : display.getShells()) {
                if (s != shell && s.isVisible()) {
                    collect(s, texts);
                    press(s, answer);
                    return;
                }
            }
            display.timerExec(100, poll[0]);
        };
        display.timerExec(100, poll[0]);
        return texts;
    }

    private static void collect(Composite c, List<String> texts) {
        for (Control child : c.getChildren()) {
            if (child instanceof Label l) {
                texts.add(l.getText());
            } else if (child instanceof Text t) {
                texts.add(t.getText());
            } else if (child instanceof Composite inner) {
                collect(inner, texts);
            }
        }
    }

    private static boolean press(Composite c, String label) {
        for (Control child : c.getChildren()) {
            if (child instanceof Button b && label.equals(b.getText())) {
                b.notifyListeners(SWT.Selection, new Event());
                return true;
            }
            if (child instanceof Composite inner && press(inner, label)) {
                return true;
            }
        }
        return false;
    }

    private void spinUntil(java.util.function.BooleanSupplier done, String failure) {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail(failure);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(50, () -> { });
                display.sleep();
            }
        }
    }
}
