package io.backbench.ui.monitor.internal;

/**
 * Widget data keys, the same strings the workbench uses (its Keys class is internal), so that tests
 * and tools find the monitoring views' parts the same way as the workbench's own.
 */
public final class Keys {
    /** On an empty-state message: {@code Boolean.TRUE}. */
    public static final String EMPTY = "backbench.empty";
    /** On a dialog's shell: "job", "run", ... */
    public static final String DIALOG = "backbench.dialog";
    /** On a view's tool item or button: what it does ("new", "run", "export", ...). */
    public static final String ACTION = "backbench.action";
    /** On a form field of a dialog: the field's name ("name", "sources", ...). */
    public static final String FIELD = "backbench.field";
    /** On a panel or table of a view: its part ("rpo", "restore-tests", "snapshots", ...). */
    public static final String PART = "backbench.part";
    /** On a snapshot tree item: the absolute path in the snapshot. */
    public static final String PATH = "backbench.path";
    /** On the alert notification's shell: {@code Boolean.TRUE}. */
    public static final String NOTIFICATION = "backbench.notification";
    /** Test hook, as in the workbench: a path set on an item that opens a file dialog answers it, once. */
    public static final String FILE_DIALOG_ANSWER = "backbench.fileDialog.answer";

    private Keys() {
    }
}
