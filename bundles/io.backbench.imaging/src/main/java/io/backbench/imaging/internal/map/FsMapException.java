package io.backbench.imaging.internal.map;

import java.io.IOException;

/** A filesystem's allocation structures are not what its format says; the caller then reads it whole. */
public final class FsMapException extends IOException {
    private static final long serialVersionUID = 1L;

    public FsMapException(String message) {
        super(message);
    }
}
