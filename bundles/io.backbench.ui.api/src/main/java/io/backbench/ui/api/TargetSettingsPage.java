package io.backbench.ui.api;

import java.util.Optional;

import io.backbench.target.api.TargetSettings;

import org.eclipse.swt.widgets.Composite;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A settings page for one target type, registered as an OSGi service by the bundle that adds the
 * type, with the service property {@link #TYPE_PROPERTY}. The workbench's Targets view shows it
 * when an administrator adds or edits a target of that type; types without a page get a form drawn
 * from their {@link io.backbench.target.api.SettingDescriptor}s.
 */
@ConsumerType
public interface TargetSettingsPage {

    /** Service property: the target type this page edits, the same as {@link #type()}. */
    String TYPE_PROPERTY = "backbench.target.type";

    /** The target type, as in {@link io.backbench.target.api.TargetFactory#type()}. */
    String type();

    /**
     * Creates the page's widgets in {@code parent} (which has a {@code FillLayout}), filled from
     * {@code initial} (empty for a new target). {@code changed} is to be run (on the UI thread)
     * whenever a value changes, so the dialog re-checks {@link Editor#problem()}. Called on the UI
     * thread.
     */
    Editor createEditor(Composite parent, TargetSettings initial, Runnable changed);

    /** The page as shown in one dialog. Every method is called on the UI thread. */
    interface Editor {

        /** The settings as now entered. */
        TargetSettings settings();

        /** What is missing or wrong, said so that the administrator knows what to enter; empty if none. */
        Optional<String> problem();
    }
}
