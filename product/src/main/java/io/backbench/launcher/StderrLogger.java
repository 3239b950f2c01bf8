package io.backbench.launcher;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The framework's own messages go to stderr with a "backbench:" prefix; Felix's default logger
 * prints to stdout, which would corrupt the output of CLI commands such as {@code --json}.
 */
final class StderrLogger extends Logger {

    @Override
    protected void doLog(Bundle bundle, @SuppressWarnings("rawtypes") ServiceReference sr, int level, String msg,
                         Throwable throwable) {
        StringBuilder line = new StringBuilder("backbench: framework ").append(levelName(level)).append(": ");
        if (bundle != null) {
            line.append('[').append(bundle.getSymbolicName()).append("] ");
        }
        line.append(msg);
        if (throwable != null) {
            line.append(" (").append(throwable).append(')');
        }
        System.err.println(line);
    }

    private static String levelName(int level) {
        switch (level) {
            case LOG_ERROR: return "error";
            case LOG_WARNING: return "warning";
            case LOG_INFO: return "info";
            default: return "debug";
        }
    }
}
