package io.backbench.ui.workbench.internal.views;

import io.backbench.jobs.api.JobState;
import io.backbench.jobs.api.JobStatus;
import io.backbench.ui.workbench.internal.Keys;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/** One job in the Progress view. UI thread only. */
final class JobRow {

    private final Composite row;
    private final Label name;
    private final Label detail;
    private final Button cancel;
    private ProgressBar bar;
    private boolean indeterminate;

    JobRow(Composite parent, long id, Runnable onCancel) {
        row = new Composite(parent, SWT.NONE);
        row.setData(Keys.JOB, id);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout gl = new GridLayout(2, false);
        gl.marginHeight = 3;
        gl.verticalSpacing = 2;
        row.setLayout(gl);
        name = new Label(row, SWT.NONE);
        name.setFont(JFaceResources.getBannerFont());
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cancel = new Button(row, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setData(Keys.ACTION, "cancel");
        cancel.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false, 1, 3));
        cancel.addListener(SWT.Selection, e -> {
            cancel.setEnabled(false);
            onCancel.run();
        });
        createBar(false);
        detail = new Label(row, SWT.WRAP);
        GridData dd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        dd.widthHint = 200; // wrap within the view's width instead of asking for one long line
        detail.setLayoutData(dd);
        Label line = new Label(row, SWT.SEPARATOR | SWT.HORIZONTAL);
        line.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
    }

    private void createBar(boolean unknownTotal) {
        ProgressBar old = bar;
        bar = new ProgressBar(row, SWT.HORIZONTAL | (unknownTotal ? SWT.INDETERMINATE : SWT.SMOOTH));
        bar.setMaximum(1000);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        if (old != null) {
            bar.moveAbove(old);
            old.dispose();
        }
        indeterminate = unknownTotal;
    }

    void update(JobStatus s) {
        name.setText(s.name() + "  -  " + describe(s.state()));
        double fraction = s.fraction();
        boolean unknown = fraction < 0 && s.state() == JobState.RUNNING;
        if (unknown != indeterminate) {
            createBar(unknown);
        }
        if (!unknown) {
            bar.setSelection((int) Math.round(Math.max(0, barFraction(s)) * 1000));
        }
        // a failed job is not "full": its bar goes (GTK draws no error state), the red detail says why
        showBar(s.state() != JobState.FAILED);
        bar.setState(switch (s.state()) {
            case FAILED -> SWT.ERROR;
            case CANCELLED -> SWT.PAUSED; // drawn on Windows; on GTK the partial bar and "cancelled" say it
            default -> SWT.NORMAL;
        });
        detail.setText(detailText(s));
        detail.setForeground(s.state() == JobState.FAILED
                ? row.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
        if (s.state().isDone() && cancel.getVisible()) {
            // an ended job has nothing to cancel: the button goes, the row keeps its place
            cancel.setEnabled(false);
            cancel.setVisible(false);
            ((GridData) cancel.getLayoutData()).exclude = true;
            for (var c : new org.eclipse.swt.widgets.Control[] {name, bar, detail}) {
                ((GridData) c.getLayoutData()).horizontalSpan = 2;
            }
            row.layout(true);
        }
    }

    /** Success fills the bar; a job that stopped early shows what it got done (nothing if unknown). */
    static double barFraction(JobStatus s) {
        if (s.state() == JobState.FAILED || s.state() == JobState.CANCELLED) {
            return s.totalWork() > 0 ? Math.min(1.0, (double) s.worked() / s.totalWork()) : 0;
        }
        return s.fraction();
    }

    private void showBar(boolean show) {
        if (bar.getVisible() != show) {
            bar.setVisible(show);
            ((GridData) bar.getLayoutData()).exclude = !show;
            row.layout(true);
        }
    }

    /** For tests. */
    ProgressBar bar() {
        return bar;
    }

    private static String detailText(JobStatus s) {
        if (s.state().isDone()) {
            int n = s.warnings().size();
            String warnings = n == 0 ? "" : n == 1 ? "  (1 warning)" : "  (" + n + " warnings)";
            return (s.result().isEmpty() ? describe(s.state()) : s.result()) + warnings;
        }
        if (s.state() == JobState.WAITING) {
            return "Waiting for a free worker";
        }
        String task = s.task();
        if (!s.subTask().isEmpty()) {
            task = task.isEmpty() ? s.subTask() : task + ": " + s.subTask();
        }
        return task;
    }

    private static String describe(JobState state) {
        return switch (state) {
            case WAITING -> "waiting";
            case RUNNING -> "running";
            case SUCCEEDED -> "done";
            case SUCCEEDED_WITH_WARNINGS -> "done with warnings";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }

    Composite control() {
        return row;
    }

    void dispose() {
        row.dispose();
    }
}
