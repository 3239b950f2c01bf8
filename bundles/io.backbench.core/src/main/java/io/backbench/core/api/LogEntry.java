package io.backbench.core.api;

import java.time.Instant;

/**
 * One entry of the framework's log.
 *
 * @param time     when it was logged
 * @param severity how bad
 * @param source   the bundle's symbolic name, or "framework"
 * @param message  the text
 * @param details  a stack trace or other detail, or ""
 */
public record LogEntry(Instant time, Severity severity, String source, String message, String details) {

    public enum Severity { ERROR, WARNING, INFO, DEBUG }
}
