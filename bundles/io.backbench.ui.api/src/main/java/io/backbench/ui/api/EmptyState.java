package io.backbench.ui.api;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * What a view shows instead of a blank pane: a title and a few sentences saying what the view will
 * show and how to get there ("No jobs yet. Create one with New Job..."), in a stack with the view's
 * real content, switched with {@link #showEmpty(boolean)}. The message composite carries the widget
 * data {@value #DATA_KEY} = {@code true}, so UI tests can tell which is shown. UI thread only.
 */
public final class EmptyState {
    /** Widget data key set to {@code true} on the message composite. */
    public static final String DATA_KEY = "backbench.empty";


    private final Composite stack;
    private final StackLayout layout = new StackLayout();
    private final Composite message;
    private final Label title;
    private final Label text;
    private Control content;

    /** A stack in {@code parent} that shows either the message or content made later with {@link #stack()}. */
    public EmptyState(Composite parent, String titleText, String body) {
        stack = new Composite(parent, SWT.NONE);
        stack.setLayout(layout);
        message = new Composite(stack, SWT.NONE);
        message.setData(DATA_KEY, Boolean.TRUE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 16;
        gl.marginHeight = 16;
        gl.verticalSpacing = 8;
        message.setLayout(gl);
        title = new Label(message, SWT.WRAP);
        title.setFont(banner(title));
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        text = new Label(message, SWT.WRAP);
        GridData td = new GridData(SWT.FILL, SWT.TOP, true, false);
        td.widthHint = 420;
        text.setLayoutData(td);
        setMessage(titleText, body);
        layout.topControl = message;
    }

    /** The composite to create the real content in (as its only other child). */
    public Composite stack() {
        return stack;
    }

    public void setContent(Control content) {
        this.content = content;
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

    public Control control() {
        return stack;
    }

    /** The title's font: the label's own, bold and a little larger (this API uses SWT only, not JFace). */
    private static Font banner(Label label) {
        FontData[] data = label.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
            d.setHeight(d.getHeight() + 1);
        }
        Font font = new Font(label.getDisplay(), data);
        label.addDisposeListener(e -> font.dispose());
        return font;
    }
}
