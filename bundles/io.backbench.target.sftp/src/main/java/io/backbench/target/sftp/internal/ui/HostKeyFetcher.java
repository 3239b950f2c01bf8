package io.backbench.target.sftp.internal.ui;

import java.time.Duration;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;

import io.backbench.target.sftp.internal.HostKeyProbe;
import io.backbench.target.sftp.internal.SftpSettings;

/**
 * "Fetch host key": asks the server for its key on a background thread (never the UI thread),
 * then, back on the UI thread, shows the fingerprint and fills it in only if the administrator says
 * it is the right one.
 */
final class HostKeyFetcher {
    private final SftpEditor editor;
    private final Display display;

    // Called on the UI thread.
    HostKeyFetcher(SftpEditor editor) {
        this.editor = editor;
        this.display = editor.host.getDisplay();
    }

    // Called on the UI thread.
    void start() {
        String host = editor.host.getText().strip();
        if (host.isEmpty()) {
            MessageDialog.openInformation(editor.host.getShell(), "Fetch host key", "Enter the server's host first.");
            return;
        }
        int port;
        int seconds;
        try {
            port = Integer.parseInt(editor.port.getText().strip());
            seconds = editor.timeout.getText().isBlank() ? SftpSettings.DEFAULT_CONNECT_TIMEOUT
                    : Integer.parseInt(editor.timeout.getText().strip());
        } catch (NumberFormatException e) {
            MessageDialog.openError(editor.host.getShell(), "Fetch host key", "The port and the connect timeout must be"
                    + " whole numbers.");
            return;
        }
        editor.fetch.setEnabled(false);
        Thread probe = new Thread(() -> fetch(host, port, Duration.ofSeconds(Math.max(1, seconds))), "sftp host key probe");
        probe.setDaemon(true);
        probe.start();
    }

    // Runs on the probe thread.
    private void fetch(String host, int port, Duration timeout) {
        try {
            HostKeyProbe.PresentedKey key = HostKeyProbe.fetch(host, port, timeout);
            ui(() -> confirm(host + ":" + port, key));
        } catch (Exception e) {
            ui(() -> MessageDialog.openError(editor.host.getShell(), "Fetch host key", "Cannot get the host key of "
                    + host + ":" + port + ": " + e.getMessage()));
        }
    }

    // Called on the UI thread.
    private void confirm(String server, HostKeyProbe.PresentedKey key) {
        boolean trust = MessageDialog.openQuestion(editor.host.getShell(), "Host key of " + server,
                "The server at " + server + " presents this host key:\n\n    " + key.fingerprint() + "  (" + key.type()
                        + ")\n\nCompare it with the fingerprint the server's administrator reads on the server"
                        + " (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub). Trust this key?");
        if (trust) {
            editor.hostKey.setText(key.fingerprint());
        }
    }

    private void ui(Runnable r) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!editor.fetch.isDisposed()) {
                    editor.fetch.setEnabled(true);
                    r.run();
                }
            });
        }
    }
}
