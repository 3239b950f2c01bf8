package io.backbench.target.s3.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.decorators.RetryListener;
import io.backbench.target.tck.StorageTargetContract;

/**
 * The conformance kit again, with every test's repository under its own key prefix of ONE shared
 * bucket that also holds other objects: the prefix must isolate them completely. Opened from a
 * restic-style location in the bucket setting, with the key from the environment.
 */
class PrefixedS3TargetContractTest extends StorageTargetContract {
    private static final AtomicInteger TESTS = new AtomicInteger();
    private static S3Server server;
    private static String bucket;
    private String location;

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3Server();
        bucket = S3Server.newBucketName();
        try (StorageTarget neighbour = open(server.endpoint() + "/" + bucket + "/neighbour", true)) {
            neighbour.put("config", new byte[] {1, 2, 3});
            neighbour.put("data/00/0000", new byte[] {4});
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private static StorageTarget open(String location, boolean create) throws Exception {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        return S3Server.factory(env::get, RetryListener.SYSTEM_LOGGER)
                .open(TargetSettings.of(Map.of("bucket", location, "create", Boolean.toString(create))));
    }

    @Override
    protected StorageTarget newTarget() throws Exception {
        location = server.endpoint() + "/" + bucket + "/repos/r" + TESTS.incrementAndGet();
        return open(location, false);
    }

    @Override
    protected StorageTarget reopen(StorageTarget closed) throws Exception {
        return open(location, false);
    }
}
