package io.backbench.ui.workbench.internal.targets;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.ConfiguredTargets.Entry;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;
import io.backbench.ui.api.TargetSettingsPage;
import io.backbench.ui.workbench.internal.Keys;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
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
 * New or Edit of one configured target: the name and the type, then the type's settings in its own
 * {@link TargetSettingsPage} if it has one, else in a {@link GenericSettingsForm}. Save checks
 * and stores through {@link ConfiguredTargets#save}; a refusal stays in the dialog, nothing typed is
 * lost. Shell data {@code backbench.dialog=target}. UI thread only.
 */
final class TargetDialog extends Dialog {
    static final String NAME = "target";

    private final ConfiguredTargets targets;
    private final List<TargetFactory> types;
    private final Function<String, Optional<TargetSettingsPage>> pages;
    private final Entry original;
    private Text name;
    private Combo type;
    private Composite settingsArea;
    private Label problem;
    private TargetSettingsPage.Editor editor;
    private String saved;

    /** {@code original} is null for New; for Edit its name and type are fixed. */
    TargetDialog(Shell parent, ConfiguredTargets targets, List<TargetFactory> types,
                 Function<String, Optional<TargetSettingsPage>> pages, Entry original) {
        super(parent);
        this.targets = targets;
        this.types = types;
        this.pages = pages;
        this.original = original;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** The name saved, after OK. */
    String saved() {
        return saved;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(original == null ? "New Target" : "Edit Target " + original.name());
        shell.setData(Keys.DIALOG, NAME);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(640, 560);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite top = new Composite(area, SWT.NONE);
        top.setLayout(new GridLayout(2, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(top, SWT.NONE).setText("Name *");
        name = new Text(top, SWT.BORDER);
        name.setData(GenericSettingsForm.SETTING, "name");
        name.setMessage("e.g. nas or offsite-s3; used as target:NAME");
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(top, SWT.NONE).setText("Type *");
        type = new Combo(top, SWT.READ_ONLY | SWT.DROP_DOWN);
        type.setData(GenericSettingsForm.SETTING, "type");
        type.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        for (TargetFactory f : types) {
            type.add(f.type() + " - " + f.displayName());
        }
        settingsArea = new Composite(area, SWT.NONE);
        settingsArea.setLayout(new FillLayout());
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.heightHint = 320;
        settingsArea.setLayoutData(gd);
        problem = new Label(area, SWT.WRAP);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        problem.setData(Keys.ACTION, "problem");

        if (original != null) {
            name.setText(original.name());
            name.setEnabled(false);
            type.select(indexOf(original.type()));
            type.setEnabled(false);
        }
        name.addListener(SWT.Modify, e -> check());
        type.addListener(SWT.Selection, e -> showSettings());
        showSettings();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Save", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        check();
    }

    private int indexOf(String typeName) {
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).type().equals(typeName)) {
                return i;
            }
        }
        return -1;
    }

    private Optional<TargetFactory> selectedType() {
        int i = type.getSelectionIndex();
        return i < 0 ? Optional.empty() : Optional.of(types.get(i));
    }

    /** Draws the selected type's page or form, keeping the values already typed when the type is the same. */
    private void showSettings() {
        for (Control c : settingsArea.getChildren()) {
            c.dispose();
        }
        editor = null;
        Optional<TargetFactory> f = selectedType();
        if (f.isPresent()) {
            TargetSettings initial = original != null ? original.settings() : TargetSettings.of(java.util.Map.of());
            Optional<TargetSettingsPage> page = pages.apply(f.get().type());
            try {
                editor = page.isPresent() ? page.get().createEditor(settingsArea, initial, this::check)
                        : new GenericSettingsForm(settingsArea, f.get().settings(), initial, this::check);
            } catch (RuntimeException e) {
                for (Control c : settingsArea.getChildren()) {
                    c.dispose();
                }
                editor = new GenericSettingsForm(settingsArea, f.get().settings(), initial, this::check);
                problem.setText("The settings page of the " + f.get().type() + " plugin failed (" + e + "); showing the plain form.");
            }
        }
        settingsArea.layout(true, true);
        check();
    }

    /** Enables Save only when the name, the type and the settings are complete, and says what is missing. */
    private void check() {
        Button ok = getButton(IDialogConstants.OK_ID);
        Optional<String> p = problem();
        if (problem != null && !problem.isDisposed()) {
            problem.setText(p.orElse(""));
            problem.getParent().layout(true);
        }
        if (ok != null) {
            ok.setEnabled(p.isEmpty());
        }
    }

    private Optional<String> problem() {
        if (name == null) {
            return Optional.of("");
        }
        String n = name.getText().trim();
        if (n.isEmpty()) {
            return Optional.of("Enter a name for the target: letters, digits, '.', '_' or '-' (e.g. nas)");
        }
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            return Optional.of("'" + n + "' is not a valid name: use 1 to 64 letters, digits, '.', '_' or '-', starting"
                    + " with a letter or digit");
        }
        if (original == null && targets.find(n).isPresent()) {
            return Optional.of("A target named '" + n + "' exists already; choose another name, or edit that one");
        }
        if (selectedType().isEmpty()) {
            return Optional.of("Choose the type of storage");
        }
        return editor == null ? Optional.of("") : editor.problem();
    }

    @Override
    protected void okPressed() {
        String n = name.getText().trim();
        try {
            targets.save(new Entry(n, selectedType().orElseThrow().type(), editor.settings()));
        } catch (TargetException | RuntimeException e) {
            problem.setText("Not saved: " + e.getMessage());
            problem.getParent().layout(true);
            return;
        }
        saved = n;
        super.okPressed();
    }
}
