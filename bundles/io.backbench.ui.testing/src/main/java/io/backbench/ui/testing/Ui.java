package io.backbench.ui.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.Widget;

/**
 * The tests' hands on the real workbench: runs code on its UI thread, finds widgets by the data keys
 * the workbench sets ("backbench.view", "backbench.perspective", ...), clicks, waits, takes
 * screenshots. Everything that touches a widget goes through {@link #call}.
 */
public final class Ui {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final String UI_THREAD = "backbench-ui";

    private Ui() {
    }

    /** The workbench's Display; fails (never skips) when there is none, e.g. without an X display. */
    public static Display display() {
        if (System.getenv("DISPLAY") == null) {
            throw new AssertionError("there is no X display (DISPLAY is not set), so the workbench cannot open its "
                    + "window. The UI tests need one: run them under `xvfb-run -a mvn ...`.");
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (UI_THREAD.equals(t.getName())) {
                    Display d = Display.findDisplay(t);
                    if (d != null && !d.isDisposed()) {
                        return d;
                    }
                }
            }
            sleep(100);
        }
        throw new AssertionError("the workbench opened no window within " + WAIT.toSeconds() + " s (DISPLAY="
                + System.getenv("DISPLAY") + "). The UI tests need an X display: run them under `xvfb-run -a`.");
    }

    /** Runs {@code code} on the UI thread and returns its result; its exceptions fail the caller. */
    public static <T> T call(Supplier<T> code) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Display d = display();
            try {
                d.syncExec(() -> {
                    try {
                        result.set(code.get());
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                });
                break;
            } catch (NullPointerException | org.eclipse.swt.SWTException e) {
                // the workbench was restarting: its Display was still being made, or being disposed
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the workbench's UI thread did not take work: " + e, e);
                }
                sleep(100);
            }
        }
        if (failure.get() instanceof AssertionError a) {
            throw a;
        }
        if (failure.get() != null) {
            throw new AssertionError("on the UI thread: " + failure.get(), failure.get());
        }
        return result.get();
    }

    public static void run(Runnable code) {
        call(() -> {
            code.run();
            return null;
        });
    }

    /**
     * Sends a selection event to a widget from the UI thread's queue, so that a dialog it opens
     * (which blocks in its own event loop) does not block the test.
     */
    public static void click(Widget widget) {
        display().asyncExec(() -> {
            if (!widget.isDisposed()) {
                Event e = new Event();
                e.widget = widget;
                widget.notifyListeners(SWT.Selection, e);
            }
        });
    }

    /** Waits until {@code condition} (evaluated on the UI thread) holds; fails naming {@code what}. */
    public static void waitUntil(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Boolean.TRUE.equals(call(condition))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
            }
            sleep(100);
        }
    }

    /** The workbench's main shell, once it is open. */
    public static Shell workbench() {
        waitUntil("the workbench window", () -> mainShell().isPresent());
        return call(() -> mainShell().orElseThrow());
    }

    private static Optional<Shell> mainShell() {
        for (Shell s : display().getShells()) {
            if (!s.isDisposed() && Boolean.TRUE.equals(s.getData("backbench.workbench")) && s.isVisible()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A visible dialog whose shell carries {@code backbench.dialog=name}. */
    public static Shell dialog(String name) {
        waitUntil("the " + name + " dialog", () -> findDialog(name).isPresent());
        return call(() -> findDialog(name).orElseThrow());
    }

    public static Optional<Shell> findDialog(String name) {
        for (Shell s : display().getShells()) {
            if (!s.isDisposed() && name.equals(s.getData("backbench.dialog")) && s.isVisible()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Every widget under {@code root} (controls, tool items, tab items) that matches. UI thread only. */
    public static List<Widget> find(Control root, Predicate<Widget> match) {
        List<Widget> found = new ArrayList<>();
        collect(root, match, found);
        return found;
    }

    private static void collect(Control c, Predicate<Widget> match, List<Widget> found) {
        if (c.isDisposed()) {
            return;
        }
        if (match.test(c)) {
            found.add(c);
        }
        if (c instanceof ToolBar tb) {
            for (var item : tb.getItems()) {
                if (match.test(item)) {
                    found.add(item);
                }
            }
        }
        if (c instanceof CTabFolder f) {
            for (var item : f.getItems()) {
                if (match.test(item)) {
                    found.add(item);
                }
            }
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                collect(child, match, found);
            }
        }
    }

    public static Predicate<Widget> data(String key, Object value) {
        return w -> value.equals(w.getData(key));
    }

    /** Saves a PNG of the workbench window as the X server shows it now. */
    public static Path screenshot(Shell shell, String name) {
        sleep(600); // let layouts and paints settle
        Path dir = Path.of(Osgi.property("backbench.uitests.screenshots"));
        Path file = dir.resolve(name + ".png");
        call(() -> {
            Display d = shell.getDisplay();
            while (d.readAndDispatch()) {
                // paint what is pending
            }
            shell.update();
            // Without a window manager (Xvfb) the shell's bounds include guessed decorations: the
            // window really spans from its origin to the end of its client area.
            Rectangle origin = shell.getBounds();
            Rectangle client = d.map(shell, null, shell.getClientArea());
            Rectangle b = new Rectangle(origin.x, origin.y, client.x + client.width - origin.x,
                    client.y + client.height - origin.y);
            Image image = new Image(d, b.width, b.height);
            GC gc = new GC(d);
            try {
                gc.copyArea(image, b.x, b.y);
            } finally {
                gc.dispose();
            }
            try {
                ImageData data = image.getImageData();
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] {data};
                Files.createDirectories(dir);
                loader.save(file.toString(), SWT.IMAGE_PNG);
            } catch (java.io.IOException e) {
                throw new AssertionError("cannot write " + file, e);
            } finally {
                image.dispose();
            }
            return null;
        });
        return file;
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
