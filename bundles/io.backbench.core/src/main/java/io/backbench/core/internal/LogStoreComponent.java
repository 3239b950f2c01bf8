package io.backbench.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

import io.backbench.core.api.LogEntry;
import io.backbench.core.api.LogStore;

/**
 * Collects framework errors/warnings/infos (FrameworkListener) and OSGi Log Service entries
 * (LogReaderService, from org.apache.felix.log) into a ring. Entries arrive on the framework's
 * event thread or the log service's delivery thread.
 */
@Component(service = LogStore.class, immediate = true)
public class LogStoreComponent implements LogStore, FrameworkListener {

    private final LogRing ring = new LogRing(LogRing.DEFAULT_CAPACITY);
    private final Map<LogReaderService, LogListener> readers = new ConcurrentHashMap<>();
    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        context.addFrameworkListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(this);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReader(LogReaderService reader) {
        // the reader keeps a short history (newest first): take what was logged before we came
        List<org.osgi.service.log.LogEntry> history = new ArrayList<>();
        for (Enumeration<org.osgi.service.log.LogEntry> e = reader.getLog(); e.hasMoreElements(); ) {
            history.add(e.nextElement());
        }
        Collections.reverse(history);
        for (org.osgi.service.log.LogEntry entry : history) {
            LogEntry converted = LogEntries.fromLogService(entry, true);
            if (converted != null) {
                ring.add(converted);
            }
        }
        LogListener listener = entry -> {
            LogEntry converted = LogEntries.fromLogService(entry, false);
            if (converted != null) {
                ring.add(converted);
            }
        };
        readers.put(reader, listener);
        reader.addLogListener(listener);
    }

    void removeReader(LogReaderService reader) {
        LogListener listener = readers.remove(reader);
        if (listener != null) {
            reader.removeLogListener(listener);
        }
    }

    @Override
    public void frameworkEvent(FrameworkEvent event) {
        LogEntry.Severity severity = switch (event.getType()) {
            case FrameworkEvent.ERROR -> LogEntry.Severity.ERROR;
            case FrameworkEvent.WARNING -> LogEntry.Severity.WARNING;
            case FrameworkEvent.INFO -> LogEntry.Severity.INFO;
            default -> null;
        };
        if (severity == null) {
            return;
        }
        Throwable t = event.getThrowable();
        String message = t == null ? "framework " + severity.name().toLowerCase() : LogEntries.describe(t);
        ring.add(new LogEntry(Instant.now(), severity, LogEntries.source(event.getBundle()), message,
                LogRing.stackTrace(t)));
    }

    @Override
    public List<LogEntry> entries() {
        return ring.entries();
    }

    @Override
    public void addListener(Consumer<LogEntry> listener) {
        ring.addListener(listener);
    }

    @Override
    public void removeListener(Consumer<LogEntry> listener) {
        ring.removeListener(listener);
    }

    @Override
    public void clear() {
        ring.clear();
    }
}
