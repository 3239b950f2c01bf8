package io.backbench.ui.workbench.internal.tape;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * A small notification in the workbench window's lower right corner while a tape job waits for a
 * cartridge. Unlike an alert it does not fade: it stays until the question is answered (or a click
 * closes it), so an operator who was away sees it when back. It takes no focus. UI thread only.
 */
final class VolumeNotification {
    /** Shared with the monitoring alerts, so that notifications stack instead of overlapping. */
    static final String NOTIFICATION = "backbench.notification";
    private static final int WIDTH = 360;

    private final Shell popup;

    private VolumeNotification(Shell popup) {
        this.popup = popup;
    }

    static VolumeNotification open(Shell parent, VolumeQuestion question) {
        Shell popup = new Shell(parent, SWT.ON_TOP | SWT.TOOL | SWT.NO_FOCUS | SWT.BORDER);
        popup.setData(NOTIFICATION, Boolean.TRUE);
        popup.setData(VolumeDialog.NAME, Boolean.TRUE);
        Color bg = new Color(parent.getDisplay(), 255, 248, 225);
        popup.setBackground(bg);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 12;
        gl.marginHeight = 10;
        popup.setLayout(gl);
        Label title = new Label(popup, SWT.WRAP);
        title.setText("A tape job is waiting");
        title.setFont(JFaceResources.getBannerFont());
        title.setBackground(bg);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Label text = new Label(popup, SWT.WRAP);
        text.setText(question.headline() + "\nWaiting since " + java.time.LocalTime.now().withNano(0) + ".");
        text.setBackground(bg);
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        gd.widthHint = WIDTH - 24;
        text.setLayoutData(gd);
        Point size = popup.computeSize(WIDTH, SWT.DEFAULT);
        Rectangle area = parent.getBounds();
        int stacked = 0;
        for (Shell s : parent.getShells()) {
            if (s != popup && !s.isDisposed() && Boolean.TRUE.equals(s.getData(NOTIFICATION))) {
                stacked += s.getSize().y + 6;
            }
        }
        popup.setBounds(area.x + area.width - size.x - 16, area.y + area.height - size.y - 40 - stacked, size.x, size.y);
        popup.addListener(SWT.MouseUp, e -> popup.close());
        title.addListener(SWT.MouseUp, e -> popup.close());
        text.addListener(SWT.MouseUp, e -> popup.close());
        popup.setVisible(true);
        return new VolumeNotification(popup);
    }

    void close() {
        if (!popup.isDisposed()) {
            popup.close();
        }
    }
}
