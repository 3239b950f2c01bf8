package io.backbench.launcher;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT stop the framework cleanly and let main return 0. Without a handler the JVM
 * would run the shutdown hook and still exit with 143/130, which service managers read as a failure.
 */
final class Signals {

    private Signals() {
    }

    static void stopFrameworkOn(Shutdown shutdown) {
        for (String name : new String[] {"TERM", "INT"}) {
            // the handler runs on a JVM signal thread: just ask for the stop, main does the rest
            Signal.handle(new Signal(name), signal -> shutdown.requestStop());
        }
    }
}
