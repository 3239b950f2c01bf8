package io.backbench.backup.internal.backup;

/**
 * A limit on work in flight whose waiters wake in batches. Once a take would go over the limit, the
 * gate closes: takes wait until the work in flight has fallen to a lower mark, not until the next
 * unit is given back. With a semaphore, the walk (at its limit of queued files) was woken for every
 * file a reader finished, queued one more and slept again, and readers at the limit of bytes in
 * flight were woken for every chunk a saver packed: a full backup of the bench corpus made 115 000
 * voluntary and 40 000 involuntary context switches (29 000 of them the walk's sleeps), and on a
 * virtual machine each costs about 10 us of CPU. With the gates: 77 000 and 18 000 (52 000 are the
 * readers waiting for the disk), 0.4-0.6 s less CPU. Thread-safe.
 */
final class Gate {
    private final long limit;
    private final long resume;
    private long inFlight;
    /** Set when a take would go over the limit, cleared when the units in flight fall to {@code resume}. */
    private boolean closed;

    /**
     * @param limit  the most units in flight (a single take of more waits until nothing is in flight)
     * @param resume once the gate has closed at the limit, takes wait until the units in flight have
     *               fallen to this (below {@code limit})
     */
    Gate(long limit, long resume) {
        if (limit < 1 || resume < 0 || resume >= limit) {
            throw new IllegalArgumentException("limit " + limit + ", resume " + resume);
        }
        this.limit = limit;
        this.resume = resume;
    }

    /** Takes {@code n} units, first waiting while the gate is closed or they would go over the limit. */
    synchronized void take(long n) throws InterruptedException {
        while (closed || overLimit(n)) {
            if (overLimit(n)) {
                closed = true;
            }
            wait();
        }
        inFlight += n;
    }

    /** Gives back {@code n} units taken before. */
    synchronized void give(long n) {
        inFlight -= n;
        if (closed && inFlight <= resume) {
            closed = false;
            notifyAll();
        }
    }

    /** The units in flight now (for tests). */
    synchronized long inFlight() {
        return inFlight;
    }

    private boolean overLimit(long n) {
        return inFlight > 0 && inFlight + n > limit;
    }
}
