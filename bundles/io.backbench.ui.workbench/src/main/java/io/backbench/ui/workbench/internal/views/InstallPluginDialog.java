package io.backbench.ui.workbench.internal.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.backbench.core.api.AvailablePlugin;
import io.backbench.core.api.PluginException;
import io.backbench.core.api.PluginManager;
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
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * "Install Plugin...": from a jar file, or from a plugin repository (a configured one or a URL or
 * folder typed in) whose plugins are listed with name, version, vendor, description and what they
 * provide. Listing runs on its own thread, installing as a job (Progress view); the dialog stays
 * open until the install succeeded, and a refusal is shown in an error dialog. UI thread only,
 * except where it says otherwise.
 */
public final class InstallPluginDialog extends Dialog {
    /** The {@link Keys#DIALOG} name of its shell. */
    public static final String NAME = "installPlugin";

    private final PluginManager plugins;
    private final PluginOperations operations;
    private Button fromJar;
    private Button fromRepository;
    private Text jarPath;
    private Button browse;
    private Combo repository;
    private Button load;
    private TableViewer table;
    private Label status;
    private boolean busy;
    private int loads;
    private String installed;

    public InstallPluginDialog(Shell parent, PluginManager plugins, PluginOperations operations) {
        super(parent);
        this.plugins = plugins;
        this.operations = operations;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** What the last successful install said ("Installed ... 1.0.0"), or null. */
    public String installed() {
        return installed;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Install Plugin");
        shell.setData(Keys.DIALOG, NAME);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(3, false));

        fromRepository = radio(area, "From a plugin repository:", "source.repository");
        repository = new Combo(area, SWT.DROP_DOWN | SWT.BORDER);
        repository.setData(Keys.ACTION, "repository");
        repository.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        repository.setToolTipText("A configured repository, or a folder or URL (file:, http:) of an OSGi repository index");
        List<String> configured = plugins.repositories();
        configured.forEach(repository::add);
        if (!configured.isEmpty()) {
            repository.select(0);
        }
        load = button(area, "List Plugins", "load");
        load.addListener(SWT.Selection, e -> loadRepository());
        repository.addListener(SWT.DefaultSelection, e -> loadRepository());
        repository.addListener(SWT.Selection, e -> loadRepository());

        table = Tables.create(area);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        tableData.heightHint = 220;
        tableData.widthHint = 820;
        table.getTable().setLayoutData(tableData);
        table.getTable().setData(Keys.ACTION, "available");
        Tables.<AvailablePlugin>column(table, "Name", 190, AvailablePlugin::name);
        Tables.<AvailablePlugin>column(table, "Version", 110, AvailablePlugin::version);
        Tables.<AvailablePlugin>column(table, "Vendor", 110, AvailablePlugin::vendor);
        Tables.<AvailablePlugin>column(table, "Description", 200, AvailablePlugin::description);
        Tables.<AvailablePlugin>column(table, "Provides", 150, p -> String.join(", ", p.provides()));
        Tables.<AvailablePlugin>column(table, "State", 110, AvailablePlugin::state);
        table.addSelectionChangedListener(e -> updateButtons());
        table.addDoubleClickListener(e -> okPressed());

        fromJar = radio(area, "From a jar file:", "source.jar");
        jarPath = new Text(area, SWT.BORDER);
        jarPath.setData(Keys.ACTION, "jar");
        jarPath.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        jarPath.addListener(SWT.Modify, e -> updateButtons());
        browse = button(area, "Browse...", "browse");
        browse.addListener(SWT.Selection, e -> chooseJar().ifPresent(p -> {
            jarPath.setText(p.toString());
            select(false);
        }));

        status = new Label(area, SWT.WRAP);
        status.setData(Keys.ACTION, "status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        status.setText(plugins.allowsUntrusted() ? "Unsigned and untrusted plugins are allowed (Preferences > Plugins)."
                : "Only plugins signed by a trusted publisher are installed.");

        fromRepository.addListener(SWT.Selection, e -> updateButtons());
        fromJar.addListener(SWT.Selection, e -> updateButtons());
        select(!configured.isEmpty());
        if (!configured.isEmpty()) {
            loadRepository();
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Install", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        updateButtons();
    }

    private Button radio(Composite parent, String text, String action) {
        Button b = new Button(parent, SWT.RADIO);
        b.setText(text);
        b.setData(Keys.ACTION, action);
        return b;
    }

    private static Button button(Composite parent, String text, String action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setData(Keys.ACTION, action);
        return b;
    }

    private void select(boolean repositorySource) {
        fromRepository.setSelection(repositorySource);
        fromJar.setSelection(!repositorySource);
        updateButtons();
    }

    /** Asks for a jar (a test may set the answer on Browse..., see {@link FileChoice}). */
    private Optional<Path> chooseJar() {
        return FileChoice.open(browse, getShell(), "Install plugin from a jar file", "*.jar", "Plugin bundles (*.jar)", "*",
                "All files");
    }

    /** Lists the repository's plugins on a thread of its own (a network or disk read). */
    private void loadRepository() {
        String location = repository.getText().trim();
        if (location.isEmpty()) {
            status.setText("Enter a folder or URL of a plugin repository, then List Plugins.");
            return;
        }
        select(true);
        int load = ++loads;
        status.setText("Reading " + location + "...");
        table.setInput(List.of());
        Thread t = new Thread(() -> {
            List<AvailablePlugin> list = null;
            String error = null;
            try {
                list = plugins.available(location);
            } catch (PluginException | RuntimeException e) {
                error = e.getMessage();
            }
            List<AvailablePlugin> found = list;
            String failure = error;
            asyncExec(() -> {
                if (load != loads) {
                    return; // another repository was asked for meanwhile
                }
                if (failure != null) {
                    status.setText("Could not list the plugins: " + failure);
                } else {
                    table.setInput(found);
                    status.setText(found.isEmpty() ? "The repository " + location + " offers no plugins."
                            : found.size() + " plugin" + (found.size() == 1 ? "" : "s") + " in " + location
                            + ". Select one and press Install (for an installed one: updates it to that version).");
                }
                updateButtons();
                getShell().layout(true, true);
            });
        }, "backbench-plugin-repository");
        t.setDaemon(true);
        t.start();
    }

    /** Not installed yet, or installed in an older version (then Install updates it). */
    private static boolean installable(AvailablePlugin p) {
        return p.state().equals(AvailablePlugin.AVAILABLE) || p.state().equals(AvailablePlugin.UPDATE_AVAILABLE);
    }

    private Optional<AvailablePlugin> selected() {
        return Optional.ofNullable((AvailablePlugin) ((IStructuredSelection) table.getSelection()).getFirstElement());
    }

    private void updateButtons() {
        if (jarPath == null || getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        boolean repo = fromRepository.getSelection();
        boolean ready = repo ? selected().map(InstallPluginDialog::installable).orElse(false)
                : !jarPath.getText().isBlank();
        getButton(IDialogConstants.OK_ID).setEnabled(!busy && ready);
        for (Control c : new Control[] {fromJar, fromRepository, jarPath, browse, repository, load, table.getTable()}) {
            c.setEnabled(!busy);
        }
    }

    /** Install: starts the job and keeps the dialog open until it ends. */
    @Override
    protected void okPressed() {
        if (busy) {
            return;
        }
        if (fromRepository.getSelection()) {
            Optional<AvailablePlugin> p = selected();
            if (p.isEmpty() || !installable(p.get())) {
                return;
            }
            String location = repository.getText().trim();
            AvailablePlugin plugin = p.get();
            begin((plugin.state().equals(AvailablePlugin.UPDATE_AVAILABLE) ? "Updating to " : "Installing ")
                    + plugin.name() + " " + plugin.version() + " from " + location + "...");
            operations.installFromRepository(location, plugin.symbolicName(), plugin.version(), outcome -> asyncExec(() ->
                    finish(outcome, "Backbench could not install " + plugin.name() + " " + plugin.version()
                            + " from " + location + ".")));
            return;
        }
        Path jar = Path.of(jarPath.getText().trim()).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            Dialogs.error(getShell(), "Plugin not installed", "There is no file " + jar
                    + ".\n\nChoose the plugin's jar file. Nothing was changed.");
            return;
        }
        begin("Installing " + jar.getFileName() + "...");
        operations.install(jar, outcome -> asyncExec(() -> finish(outcome,
                "Backbench could not install " + jar.getFileName() + ".")));
    }

    private void begin(String message) {
        busy = true;
        status.setText(message + " (see the Progress view)");
        updateButtons();
    }

    private void finish(PluginOperations.Outcome outcome, String what) {
        busy = false;
        if (outcome.ok()) {
            installed = outcome.message();
            close();
            return;
        }
        status.setText("Not installed. Nothing was changed.");
        updateButtons();
        Dialogs.error(getShell(), "Plugin not installed", what + "\n\n" + outcome.message()
                + "\n\nNothing was changed: the running system is as it was.");
    }

    /** Runs {@code r} on the UI thread unless the dialog is gone. Any thread. */
    private void asyncExec(Runnable r) {
        Shell shell = getShell();
        if (shell == null || shell.isDisposed()) {
            return;
        }
        shell.getDisplay().asyncExec(() -> {
            if (getShell() != null && !getShell().isDisposed()) {
                r.run();
            }
        });
    }
}
