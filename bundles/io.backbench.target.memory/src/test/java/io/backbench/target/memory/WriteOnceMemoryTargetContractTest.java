package io.backbench.target.memory;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.tck.StorageTargetContract;

/** The in-memory target's write-once mode against the contract, including the refusal checks. */
class WriteOnceMemoryTargetContractTest extends StorageTargetContract {
    @Override
    protected StorageTarget newTarget() {
        return MemoryTarget.writeOnce("worm");
    }
}
