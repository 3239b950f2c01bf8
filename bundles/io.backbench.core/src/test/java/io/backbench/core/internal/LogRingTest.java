package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogLevel;

import io.backbench.core.api.LogEntry;
import io.backbench.core.api.LogEntry.Severity;

class LogRingTest {

    @Test
    void keepsOnlyTheNewestEntriesUpToItsCapacity() {
        LogRing ring = new LogRing(3);
        for (int i = 1; i <= 5; i++) {
            ring.add(entry("m" + i));
        }
        assertEquals(List.of("m3", "m4", "m5"), ring.entries().stream().map(LogEntry::message).toList());
    }

    @Test
    void tellsListenersOfEachNewEntryUntilRemoved() {
        LogRing ring = new LogRing(10);
        List<String> seen = new ArrayList<>();
        Consumer<LogEntry> listener = e -> seen.add(e.message());
        ring.addListener(listener);
        ring.add(entry("a"));
        ring.removeListener(listener);
        ring.add(entry("b"));
        assertEquals(List.of("a"), seen);
    }

    @Test
    void aFailingListenerDoesNotStopLoggingOrOtherListeners() {
        LogRing ring = new LogRing(10);
        List<String> seen = new ArrayList<>();
        ring.addListener(e -> {
            throw new IllegalStateException("broken view");
        });
        ring.addListener(e -> seen.add(e.message()));
        ring.add(entry("a"));
        assertEquals(List.of("a"), seen);
        assertEquals(1, ring.entries().size());
    }

    @Test
    void clearEmptiesTheRing() {
        LogRing ring = new LogRing(10);
        ring.add(entry("a"));
        ring.clear();
        assertTrue(ring.entries().isEmpty());
    }

    @Test
    void refusesAZeroCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new LogRing(0));
    }

    @Test
    void stackTraceTextNamesTheExceptionAndIsEmptyWithoutOne() {
        String text = LogRing.stackTrace(new IllegalStateException("boom"));
        assertTrue(text.startsWith("java.lang.IllegalStateException: boom"), text);
        assertTrue(text.contains("at io.backbench.core.internal.LogRingTest"), text);
        assertEquals("", LogRing.stackTrace(null));
    }

    @Test
    void logServiceEntriesKeepLevelMessageAndTrace() {
        LogEntry e = LogEntries.fromLogService(new OsgiEntry("component failed", LogLevel.WARN, new RuntimeException("x")), false);
        assertEquals(Severity.WARNING, e.severity());
        assertEquals("component failed", e.message());
        assertEquals("framework", e.source());
        assertTrue(e.details().contains("RuntimeException: x"));
        assertEquals(Instant.ofEpochMilli(1234), e.time());
    }

    @Test
    void bundleAndServiceEventNoiseIsDropped() {
        assertNull(LogEntries.fromLogService(new OsgiEntry("ServiceEvent REGISTERED", LogLevel.INFO, null), false));
        assertNull(LogEntries.fromLogService(new OsgiEntry("BundleEvent STARTED", LogLevel.INFO, null), true));
    }

    @Test
    void frameworkErrorsComeFromTheHistoryOnlySinceTheListenerReportsLiveOnes() {
        assertNull(LogEntries.fromLogService(new OsgiEntry("FrameworkEvent ERROR", LogLevel.ERROR, null), false));
        assertEquals(Severity.ERROR,
                LogEntries.fromLogService(new OsgiEntry("FrameworkEvent ERROR", LogLevel.ERROR, null), true).severity());
        assertNull(LogEntries.fromLogService(new OsgiEntry("FrameworkEvent STARTED", LogLevel.INFO, null), true));
    }

    @Test
    void levelsMapToSeverities() {
        assertEquals(Severity.ERROR, LogEntries.severity(LogLevel.AUDIT));
        assertEquals(Severity.ERROR, LogEntries.severity(LogLevel.ERROR));
        assertEquals(Severity.INFO, LogEntries.severity(LogLevel.INFO));
        assertEquals(Severity.DEBUG, LogEntries.severity(LogLevel.TRACE));
    }

    private static LogEntry entry(String message) {
        return new LogEntry(Instant.EPOCH, Severity.INFO, "test", message, "");
    }

    /** An OSGi log entry as the Log Service hands it over (a plain value here). */
    private record OsgiEntry(String getMessage, LogLevel getLogLevel, Throwable getException)
            implements org.osgi.service.log.LogEntry {
        @Override
        public Bundle getBundle() {
            return null;
        }

        @Override
        public org.osgi.framework.ServiceReference<?> getServiceReference() {
            return null;
        }

        @Override
        @SuppressWarnings("deprecation")
        public int getLevel() {
            return getLogLevel.ordinal();
        }

        @Override
        public long getTime() {
            return 1234;
        }

        @Override
        public long getSequence() {
            return 1;
        }

        @Override
        public String getLoggerName() {
            return "test";
        }

        @Override
        public String getThreadInfo() {
            return "main";
        }

        @Override
        public StackTraceElement getLocation() {
            return null;
        }
    }
}
