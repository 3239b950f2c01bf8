package io.backbench.core.internal.lateplugin;

/** The one class of a test plugin whose component waits for a service (see ComponentWaitScrTest). */
public class LateComponent implements Runnable {
    @Override
    public void run() {
    }
}
