package io.backbench.sample.target;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.tck.StorageTargetContract;

/** The sample target against the whole storage target contract, opened through its factory. */
class SampleFolderTargetContractTest extends StorageTargetContract {
    @TempDir
    Path dir;

    @Override
    protected StorageTarget newTarget() throws Exception {
        return open();
    }

    @Override
    protected StorageTarget reopen(StorageTarget closed) throws Exception {
        return open();
    }

    private StorageTarget open() throws Exception {
        return new SampleTargetFactory().open(TargetSettings.of("folder", dir.resolve("objects").toString()));
    }
}
