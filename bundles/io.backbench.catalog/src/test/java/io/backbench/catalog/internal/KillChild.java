package io.backbench.catalog.internal;

import java.time.Clock;
import java.time.Instant;

import io.backbench.catalog.api.EventLevel;
import io.backbench.catalog.api.NewRun;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.RunStatus;

/**
 * The process that the SIGKILL test kills: records three finished runs and one running run, says
 * "RUNNING id" on stdout, then keeps working (writing events) until it is killed.
 */
public final class KillChild {
    private KillChild() {
    }

    public static void main(String[] args) throws Exception {
        JdbcCatalog c = JdbcCatalog.open(args[0], args[1], args[2], Clock.systemUTC());
        Instant t = Instant.parse("2026-11-01T02:00:00Z");
        for (int i = 0; i < 3; i++) {
            Run r = c.startRun(new NewRun(null, "earlier " + i, "backup", "/repo", t.plusSeconds(3600L * i)));
            c.event(r.id(), EventLevel.INFO, "done " + i);
            c.finishRun(r.id(), RunStatus.SUCCEEDED, t.plusSeconds(3600L * i + 60),
                    new RunMetrics(2000 + i, 1000 + i, 100 + i, 50 + i, 10 + i, 10, 16.5, "ab".repeat(32), 5000, "ok " + i), "");
        }
        Run running = c.startRun(new NewRun(null, "killed mid-run", "backup", "/repo", Instant.now()));
        c.event(running.id(), EventLevel.INFO, "started");
        System.out.println("RUNNING " + running.id());
        System.out.flush();
        for (int i = 0; ; i++) {
            Thread.sleep(50);
            c.event(running.id(), EventLevel.INFO, "still working " + i);
        }
    }
}
