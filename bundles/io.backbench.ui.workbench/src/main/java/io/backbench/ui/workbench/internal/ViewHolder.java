package io.backbench.ui.workbench.internal;

import io.backbench.ui.api.EmptyState;

import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;
import io.backbench.ui.api.ViewSite;

import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;

/** One view shown in one perspective: its tab, its tool bar, its part. UI thread only. */
final class ViewHolder implements ViewSite {

    private final ViewContribution contribution;
    private final String viewId;
    private final String perspectiveId;
    private final WorkbenchWindow window;
    private final CTabItem item;
    private final Composite container;
    private final ToolBar toolBar;
    private final Display display;
    private ViewPart part;

    /** A view's tab at {@code index} of {@code folder} (0 to its item count). */
    ViewHolder(CTabFolder folder, int index, ViewContribution contribution, String viewId, String label, String perspectiveId,
               WorkbenchWindow window) {
        this.contribution = contribution;
        this.viewId = viewId;
        this.perspectiveId = perspectiveId;
        this.window = window;
        display = folder.getDisplay();
        container = new Composite(folder, SWT.NONE);
        container.setData(Keys.VIEW, viewId);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 0;
        container.setLayout(gl);
        toolBar = new ToolBar(container, SWT.FLAT | SWT.RIGHT | SWT.WRAP);
        toolBar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Composite content = new Composite(container, SWT.NONE);
        content.setLayout(new FillLayout());
        content.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        item = new CTabItem(folder, SWT.NONE, index);
        item.setText(label);
        item.setData(Keys.VIEW, viewId);
        item.setControl(container);
        createPart(content, label);
        if (toolBar.getItemCount() == 0) {
            ((GridData) toolBar.getLayoutData()).exclude = true;
            toolBar.setVisible(false);
        }
    }

    private void createPart(Composite content, String label) {
        try {
            part = contribution.createView();
            part.createControl(content, this);
        } catch (RuntimeException | LinkageError e) {
            window.services().log().error("view {} failed to open", viewId, e);
            for (var child : content.getChildren()) {
                child.dispose();
            }
            part = null;
            new EmptyState(content, "The view \"" + label + "\" could not be opened",
                    e + "\n\nIts plugin may be broken or incomplete: see the Error Log view, and update or "
                            + "uninstall the plugin in the Plugins view.");
        }
    }

    ViewContribution contribution() {
        return contribution;
    }

    String viewId() {
        return viewId;
    }

    CTabItem item() {
        return item;
    }

    void setFocus() {
        if (part != null) {
            try {
                part.setFocus();
            } catch (RuntimeException e) {
                window.services().log().warn("view {} failed to take the focus", viewId, e);
            }
        }
    }

    void dispose() {
        if (part != null) {
            try {
                part.dispose();
            } catch (RuntimeException | LinkageError e) {
                window.services().log().warn("view {} failed while closing", viewId, e);
            }
            part = null;
        }
        if (!item.isDisposed()) {
            item.dispose();
        }
        if (!container.isDisposed()) {
            container.dispose();
        }
    }

    @Override
    public Shell shell() {
        return window.getShell();
    }

    @Override
    public ToolBar toolBar() {
        return toolBar;
    }

    @Override
    public String perspectiveId() {
        return perspectiveId;
    }

    @Override
    public void setStatusMessage(String message) {
        window.setStatus(message);
    }

    @Override
    public void showError(String title, String message) {
        Dialogs.error(window.getShell(), title, message);
    }

    @Override
    public void asyncExec(Runnable runnable) {
        // any thread: only the Display (thread-safe for asyncExec) is touched here
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> {
                if (!container.isDisposed()) {
                    runnable.run();
                }
            });
        } catch (SWTException disposed) {
            // the window is gone: nothing to update
        }
    }
}
