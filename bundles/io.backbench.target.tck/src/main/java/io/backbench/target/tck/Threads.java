package io.backbench.target.tck;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for the checks' helper threads, with failures surfacing as they were thrown. */
final class Threads {
    private Threads() {
    }

    /** The future's result; its failure rethrown unwrapped; a hang reported as a failure. */
    static <T> T await(Future<T> future, String what) throws Exception {
        try {
            return future.get(Streams.WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw e;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError(what + " did not finish within " + Streams.WAIT_SECONDS
                    + " s: the target seems to hang or deadlock", e);
        }
    }
}
