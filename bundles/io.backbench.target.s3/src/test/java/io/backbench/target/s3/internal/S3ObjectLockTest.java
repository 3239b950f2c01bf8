package io.backbench.target.s3.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.decorators.RetryListener;

/**
 * Object lock against s3proxy, which does not implement it (no object-lock configuration, no
 * retention headers): the target must refuse to open rather than pretend to protect anything.
 */
class S3ObjectLockTest {

    @Test
    void refusesToOpenWithObjectLockOnAServerWithoutIt() throws Exception {
        try (S3Server server = new S3Server()) {
            Map<String, String> s = S3Server.settings(server.endpoint(), "locked");
            s.put("object_lock", "compliance");
            s.put("retention_days", "7");
            TargetException e = assertThrows(TargetException.class,
                    () -> S3Server.factory(n -> null, RetryListener.SYSTEM_LOGGER).open(TargetSettings.of(s)));
            assertTrue(e.getMessage().contains("object_lock") && e.getMessage().contains("off"), e.getMessage());
            assertTrue(!e.isRetryable(), "a server without object lock is no passing trouble");
        }
    }

    @Test
    void refusesToOpenWithObjectLockOnAnExistingBucketWithoutIt() throws Exception {
        try (S3Server server = new S3Server();
             software.amazon.awssdk.services.s3.S3Client raw = RawS3.client(server.endpoint())) {
            raw.createBucket(b -> b.bucket("plain"));
            Map<String, String> s = S3Server.settings(server.endpoint(), "plain");
            s.put("create", "false");
            s.put("object_lock", "governance");
            TargetException e = assertThrows(TargetException.class,
                    () -> S3Server.factory(n -> null, RetryListener.SYSTEM_LOGGER).open(TargetSettings.of(s)));
            assertTrue(e.getMessage().contains("object_lock") && e.getMessage().contains("off"), e.getMessage());
            assertTrue(!e.isRetryable(), e.getMessage());
        }
    }

    @Test
    void rejectsAnUnknownLockModeNamingTheSetting() {
        TargetException e = assertThrows(TargetException.class, () -> S3Settings.parse(TargetSettings.of(
                Map.of("bucket", "b-1", "object_lock", "forever"))));
        assertTrue(e.getMessage().contains("'object_lock' must be off, governance or compliance"), e.getMessage());
    }
}
