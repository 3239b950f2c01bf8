package io.backbench.ui.workbench.internal.targets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.TargetSettings;
import io.backbench.ui.api.TargetSettingsPage;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The settings form for a type without its own page, drawn from its {@link SettingDescriptor}s:
 * secrets masked, choices as a drop-down, booleans as a check box, the rest as text (an empty text
 * means the default, shown greyed in the field). Each field carries {@link #SETTING}{@code =key}.
 * UI thread only.
 */
final class GenericSettingsForm implements TargetSettingsPage.Editor {
    /** Widget data key on each field: the setting's key. */
    static final String SETTING = "backbench.target.setting";

    private record Field(SettingDescriptor descriptor, Control control) {
    }

    private final List<Field> fields = new java.util.ArrayList<>();

    GenericSettingsForm(Composite parent, List<SettingDescriptor> descriptors, TargetSettings initial, Runnable changed) {
        ScrolledComposite scroll = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        Composite form = new Composite(scroll, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        for (SettingDescriptor d : descriptors) {
            Label label = new Label(form, SWT.NONE);
            label.setText(d.label() + (d.required() ? " *" : ""));
            label.setToolTipText(d.description());
            Control c = field(form, d, initial.get(d.key()).orElse(null), changed);
            c.setData(SETTING, d.key());
            c.setToolTipText(d.description());
            c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            fields.add(new Field(d, c));
        }
        scroll.setContent(form);
        scroll.setMinSize(form.computeSize(400, SWT.DEFAULT));
    }

    private static Control field(Composite form, SettingDescriptor d, String value, Runnable changed) {
        switch (d.type()) {
            case BOOLEAN -> {
                Button check = new Button(form, SWT.CHECK);
                String v = value != null ? value : d.defaultValue();
                check.setSelection(v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1")));
                check.addListener(SWT.Selection, e -> changed.run());
                return check;
            }
            case CHOICE -> {
                Combo combo = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
                combo.setItems(d.choices().toArray(String[]::new));
                String v = value != null ? value : d.defaultValue();
                int i = v == null ? -1 : d.choices().indexOf(v);
                if (i >= 0) {
                    combo.select(i);
                }
                combo.addListener(SWT.Selection, e -> changed.run());
                return combo;
            }
            default -> {
                Text text = new Text(form, SWT.BORDER | (d.type() == SettingDescriptor.Type.SECRET ? SWT.PASSWORD : SWT.NONE));
                text.setText(value == null ? "" : value);
                if (d.defaultValue() != null && !d.defaultValue().isEmpty()) {
                    text.setMessage(d.defaultValue());
                }
                text.addListener(SWT.Modify, e -> changed.run());
                return text;
            }
        }
    }

    @Override
    public TargetSettings settings() {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : fields) {
            String v = value(f.control());
            if (!v.isEmpty()) {
                values.put(f.descriptor().key(), v);
            }
        }
        return TargetSettings.of(values);
    }

    @Override
    public Optional<String> problem() {
        for (Field f : fields) {
            SettingDescriptor d = f.descriptor();
            String v = value(f.control());
            if (d.required() && v.isEmpty()) {
                return Optional.of("Enter " + d.label() + ": " + d.description());
            }
            if (d.type() == SettingDescriptor.Type.INTEGER && !v.isEmpty() && !v.matches("-?\\d+")) {
                return Optional.of(d.label() + " must be a whole number, not '" + v + "'");
            }
        }
        return Optional.empty();
    }

    private static String value(Control c) {
        if (c instanceof Button b) {
            return Boolean.toString(b.getSelection());
        }
        if (c instanceof Combo combo) {
            return combo.getText();
        }
        Text t = (Text) c;
        // a secret is taken as typed: spaces may be part of it
        return (t.getStyle() & SWT.PASSWORD) != 0 ? t.getText() : t.getText().trim();
    }
}
