package io.backbench.target.api;

/** The key names no object. Not retryable. */
public class ObjectNotFoundException extends TargetException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ObjectNotFoundException(String target, String key) {
        super("no object '" + key + "' in " + target, false);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
