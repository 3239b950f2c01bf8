package io.backbench.core.api;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The recent entries of the framework's log (OSGi Log Service entries and framework errors and
 * warnings), for the Error Log view. Keeps a bounded number, newest last. Thread-safe.
 */
@ProviderType
public interface LogStore {

    List<LogEntry> entries();

    /** Called on the logging thread for each new entry; must return quickly. */
    void addListener(Consumer<LogEntry> listener);

    void removeListener(Consumer<LogEntry> listener);

    void clear();
}
