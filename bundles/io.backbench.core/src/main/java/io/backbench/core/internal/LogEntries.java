package io.backbench.core.internal;

import java.time.Instant;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogLevel;

import io.backbench.core.api.LogEntry;

/** Converts OSGi log entries into ours and drops the event noise the Log Service adds. */
final class LogEntries {
    private LogEntries() {
    }

    /**
     * Returns null for entries that are not worth keeping: the Log Service logs every bundle and
     * service event ("BundleEvent STARTED", "ServiceEvent REGISTERED"), which would flood the ring,
     * and every framework event, which we take from our own FrameworkListener (except those
     * logged before we started, found in the history).
     */
    static LogEntry fromLogService(org.osgi.service.log.LogEntry e, boolean fromHistory) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("BundleEvent ") || message.startsWith("ServiceEvent ")) {
            return null;
        }
        if (message.startsWith("FrameworkEvent ")) {
            boolean problem = e.getLogLevel() == LogLevel.ERROR || e.getLogLevel() == LogLevel.WARN;
            if (!fromHistory || !problem) {
                return null;
            }
        }
        String details = LogRing.stackTrace(e.getException());
        if (message.isEmpty() && e.getException() != null) {
            message = describe(e.getException());
        }
        return new LogEntry(Instant.ofEpochMilli(e.getTime()), severity(e.getLogLevel()), source(e.getBundle()),
                message, details);
    }

    static LogEntry.Severity severity(LogLevel level) {
        return switch (level) {
            case AUDIT, ERROR -> LogEntry.Severity.ERROR;
            case WARN -> LogEntry.Severity.WARNING;
            case INFO -> LogEntry.Severity.INFO;
            default -> LogEntry.Severity.DEBUG;
        };
    }

    static String source(Bundle b) {
        if (b == null) {
            return "framework";
        }
        if (b.getBundleId() == 0) {
            return "framework";
        }
        return b.getSymbolicName() == null ? "bundle " + b.getBundleId() : b.getSymbolicName();
    }

    static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    }
}
