package io.backbench.ui.workbench.internal;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;

/**
 * The UI thread: creates the Display, opens the window, runs the event loop. When the user closes
 * the window the framework is stopped (so the launcher exits); when the framework or this bundle
 * stops first, {@link #shutdown()} closes the window without stopping anything else.
 */
final class WorkbenchRunner {

    static final String THREAD_NAME = "backbench-ui";
    /**
     * Set to "1" (a JVM system property: the launcher runs outside the framework) when the window
     * failed, before the framework is stopped, so that the launcher exits 1 instead of 0.
     */
    static final String EXIT_STATUS_PROPERTY = "backbench.exit.status";

    private final WorkbenchServices services;
    private final Contributions contributions;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile Display display;
    private volatile WorkbenchWindow window;
    private volatile boolean shuttingDown;
    /** The {@link OpenWorkbench} service while the window is open; set and cleared on the UI thread. */
    private ServiceRegistration<OpenWorkbench> registration;

    WorkbenchRunner(WorkbenchServices services, Contributions contributions) {
        this.services = services;
        this.contributions = contributions;
    }

    void start() {
        Thread thread = new Thread(this::run, THREAD_NAME);
        // daemon: a stuck event loop must never keep the JVM alive after the framework stopped
        thread.setDaemon(true);
        thread.start();
    }

    /** Called on an OSGi thread (component deactivation). Closes the window and waits for the loop. */
    void shutdown() {
        shuttingDown = true;
        Display d = display;
        if (d != null) {
            try {
                d.asyncExec(() -> {
                    WorkbenchWindow w = window;
                    if (w != null) {
                        w.close();
                    }
                });
                d.wake();
            } catch (SWTException alreadyDisposed) {
                // the loop has ended already
            }
        }
        try {
            if (!finished.await(15, TimeUnit.SECONDS)) {
                services.log().warn("the workbench window did not close within 15 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            Display.setAppName("Backbench");
            display = new Display();
            contributions.setListener(this::contributionsChanged);
            window = new WorkbenchWindow(services, contributions);
            window.open();
            while (display.readAndDispatch()) {
                // let the window paint once before saying it is open
            }
            System.out.println("backbench: workbench window open after "
                    + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
            System.out.flush();
            Shell shell = window.getShell();
            registration = services.context().registerService(OpenWorkbench.class, openWorkbench(), null);
            while (shell != null && !shell.isDisposed() && !shuttingDown) {
                dispatchOnce();
            }
            if (window.getShell() != null && !window.getShell().isDisposed()) {
                window.close();
            }
        } catch (Throwable t) {
            System.setProperty(EXIT_STATUS_PROPERTY, "1");
            services.log().error("the workbench window failed: {}", t.toString(), t);
            System.err.println("backbench: the workbench window failed: " + t.getMessage()
                    + (display == null ? " (is there a display? set DISPLAY, or start with --headless)" : ""));
        } finally {
            unregisterOpenWorkbench();
            contributions.setListener(null);
            window = null;
            Display d = display;
            if (d != null && !d.isDisposed()) {
                d.dispose();
            }
            display = null;
            finished.countDown();
            if (!shuttingDown) {
                stopFramework();
            }
        }
    }

    private OpenWorkbench openWorkbench() {
        Display d = display;
        WorkbenchWindow w = window;
        return new OpenWorkbench() {
            @Override
            public Display display() {
                return d;
            }

            @Override
            public Shell shell() {
                return w.getShell();
            }

            @Override
            public void setStatus(String message) {
                w.setStatus(message);
            }

            @Override
            public org.osgi.service.log.Logger log() {
                return services.log();
            }
        };
    }

    private void unregisterOpenWorkbench() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException bundleStoppedFirst) {
                // the framework took the registration down already
            }
            registration = null;
        }
    }

    /** One turn of the event loop. A failing listener is logged; it must not close the window. */
    private void dispatchOnce() {
        try {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        } catch (RuntimeException | LinkageError e) {
            services.log().error("unhandled error on the UI thread: {}", e.toString(), e);
        }
    }

    /** Called on OSGi threads; coalesces bursts of service changes into one UI refresh. */
    private void contributionsChanged() {
        Display d = display;
        if (d == null || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            d.asyncExec(() -> {
                refreshQueued.set(false);
                WorkbenchWindow w = window;
                if (w != null) {
                    w.refreshContributions();
                }
            });
        } catch (SWTException disposed) {
            refreshQueued.set(false);
        }
    }

    /** The user closed the window: stop the framework from another thread (never block the UI loop). */
    private void stopFramework() {
        Thread stopper = new Thread(() -> {
            try {
                services.context().getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                services.log().error("could not stop the framework after the window closed", e);
            }
        }, "backbench-exit");
        stopper.start();
    }
}
