package io.backbench.target.s3.internal;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.decorators.RetryListener;
import io.backbench.target.tck.StorageTargetContract;

/**
 * The S3 target, opened through its factory (so with the retrying decorator), against the whole
 * conformance kit on s3proxy: a fresh bucket for every test, the whole bucket as the repository.
 */
class S3TargetContractTest extends StorageTargetContract {
    private static S3Server server;
    private Map<String, String> settings;

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3Server();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private StorageTarget open() throws Exception {
        return S3Server.factory(name -> null, RetryListener.SYSTEM_LOGGER).open(TargetSettings.of(settings));
    }

    @Override
    protected StorageTarget newTarget() throws Exception {
        settings = S3Server.settings(server.endpoint(), S3Server.newBucketName());
        return open();
    }

    @Override
    protected StorageTarget reopen(StorageTarget closed) throws Exception {
        return open();
    }
}
