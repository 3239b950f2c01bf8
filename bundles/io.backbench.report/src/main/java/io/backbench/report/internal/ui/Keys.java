package io.backbench.report.internal.ui;

/** Widget data keys, the same strings the workbench and the monitoring views use, for tests and tools. */
final class Keys {
    static final String EMPTY = "backbench.empty";
    static final String ACTION = "backbench.action";
    static final String FIELD = "backbench.field";
    static final String PART = "backbench.part";
    /** On a figure's value label: which figure ("runs", "success-rate", "data", "restore-tests", "rpo-breaches"). */
    static final String FIGURE = "backbench.figure";
    /** Test hook, as in the workbench: a path set on an item that opens a file dialog answers it, once. */
    static final String FILE_DIALOG_ANSWER = "backbench.fileDialog.answer";

    private Keys() {
    }
}
