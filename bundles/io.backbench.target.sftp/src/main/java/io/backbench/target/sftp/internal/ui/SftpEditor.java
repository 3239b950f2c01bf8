package io.backbench.target.sftp.internal.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.sftp.internal.SftpSettings;
import io.backbench.ui.api.TargetSettingsPage;

/**
 * The SFTP settings as a form in groups (server, login, trust, connection) that reads top to
 * bottom the way an administrator fills it in. The login is a choice between password and private
 * key; only the chosen one's fields are enabled and saved. Every method runs on the UI thread.
 */
final class SftpEditor implements TargetSettingsPage.Editor {
    final Text host;
    final Text port;
    final Text user;
    final Text folder;
    final Button usePassword;
    final Button useKey;
    final Text password;
    final Text keyFile;
    final Button browse;
    final Text passphrase;
    final Text hostKey;
    final Button fetch;
    final Text timeout;
    final Text connections;
    private final Map<String, String> others = new LinkedHashMap<>();
    private final Runnable changed;

    SftpEditor(Composite parent, TargetSettings initial, Runnable changed) {
        this.changed = changed;
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));

        Group server = group(page, "Server");
        host = text(server, "&Host:", SWT.NONE, "backup.example.org", 2);
        port = text(server, "&Port:", SWT.NONE, "22", 2);
        user = text(server, "&User:", SWT.NONE, "backup", 2);
        folder = text(server, "&Folder:", SWT.NONE, "/srv/backup/repo, or relative to the user's home", 2);

        Group login = group(page, "Log in with");
        usePassword = radio(login, "Pass&word");
        password = text(login, "Password:", SWT.PASSWORD, "", 2);
        useKey = radio(login, "Private &key file");
        keyFile = text(login, "Key file:", SWT.NONE, "/etc/backbench/id_ecdsa", 1);
        browse = new Button(login, SWT.PUSH);
        browse.setText("&Browse...");
        browse.addListener(SWT.Selection, e -> chooseKeyFile());
        passphrase = text(login, "Passphrase:", SWT.PASSWORD, "only if the key has one", 2);

        Group trust = group(page, "Trust");
        hostKey = text(trust, "Host &key:", SWT.NONE, "SHA256:... as ssh-keygen -lf prints it", 1);
        fetch = new Button(trust, SWT.PUSH);
        fetch.setText("F&etch host key");
        fetch.addListener(SWT.Selection, e -> new HostKeyFetcher(this).start());
        Label why = new Label(trust, SWT.WRAP);
        why.setText("Only a server with exactly this key is trusted. Compare a fetched key with the fingerprint the"
                + " server's administrator reads on the server (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub).");
        GridData whyData = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        whyData.widthHint = 420;
        why.setLayoutData(whyData);

        Group connection = group(page, "Connection");
        timeout = text(connection, "Connect &timeout (s):", SWT.NONE, "", 2);
        connections = text(connection, "Parallel &connections:", SWT.NONE, "", 2);

        fill(initial);
        usePassword.addListener(SWT.Selection, e -> loginChanged());
        useKey.addListener(SWT.Selection, e -> loginChanged());
        for (Text t : new Text[] {host, port, user, folder, password, keyFile, passphrase, hostKey, timeout, connections}) {
            t.addListener(SWT.Modify, e -> changed.run());
        }
    }

    private void fill(TargetSettings initial) {
        others.putAll(initial.asMap());
        host.setText(take(SftpSettings.HOST, ""));
        port.setText(take(SftpSettings.PORT, String.valueOf(SftpSettings.DEFAULT_PORT)));
        user.setText(take(SftpSettings.USER, ""));
        folder.setText(take(SftpSettings.PATH, ""));
        password.setText(take(SftpSettings.PASSWORD, ""));
        keyFile.setText(take(SftpSettings.KEY_FILE, ""));
        passphrase.setText(take(SftpSettings.PASSPHRASE, ""));
        hostKey.setText(take(SftpSettings.HOST_KEY, ""));
        timeout.setText(take(SftpSettings.CONNECT_TIMEOUT, String.valueOf(SftpSettings.DEFAULT_CONNECT_TIMEOUT)));
        connections.setText(take(SftpSettings.CONNECTIONS, String.valueOf(SftpSettings.DEFAULT_CONNECTIONS)));
        boolean key = !keyFile.getText().isBlank() && password.getText().isBlank();
        usePassword.setSelection(!key);
        useKey.setSelection(key);
        enableLogin();
    }

    /** Takes a value out of the settings being edited; what is left over (e.g. create) is kept as it was. */
    private String take(String key, String defaultValue) {
        String v = others.remove(key);
        return v == null ? defaultValue : v;
    }

    private void loginChanged() {
        enableLogin();
        changed.run();
    }

    private void enableLogin() {
        boolean key = useKey.getSelection();
        password.setEnabled(!key);
        keyFile.setEnabled(key);
        browse.setEnabled(key);
        passphrase.setEnabled(key);
    }

    private void chooseKeyFile() {
        FileDialog dialog = new FileDialog(keyFile.getShell(), SWT.OPEN);
        dialog.setText("Private key file");
        String chosen = dialog.open();
        if (chosen != null) {
            keyFile.setText(chosen);
        }
    }

    @Override
    public TargetSettings settings() {
        Map<String, String> m = new LinkedHashMap<>(others);
        put(m, SftpSettings.HOST, host);
        put(m, SftpSettings.PORT, port);
        put(m, SftpSettings.USER, user);
        put(m, SftpSettings.PATH, folder);
        if (useKey.getSelection()) {
            put(m, SftpSettings.KEY_FILE, keyFile);
            put(m, SftpSettings.PASSPHRASE, passphrase);
        } else {
            put(m, SftpSettings.PASSWORD, password);
        }
        put(m, SftpSettings.HOST_KEY, hostKey);
        put(m, SftpSettings.CONNECT_TIMEOUT, timeout);
        put(m, SftpSettings.CONNECTIONS, connections);
        return TargetSettings.of(m);
    }

    @Override
    public Optional<String> problem() {
        if (host.getText().isBlank()) {
            return Optional.of("Enter the server's host name or address.");
        }
        if (user.getText().isBlank()) {
            return Optional.of("Enter the user to log in as.");
        }
        if (folder.getText().isBlank()) {
            return Optional.of("Enter the repository's folder on the server.");
        }
        if (usePassword.getSelection() && password.getText().isEmpty()) {
            return Optional.of("Enter the user's password, or choose to log in with a private key file.");
        }
        if (useKey.getSelection() && keyFile.getText().isBlank()) {
            return Optional.of("Choose the private key file, or choose to log in with a password.");
        }
        if (hostKey.getText().isBlank()) {
            return Optional.of("Fetch the server's host key (and compare it with the server's own), or paste its"
                    + " SHA256 fingerprint.");
        }
        try {
            SftpSettings.parse(settings());
            return Optional.empty();
        } catch (TargetException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void put(Map<String, String> m, String key, Text field) {
        String v = field.getText().strip();
        if (v.isEmpty()) {
            m.remove(key);
        } else {
            m.put(key, key.equals(SftpSettings.PASSWORD) || key.equals(SftpSettings.PASSPHRASE) ? field.getText() : v);
        }
    }

    private static Group group(Composite parent, String title) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        g.setLayout(new GridLayout(3, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return g;
    }

    private static Button radio(Composite parent, String text) {
        Button b = new Button(parent, SWT.RADIO);
        b.setText(text);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        return b;
    }

    /** A label and a text field spanning {@code span} columns (1 leaves a column for a button). */
    private static Text text(Composite parent, String label, int style, String hint, int span) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(label);
        Text t = new Text(parent, SWT.BORDER | style);
        t.setMessage(hint);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1);
        d.widthHint = 280;
        t.setLayoutData(d);
        return t;
    }
}
