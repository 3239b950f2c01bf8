package io.backbench.ui.workbench.internal;

/**
 * Widget data keys ({@code Widget.setData(key, value)}) that name the workbench's parts, so that
 * tests and tools find them without knowing the widget tree.
 */
public final class Keys {
    /** On the main shell: {@code Boolean.TRUE}. */
    public static final String WORKBENCH = "backbench.workbench";
    /** On a perspective's page and on its switcher button: the perspective id. */
    public static final String PERSPECTIVE = "backbench.perspective";
    /** On a view's outer composite and its tab: the view id. */
    public static final String VIEW = "backbench.view";
    /** On an area's tab folder: the {@code Area} name. */
    public static final String AREA = "backbench.area";
    /** On an empty-state message: {@code Boolean.TRUE}. */
    public static final String EMPTY = "backbench.empty";
    /** On a dialog's shell: "preferences", "about", "error". */
    public static final String DIALOG = "backbench.dialog";
    /** On a view's tool item or button: what it does ("install", "uninstall", "cancel", ...). */
    public static final String ACTION = "backbench.action";
    /** On a preference page's composite: the page id. */
    public static final String PREFERENCE_PAGE = "backbench.preference.page";
    /** On a preference field's editor: the field key. */
    public static final String PREFERENCE_FIELD = "backbench.preference.field";
    /** On a row of the Progress view: the job id. */
    public static final String JOB = "backbench.job";
    /**
     * Test hook: a path (String) set on an item that opens a file dialog is used instead of asking,
     * once. It bypasses only the native dialog, which an X event cannot drive reliably.
     */
    public static final String FILE_DIALOG_ANSWER = "backbench.fileDialog.answer";

    private Keys() {
    }
}
