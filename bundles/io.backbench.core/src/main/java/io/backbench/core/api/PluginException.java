package io.backbench.core.api;

/**
 * A plugin could not be installed, updated or removed. The message names the cause (not a bundle,
 * the requirement that is missing, ...) and the running system is left as it was.
 */
public class PluginException extends Exception {
    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
