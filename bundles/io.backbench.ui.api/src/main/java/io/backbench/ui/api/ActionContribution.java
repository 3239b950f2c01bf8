package io.backbench.ui.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A command in the workbench's menu bar (and optionally its tool bar), registered as an OSGi
 * service with the property {@link #LABEL_PROPERTY}. The descriptive methods may be called on any
 * thread and return constant values.
 */
@ConsumerType
public interface ActionContribution {

    /** Service property: the action's label, the same as {@link #label()}. */
    String LABEL_PROPERTY = "backbench.action.label";

    String MENU_FILE = "File";
    String MENU_TOOLS = "Tools";
    String MENU_HELP = "Help";

    /** A unique id. */
    String id();

    /** The menu item's text: "Verify Repository...", with "..." when it opens a dialog. */
    String label();

    /**
     * The menu it goes in: {@link #MENU_FILE}, {@link #MENU_TOOLS}, {@link #MENU_HELP}, or the name
     * of a new menu, which the workbench adds before Help.
     */
    default String menu() {
        return MENU_TOOLS;
    }

    /** Whether it also gets a button in the main tool bar. */
    default boolean toolbar() {
        return false;
    }

    /**
     * Does the action. Called on the UI thread: anything slow belongs in a job; dialogs are fine.
     * An exception is shown to the user in an error dialog with its message.
     */
    void run(ActionContext context);
}
