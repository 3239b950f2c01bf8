package io.backbench.catalog.api;

/** The weight of one line of a run's event log. */
public enum EventLevel {
    INFO, WARNING, ERROR
}
