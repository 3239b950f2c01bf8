package io.backbench.ui.monitor.internal.alerts;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import io.backbench.jobs.notify.api.Alert;
import io.backbench.ui.monitor.internal.Format;
import io.backbench.ui.monitor.internal.Keys;

/**
 * A small notification in the workbench window's lower right corner: it takes no focus, closes on a
 * click or after {@link #SHOWN_MS}. Several stack upwards. UI thread only.
 */
final class AlertPopup {
    static final int SHOWN_MS = 15_000;
    private static final int WIDTH = 360;

    private AlertPopup() {
    }

    static String headline(Alert a) {
        return switch (a.kind()) {
            case JOB_FAILED -> "Job failed: " + a.jobName();
            case RPO_BREACHED -> "RPO breached: " + a.jobName();
            case RESTORE_TEST_FAILED -> "Restore test failed: " + a.jobName();
        };
    }

    static void open(Shell parent, Alert alert) {
        if (parent == null || parent.isDisposed()) {
            return;
        }
        Shell popup = new Shell(parent, SWT.ON_TOP | SWT.TOOL | SWT.NO_FOCUS | SWT.BORDER);
        popup.setData(Keys.NOTIFICATION, Boolean.TRUE);
        popup.setData(alert);
        Color bg = new Color(parent.getDisplay(), 255, 240, 238);
        popup.setBackground(bg);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 12;
        gl.marginHeight = 10;
        popup.setLayout(gl);
        Label title = new Label(popup, SWT.WRAP);
        title.setText(headline(alert));
        title.setFont(JFaceResources.getBannerFont());
        title.setForeground(new Color(parent.getDisplay(), 170, 20, 20));
        title.setBackground(bg);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Label text = new Label(popup, SWT.WRAP);
        text.setText(alert.message() + "\n" + Format.time(alert.time()));
        text.setBackground(bg);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.widthHint = WIDTH - 24;
        text.setLayoutData(gd);
        Point size = popup.computeSize(WIDTH, SWT.DEFAULT);
        Rectangle area = parent.getBounds();
        int stacked = 0;
        for (Shell s : parent.getShells()) {
            if (s != popup && !s.isDisposed() && Boolean.TRUE.equals(s.getData(Keys.NOTIFICATION))) {
                stacked += s.getSize().y + 6;
            }
        }
        popup.setBounds(area.x + area.width - size.x - 16, area.y + area.height - size.y - 40 - stacked, size.x, size.y);
        popup.addListener(SWT.MouseUp, e -> popup.close());
        title.addListener(SWT.MouseUp, e -> popup.close());
        text.addListener(SWT.MouseUp, e -> popup.close());
        popup.setVisible(true);
        popup.getDisplay().timerExec(SHOWN_MS, () -> {
            if (!popup.isDisposed()) {
                popup.close();
            }
        });
    }
}
