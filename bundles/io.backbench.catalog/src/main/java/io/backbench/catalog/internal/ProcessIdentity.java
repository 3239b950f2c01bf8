package io.backbench.catalog.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * Who owns a running run: host, process id and the process's start time (pids are reused; the
 * start time tells a new process with an old pid apart).
 */
record ProcessIdentity(String host, long pid, long startMillis) {
    /** Start times read at different moments may differ by the kernel's tick rounding. */
    private static final long START_TOLERANCE_MS = 2000;

    static ProcessIdentity current() {
        ProcessHandle me = ProcessHandle.current();
        return new ProcessIdentity(hostName(), me.pid(), startOf(me));
    }

    static String hostName() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return env != null && !env.isBlank() ? env : "localhost";
        }
    }

    /** Whether the process that recorded {@code pid} and {@code startMillis} on this host still runs. */
    static boolean alive(long pid, long startMillis) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return false;
        }
        long start = startOf(h.get());
        return start == 0 || startMillis == 0 || Math.abs(start - startMillis) <= START_TOLERANCE_MS;
    }

    private static long startOf(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
