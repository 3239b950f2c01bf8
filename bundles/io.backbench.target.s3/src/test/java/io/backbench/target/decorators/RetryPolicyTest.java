package io.backbench.target.decorators;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void waitsAreRandomButNeverAboveTheDoublingCapOrTheMaximum() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        long[] caps = {100, 200, 400, 800, 1000, 1000, 1000};
        for (int attempt = 1; attempt <= caps.length; attempt++) {
            long max = 0;
            for (int i = 0; i < 2000; i++) {
                long d = p.delayAfter(attempt).toMillis();
                assertTrue(d >= 0 && d <= caps[attempt - 1], "attempt " + attempt + " waited " + d);
                max = Math.max(max, d);
            }
            assertTrue(max > caps[attempt - 1] / 2, "jitter should spread over the whole range, max " + max);
        }
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
