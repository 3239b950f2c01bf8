package io.backbench.ui.monitor.internal;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * The message a view shows instead of a blank pane (what it will show and how to get there), in a
 * stack with the real content. Like the workbench's own, which is internal to it. UI thread only.
 */
public final class EmptyState {
    private final Composite stack;
    private final StackLayout layout = new StackLayout();
    private final Composite message;
    private final Label title;
    private final Label text;
    private Control content;

    public EmptyState(Composite parent, String titleText, String body) {
        stack = new Composite(parent, SWT.NONE);
        stack.setLayout(layout);
        message = new Composite(stack, SWT.NONE);
        message.setData(Keys.EMPTY, Boolean.TRUE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 16;
        gl.marginHeight = 16;
        gl.verticalSpacing = 8;
        message.setLayout(gl);
        title = new Label(message, SWT.WRAP);
        title.setFont(JFaceResources.getBannerFont());
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        text = new Label(message, SWT.WRAP);
        GridData td = new GridData(SWT.FILL, SWT.TOP, true, false);
        td.widthHint = 420;
        text.setLayoutData(td);
        setMessage(titleText, body);
        layout.topControl = message;
    }

    /** The parent for the real content (the stack's only other child). */
    public Composite stack() {
        return stack;
    }

    public void setContent(Control c) {
        content = c;
    }

    public void setMessage(String titleText, String body) {
        title.setText(titleText);
        text.setText(body);
        message.layout(true, true);
    }

    /** Shows the message when {@code empty}, else the content. */
    public void showEmpty(boolean empty) {
        Control top = empty || content == null ? message : content;
        if (layout.topControl != top) {
            layout.topControl = top;
            stack.layout(true, true);
        }
    }

    public boolean isShowingMessage() {
        return layout.topControl == message;
    }
}
