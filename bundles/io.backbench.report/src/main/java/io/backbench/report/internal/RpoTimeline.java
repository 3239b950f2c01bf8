package io.backbench.report.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the periods in which a job's last good backup was older than its RPO. At any instant the
 * reference is the end of the latest good run before it or, before the first one, the job's start
 * (a new job has one RPO to make its first backup). The RPO is breached from reference + RPO until
 * the next good run ends.
 */
final class RpoTimeline {
    private RpoTimeline() {
    }

    /**
     * @param job       the job's name
     * @param rpo       its objective
     * @param reference the end of the last good run before {@code from}, else when the job began
     * @param goodEnds  when the good runs in the period ended, in any order
     * @param from      the period's start
     * @param to        the period's end
     */
    static List<RpoBreach> breaches(String job, Duration rpo, Instant reference, List<Instant> goodEnds, Instant from, Instant to) {
        List<Instant> ends = new ArrayList<>(goodEnds);
        ends.sort(null);
        List<RpoBreach> out = new ArrayList<>();
        Instant ref = reference;
        for (int i = 0; i <= ends.size(); i++) {
            boolean last = i == ends.size();
            Instant next = last ? to : ends.get(i);
            Instant breachStart = ref.plus(rpo);
            if (breachStart.isBefore(next)) {
                Instant s = breachStart.isBefore(from) ? from : breachStart;
                Instant e = next.isAfter(to) ? to : next;
                if (s.isBefore(e)) {
                    out.add(new RpoBreach(job, s, e, breachStart.isBefore(from), last));
                }
            }
            if (!last && next.isAfter(ref)) {
                ref = next;
            }
        }
        return out;
    }
}
