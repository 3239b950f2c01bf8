package io.backbench.target.api;

/** A write-once target refused to replace or delete an object it retains. Not retryable. */
public class WriteOnceException extends TargetException {
    private static final long serialVersionUID = 1L;

    public WriteOnceException(String message) {
        super(message, false);
    }
}
