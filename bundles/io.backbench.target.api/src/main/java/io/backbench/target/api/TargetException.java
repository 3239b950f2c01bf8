package io.backbench.target.api;

import java.io.IOException;

/**
 * A storage target operation failed. The message says what happened and, where it can, what to
 * do. {@link #isRetryable()} is true only when repeating the same call may succeed.
 */
public class TargetException extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public TargetException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public TargetException(String message, boolean retryable) {
        this(message, null, retryable);
    }

    /** A failure worth repeating: network drop, throttling, a server's temporary error. */
    public static TargetException transientFailure(String message, Throwable cause) {
        return new TargetException(message, cause, true);
    }

    /** A failure that repeating will not mend: bad credentials, a missing bucket, corrupt data. */
    public static TargetException permanentFailure(String message, Throwable cause) {
        return new TargetException(message, cause, false);
    }

    public boolean isRetryable() {
        return retryable;
    }
}
