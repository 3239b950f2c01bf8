package io.backbench.launcher;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Calls the {@code io.backbench.cli.api.CommandLine} service from outside the framework. The
 * launcher does not see the bundle's classes, so it loads the interface through the bundle that
 * registered the service and calls {@code run(String[], PrintStream, PrintStream)} reflectively.
 */
final class CommandLineCall {

    static final String COMMAND_LINE = "io.backbench.cli.api.CommandLine";

    private final BundleContext context;

    CommandLineCall(BundleContext context) {
        this.context = context;
    }

    /** Runs the command; -1 when the service did not appear within {@code timeout}. */
    int run(String[] args, PrintStream out, PrintStream err, Duration timeout) throws InterruptedException {
        Object commandLine = waitFor(COMMAND_LINE, timeout);
        if (commandLine == null) {
            return -1;
        }
        try {
            Method run = loadApi(commandLine, COMMAND_LINE)
                    .getMethod("run", String[].class, PrintStream.class, PrintStream.class);
            return (Integer) run.invoke(commandLine, args, out, err);
        } catch (InvocationTargetException e) {
            err.println("backbench: the command failed unexpectedly: " + rootCause(e));
            e.getCause().printStackTrace(err);
            return 1;
        } catch (ReflectiveOperationException | ClassCastException e) {
            err.println("backbench: the command line service does not match the launcher's contract "
                    + "(int run(String[], PrintStream, PrintStream)): " + e);
            return 1;
        }
    }

    private Object waitFor(String objectClass, Duration timeout) throws InterruptedException {
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(context,
                    FrameworkUtil.createFilter("(objectClass=" + objectClass + ")"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open(true);
        // the tracker stays open: the service must not be released while the command runs
        return tracker.waitForService(timeout.toMillis());
    }

    private Class<?> loadApi(Object service, String name) throws ClassNotFoundException {
        ServiceReference<?> ref = context.getServiceReference(name);
        if (ref != null && ref.getBundle() != null) {
            return ref.getBundle().loadClass(name);
        }
        return Class.forName(name, false, service.getClass().getClassLoader());
    }

    private static String rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.toString();
    }
}
