package io.backbench.target.tck;

import io.backbench.target.api.Capability;
import io.backbench.target.api.StorageTarget;

/** What every group of checks needs from the fixture in {@link StorageTargetContract}. */
interface TargetUnderTest {

    /** The fresh target of the running test. */
    StorageTarget target();

    boolean has(Capability capability);

    /** Closes the target, opens the same storage again, and makes that the test's target. */
    StorageTarget closeAndReopen() throws Exception;
}
