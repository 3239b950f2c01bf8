package io.backbench.ui.workbench.internal.views;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.backbench.ui.api.ViewSite;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;

/**
 * A real shell on the test thread (which is the UI thread here), and a view site around it. Fails
 * (never skips) without an X display: run the tests under {@code xvfb-run -a}.
 */
final class SwtFixture implements ViewSite, AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(20);

    final Display display;
    final Shell shell;
    final ToolBar toolBar;
    final Composite content;

    SwtFixture() {
        if (System.getenv("DISPLAY") == null) {
            throw new AssertionError("there is no X display (DISPLAY is not set); these SWT tests need one: "
                    + "run them under `xvfb-run -a mvn ...`");
        }
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout(SWT.VERTICAL));
        toolBar = new ToolBar(shell, SWT.FLAT);
        content = new Composite(shell, SWT.NONE);
        content.setLayout(new FillLayout());
        shell.setSize(600, 400);
        shell.open();
    }

    /** Runs the event loop until {@code condition} holds; fails after a generous guard time. */
    void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what);
                }
            }
        }
    }

    @Override
    public Shell shell() {
        return shell;
    }

    @Override
    public ToolBar toolBar() {
        return toolBar;
    }

    @Override
    public String perspectiveId() {
        return "test";
    }

    @Override
    public void setStatusMessage(String message) {
    }

    @Override
    public void showError(String title, String message) {
        throw new AssertionError(title + ": " + message);
    }

    @Override
    public void asyncExec(Runnable runnable) {
        display.asyncExec(runnable);
    }

    @Override
    public void close() {
        shell.dispose();
        while (display.readAndDispatch()) {
            // let the disposal's events run
        }
    }
}
