package io.backbench.target.memory;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.tck.StorageTargetContract;

/** The in-memory target against the whole storage target contract. */
class MemoryTargetContractTest extends StorageTargetContract {
    @Override
    protected StorageTarget newTarget() {
        return new MemoryTarget("contract");
    }
}
