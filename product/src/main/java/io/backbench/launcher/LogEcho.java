package io.backbench.launcher;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Echoes Log Service entries of level WARN and worse (SCR's component errors, bundles' own
 * warnings) to stderr, so a headless server or a CLI call shows them; the rest stays in the log
 * (and the Error Log view). The launcher is outside the framework and does not see the Log API
 * classes, so the listener is a proxy of the LogListener interface of the bundle providing the log.
 */
final class LogEcho {

    static final String LOG_READER = "org.osgi.service.log.LogReaderService";
    /** OSGi Log Service levels (LogService.LOG_WARNING = 2); lower is worse. */
    static final int WARNING = 2;

    private LogEcho() {
    }

    /** Prints the entries logged so far, then every new one; false when there is no log service. */
    static boolean start(BundleContext context, PrintStream err) {
        ServiceReference<?> ref = context.getServiceReference(LOG_READER);
        if (ref == null || ref.getBundle() == null) {
            return false;
        }
        Object reader = context.getService(ref);
        try {
            Bundle provider = ref.getBundle();
            Class<?> readerType = provider.loadClass(LOG_READER);
            Class<?> listenerType = provider.loadClass("org.osgi.service.log.LogListener");
            Class<?> entryType = provider.loadClass("org.osgi.service.log.LogEntry");
            long since = System.currentTimeMillis();
            Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            // called on the log service's delivery thread
                            case "logged": echo(entryType, args[0], err); return null;
                            case "hashCode": return System.identityHashCode(proxy);
                            case "equals": return proxy == args[0];
                            default: return "backbench log echo";
                        }
                    });
            readerType.getMethod("addLogListener", listenerType).invoke(reader, listener);
            List<Object> backlog = new ArrayList<>(Collections.list(
                    (Enumeration<?>) readerType.getMethod("getLog").invoke(reader)));
            Collections.reverse(backlog); // getLog is newest first
            for (Object entry : backlog) {
                if ((Long) call(entryType, entry, "getTime") < since) {
                    echo(entryType, entry, err);
                }
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            err.println("backbench: cannot show the framework log on stderr: " + e);
            return false;
        }
    }

    private static void echo(Class<?> entryType, Object entry, PrintStream err) {
        try {
            int level = (Integer) call(entryType, entry, "getLevel");
            if (level > WARNING) {
                return;
            }
            Bundle bundle = (Bundle) call(entryType, entry, "getBundle");
            Object exception = call(entryType, entry, "getException");
            err.println("backbench: log " + (level <= 1 ? "error" : "warning") + " ["
                    + (bundle == null ? "framework" : bundle.getSymbolicName()) + "] " + call(entryType, entry, "getMessage")
                    + (exception == null ? "" : " (" + exception + ")"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            err.println("backbench: unreadable log entry: " + e);
        }
    }

    /** Through the public interface: the implementation class is private to its bundle. */
    private static Object call(Class<?> type, Object target, String name) throws ReflectiveOperationException {
        Method method = type.getMethod(name);
        return method.invoke(target);
    }
}
