package io.backbench.ui.workbench.internal.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.backbench.core.api.PluginException;
import io.backbench.core.api.PluginManager;
import io.backbench.core.api.TrustedPublisher;
import io.backbench.ui.workbench.internal.Dialogs;
import io.backbench.ui.workbench.internal.Keys;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * "Trusted Publishers...": the plugin trust store, as {@code backbench plugins trust list|add|remove}
 * manages it. It lists each certificate with its subject, issuer, end of validity and fingerprint. It
 * adds the certificates of a PEM or DER file and removes the selected one, after asking. Every change
 * goes to the trust store at once; a plugin already running keeps running. UI thread only (the trust
 * store is a small local file).
 */
public final class TrustedPublishersDialog extends Dialog {
    /** The {@link Keys#DIALOG} name of its shell. */
    public static final String NAME = "trustedPublishers";

    private final PluginManager plugins;
    private TableViewer table;
    private Button add;
    private Button remove;
    private Label status;

    public TrustedPublishersDialog(Shell parent, PluginManager plugins) {
        super(parent);
        this.plugins = plugins;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Trusted Publishers");
        shell.setData(Keys.DIALOG, NAME);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));

        Label hint = new Label(area, SWT.WRAP);
        hint.setText("Plugins signed by these publishers (or by a certificate one of them issued) are installed and "
                + "started; a signature counts while its certificate is valid, or was when a timestamp says the jar "
                + "was signed. A plugin runs with all the rights of Backbench: add only publishers you trust.");
        GridData hintData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        hintData.widthHint = 980;
        hint.setLayoutData(hintData);

        table = Tables.create(area);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 1, 2);
        tableData.heightHint = 200;
        tableData.widthHint = 980;
        table.getTable().setLayoutData(tableData);
        table.getTable().setData(Keys.ACTION, "publishers");
        Tables.<TrustedPublisher>column(table, "Subject", 300, TrustedPublisher::subject);
        Tables.<TrustedPublisher>column(table, "Valid until", 170, TrustedPublisher::notAfter);
        Tables.<TrustedPublisher>column(table, "Issuer", 300, TrustedPublisher::issuer);
        Tables.<TrustedPublisher>column(table, "Alias", 140, TrustedPublisher::alias);
        Tables.<TrustedPublisher>column(table, "SHA-256 fingerprint", 420, TrustedPublisher::sha256);
        table.addSelectionChangedListener(e -> updateButtons());

        add = button(area, "Add Certificate...", "add");
        add.setToolTipText("Trust the publisher whose certificate (PEM or DER, e.g. from keytool -exportcert -rfc) you choose");
        add.addListener(SWT.Selection, e -> chooseCertificate().ifPresent(this::addCertificate));
        remove = button(area, "Remove", "remove");
        remove.setToolTipText("Stop trusting the selected publisher");
        remove.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, true));
        remove.addListener(SWT.Selection, e -> selected().ifPresent(this::removePublisher));

        status = new Label(area, SWT.WRAP);
        status.setData(Keys.ACTION, "status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        refresh();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    private static Button button(Composite parent, String text, String action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setData(Keys.ACTION, action);
        b.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        return b;
    }

    private Optional<TrustedPublisher> selected() {
        return Optional.ofNullable((TrustedPublisher) ((IStructuredSelection) table.getSelection()).getFirstElement());
    }

    private void updateButtons() {
        remove.setEnabled(selected().isPresent());
    }

    private void refresh() {
        try {
            List<TrustedPublisher> list = plugins.trustedPublishers();
            table.setInput(list);
            if (list.isEmpty()) {
                status.setText("No publisher is trusted yet: only plugins allowed by Preferences > Plugins can be installed.");
            }
        } catch (PluginException e) {
            table.setInput(List.of());
            status.setText(e.getMessage());
        }
        updateButtons();
    }

    /** Asks for a certificate file (a test may set the answer on Add Certificate..., see {@link FileChoice}). */
    private Optional<Path> chooseCertificate() {
        return FileChoice.open(add, getShell(), "Trust a publisher's certificate", "*.pem;*.crt;*.cer;*.der",
                "Certificates (*.pem, *.crt, *.cer, *.der)", "*", "All files");
    }

    private void addCertificate(Path file) {
        try {
            List<TrustedPublisher> added = plugins.trust(file);
            refresh();
            status.setText("Trusted " + String.join(", ", added.stream().map(TrustedPublisher::subject).toList()) + ".");
        } catch (PluginException e) {
            status.setText("Nothing was added.");
            Dialogs.error(getShell(), "Certificate not added", "Backbench could not add " + file + " to the plugin trust store.\n\n"
                    + e.getMessage());
        }
    }

    private void removePublisher(TrustedPublisher p) {
        if (!Dialogs.confirm(getShell(), "Remove trusted publisher", "Stop trusting " + p.subject() + "?\n\nPlugins signed "
                + "only by it are refused from now on (one already running keeps running until the next start).", "Remove")) {
            return;
        }
        try {
            plugins.distrust(p.alias());
            refresh();
            status.setText("No longer trusted: " + p.subject() + ".");
        } catch (PluginException e) {
            Dialogs.error(getShell(), "Publisher not removed", e.getMessage());
        }
    }
}
