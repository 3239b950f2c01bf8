package io.backbench.jobs.notify.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends alerts somewhere (whiteboard service). Called on Backbench's alert thread, one alert at a
 * time, never on a job's or the UI thread; may block for a few seconds (a network call), should not
 * throw (a thrown exception is logged and the next notifier is called).
 */
@ConsumerType
@FunctionalInterface
public interface Notifier {
    void send(Alert alert);
}
