package io.backbench.imaging.api;

import java.io.IOException;

/** Imaging, restore or verification failed; the message says what happened and what to do. */
public class ImagingException extends IOException {
    private static final long serialVersionUID = 1L;

    public ImagingException(String message) {
        super(message);
    }

    public ImagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
