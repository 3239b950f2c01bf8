package io.backbench.target.tape.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.tck.StorageTargetContract;

/**
 * The tape target on a virtual library against the whole conformance kit. It declares only
 * PERSISTENT: reads wind the tape (no RANDOM_ACCESS), one drive serialises (no CONCURRENT_ACCESS),
 * and deletes free no space (no DELETE; the logical delete has its own tests).
 */
class VirtualTapeContractTest extends StorageTargetContract {
    @TempDir
    Path dir;
    VirtualTapes tapes;

    @Override
    protected StorageTarget newTarget() throws Exception {
        tapes = new VirtualTapes(dir, "VOL001,VOL002,VOL003", 64, 64);
        return tapes.open();
    }

    @Override
    protected StorageTarget reopen(StorageTarget closed) throws Exception {
        return tapes.open();
    }
}
