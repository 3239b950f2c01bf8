package io.backbench.ui.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page of the Preferences dialog, registered as an OSGi service. The page only describes its
 * fields: the workbench draws the form, checks the values and stores them as the properties of the
 * Configuration Admin configuration {@link #pid()}, so that the component that reads that PID
 * (usually through {@code @Modified}) sees the change at once. Register it with the service property
 * {@link #LABEL_PROPERTY}. Every method may be called on any thread and returns constant values.
 */
@ConsumerType
public interface PreferencePageContribution {

    /** Service property: the page's label, the same as {@link #label()}. */
    String LABEL_PROPERTY = "backbench.preference.label";

    /** A unique id. */
    String id();

    /** The name in the dialog's page tree: "Jobs". */
    String label();

    /** The Configuration Admin PID whose properties this page edits. */
    String pid();

    /** The fields, in the order the page shows them; keys are properties of {@link #pid()}. */
    List<PreferenceField> fields();
}
