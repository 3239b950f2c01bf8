package io.backbench.target.disk.internal;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.tck.StorageTargetContract;

/** The disk target with fsync off keeps the same contract (only durability after a power cut differs). */
class UnsyncedDiskTargetContractTest extends StorageTargetContract {
    @TempDir
    Path dir;

    StorageTarget open() throws Exception {
        return new DiskTargetFactory().open(TargetSettings.of(Map.of("path", dir.toString(), "fsync", "false")));
    }

    @Override
    protected StorageTarget newTarget() throws Exception {
        return open();
    }

    @Override
    protected StorageTarget reopen(StorageTarget closed) throws Exception {
        return open();
    }
}
