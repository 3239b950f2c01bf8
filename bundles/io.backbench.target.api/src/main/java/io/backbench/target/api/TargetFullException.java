package io.backbench.target.api;

/**
 * The medium has no room for the object (disk full, quota, end of the last tape). Nothing of the
 * failed object is left behind. Not retryable: free space or add a volume, then run again.
 */
public class TargetFullException extends TargetException {
    private static final long serialVersionUID = 1L;

    public TargetFullException(String message, Throwable cause) {
        super(message, cause, false);
    }
}
