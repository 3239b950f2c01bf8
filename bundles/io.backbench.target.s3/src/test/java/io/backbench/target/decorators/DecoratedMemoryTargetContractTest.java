package io.backbench.target.decorators;

import java.time.Duration;

import org.junit.jupiter.api.Nested;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.memory.MemoryTarget;
import io.backbench.target.tck.StorageTargetContract;

/** The decorators keep the contract: the whole kit through them, around the in-memory target. */
class DecoratedMemoryTargetContractTest {
    private static final RetryPolicy QUICK = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(10));

    @Nested
    class RetryingAndRateLimited extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new RetryingTarget(new RateLimitedTarget(new MemoryTarget("memory"), 512L << 20, 512L << 20),
                    QUICK, RetryListener.SYSTEM_LOGGER);
        }
    }

    /** Every put that is not mark/reset-able goes through a temporary file. */
    @Nested
    class RetryingWithSpoolingToAFile extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new RetryingTarget(new MemoryTarget("memory"), QUICK, RetryListener.SYSTEM_LOGGER, 0);
        }
    }

    @Nested
    class RetryingWriteOnce extends StorageTargetContract {
        @Override
        protected StorageTarget newTarget() {
            return new RetryingTarget(MemoryTarget.writeOnce("worm"), QUICK, RetryListener.SYSTEM_LOGGER);
        }
    }
}
