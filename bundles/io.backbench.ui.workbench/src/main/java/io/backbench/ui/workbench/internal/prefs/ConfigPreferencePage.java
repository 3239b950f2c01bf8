package io.backbench.ui.workbench.internal.prefs;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

import io.backbench.ui.api.PreferenceField;
import io.backbench.ui.api.PreferencePageContribution;
import io.backbench.ui.workbench.internal.Keys;
import io.backbench.ui.workbench.internal.WorkbenchServices;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Draws a {@link PreferencePageContribution}'s fields and stores them in its ConfigAdmin
 * configuration. Values are checked as they are typed; OK stays disabled while one is wrong.
 * UI thread only.
 */
final class ConfigPreferencePage extends PreferencePage {

    private final PreferencePageContribution contribution;
    private final WorkbenchServices services;
    private final Map<PreferenceField, Control> editors = new LinkedHashMap<>();

    ConfigPreferencePage(PreferencePageContribution contribution, WorkbenchServices services) {
        super(contribution.label());
        this.contribution = contribution;
        this.services = services;
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setData(Keys.PREFERENCE_PAGE, contribution.id());
        page.setLayout(new GridLayout(2, false));
        ConfigurationAdmin admin = services.configAdmin().get();
        Dictionary<String, Object> stored = admin == null ? null : read(admin);
        if (admin == null) {
            setErrorMessage("Configuration Admin is not running: these settings cannot be stored now.");
        }
        for (PreferenceField field : contribution.fields()) {
            Object value = stored == null ? null : stored.get(field.key());
            editors.put(field, FieldEditors.create(page, field, value == null ? field.defaultValue() : value.toString(),
                    this::validate));
        }
        validate();
        return page;
    }

    private Dictionary<String, Object> read(ConfigurationAdmin admin) {
        try {
            Configuration c = admin.getConfiguration(contribution.pid(), "?");
            return c.getProperties();
        } catch (IOException e) {
            setErrorMessage("Could not read the settings of " + contribution.pid() + ": " + e.getMessage());
            return null;
        }
    }

    private void validate() {
        String error = null;
        for (Map.Entry<PreferenceField, Control> e : editors.entrySet()) {
            String problem = FieldEditors.check(e.getKey(), FieldEditors.text(e.getValue()));
            if (problem != null && error == null) {
                error = problem;
            }
        }
        setErrorMessage(error);
        setValid(error == null);
    }

    @Override
    public boolean performOk() {
        if (editors.isEmpty()) {
            return true; // the page was never shown: nothing changed
        }
        ConfigurationAdmin admin = services.configAdmin().get();
        if (admin == null) {
            setErrorMessage("Configuration Admin is not running: the settings were not stored.");
            return false;
        }
        try {
            Configuration c = admin.getConfiguration(contribution.pid(), "?");
            Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
            for (Map.Entry<PreferenceField, Control> e : editors.entrySet()) {
                props.put(e.getKey().key(), FieldEditors.value(e.getKey(), FieldEditors.text(e.getValue())));
            }
            c.updateIfDifferent(props);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            services.log().error("could not store preferences {}", contribution.pid(), e);
            setErrorMessage("Could not store the settings: " + e.getMessage());
            return false;
        }
    }

    /** The widgets of one field: label, editor and help text. */
    static final class FieldEditors {

        private FieldEditors() {
        }

        static Control create(Composite page, PreferenceField field, String value, Runnable changed) {
            Control editor;
            if (field.type() == PreferenceField.Type.BOOLEAN) {
                new Label(page, SWT.NONE);
                Button check = new Button(page, SWT.CHECK);
                check.setText(field.label());
                check.setSelection(Boolean.parseBoolean(value));
                check.addListener(SWT.Selection, e -> changed.run());
                editor = check;
            } else {
                Label label = new Label(page, SWT.NONE);
                label.setText(field.label() + ":");
                if (field.type() == PreferenceField.Type.CHOICE) {
                    Combo combo = new Combo(page, SWT.READ_ONLY);
                    field.choices().forEach(combo::add);
                    combo.select(Math.max(0, field.choices().indexOf(value)));
                    combo.addListener(SWT.Selection, e -> changed.run());
                    editor = combo;
                } else {
                    int style = SWT.BORDER | SWT.SINGLE | (field.type() == PreferenceField.Type.SECRET ? SWT.PASSWORD : 0);
                    Text text = new Text(page, style);
                    text.setText(value);
                    text.addListener(SWT.Modify, e -> changed.run());
                    editor = text;
                }
                GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
                gd.widthHint = 220;
                editor.setLayoutData(gd);
            }
            editor.setData(Keys.PREFERENCE_FIELD, field.key());
            if (!field.description().isEmpty()) {
                new Label(page, SWT.NONE);
                Label help = new Label(page, SWT.WRAP);
                help.setText(field.description());
                help.setForeground(page.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
                GridData hd = new GridData(SWT.FILL, SWT.TOP, true, false);
                hd.widthHint = 320;
                help.setLayoutData(hd);
            }
            return editor;
        }

        static String text(Control editor) {
            if (editor instanceof Button b) {
                return Boolean.toString(b.getSelection());
            }
            if (editor instanceof Combo c) {
                return c.getText();
            }
            return ((Text) editor).getText();
        }

        /** A message saying what is wrong with {@code text} for {@code field}, or null. */
        static String check(PreferenceField field, String text) {
            if (field.type() != PreferenceField.Type.INTEGER) {
                return null;
            }
            try {
                long v = Long.parseLong(text.trim());
                if (v < field.min() || v > field.max()) {
                    return field.label() + " must be between " + field.min() + " and " + field.max() + ".";
                }
                return null;
            } catch (NumberFormatException e) {
                return field.label() + " must be a whole number, not \"" + text + "\".";
            }
        }

        static Object value(PreferenceField field, String text) {
            return switch (field.type()) {
                case INTEGER -> Integer.valueOf(text.trim());
                case BOOLEAN -> Boolean.valueOf(text);
                default -> text;
            };
        }
    }
}
