package io.backbench.catalog.api;

import java.util.Locale;

/** Where a run is. Every status but {@link #RUNNING} is final. */
public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    SUCCEEDED_WITH_WARNINGS,
    FAILED,
    CANCELLED,
    /** The process running it died (killed, crashed, power lost); marked on the next start. */
    INTERRUPTED;

    /** The name stored in the database and printed in JSON: {@code succeeded_with_warnings}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Whether the run produced what it should (a snapshot, a passed check), perhaps with warnings. */
    public boolean good() {
        return this == SUCCEEDED || this == SUCCEEDED_WITH_WARNINGS;
    }

    public boolean done() {
        return this != RUNNING;
    }
}
