package io.backbench.target.s3.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.backbench.target.api.Capability;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.api.WriteOnceException;
import io.backbench.target.decorators.RetryListener;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Object lock end to end, against s3proxy behind {@link ObjectLockFront}, which implements S3's
 * documented object-lock behaviour that s3proxy lacks (see its comment for why this one part of the
 * server is emulated). With object lock on, every object is put with its retention and a checksum,
 * and a locked pack can be neither deleted nor replaced: not by the target, and not by a raw client
 * with the same credentials.
 */
class S3ObjectLockFrontTest {
    private S3Server server;
    private ObjectLockFront front;

    @BeforeEach
    void start() throws Exception {
        server = new S3Server(false);
        front = new ObjectLockFront(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        front.close();
        server.close();
    }

    private Map<String, String> locked(String bucket, String mode, String days) {
        Map<String, String> s = S3Server.settings(front.endpoint(), bucket);
        s.put("object_lock", mode);
        s.put("retention_days", days);
        s.put("multipart_threshold_mib", "5");
        s.put("part_size_mib", "5");
        return s;
    }

    private StorageTarget open(Map<String, String> settings) throws TargetException {
        return S3Server.factory(n -> null, RetryListener.SYSTEM_LOGGER).open(TargetSettings.of(settings));
    }

    @Test
    void createsALockedBucketAndSaysTheTargetIsWriteOnce() throws Exception {
        try (StorageTarget target = open(locked("vault", "compliance", "7"))) {
            assertTrue(target.capabilities().contains(Capability.WRITE_ONCE), target.capabilities().toString());
            assertFalse(target.capabilities().contains(Capability.DELETE), target.capabilities().toString());
        }
    }

    @Test
    void putsEveryObjectWithItsRetentionAndAChecksum() throws Exception {
        byte[] big = new byte[11 * 1024 * 1024 + 3];
        new SplittableRandom(5).nextBytes(big);
        Instant before = Instant.now();
        try (StorageTarget target = open(locked("vault", "compliance", "7"))) {
            target.put("data/ab/ab01", new byte[] {1, 2, 3});
            target.put("data/cd/cd02", big);
            try (var in = target.get("data/cd/cd02")) {
                assertArrayEquals(big, in.readAllBytes());
            }
        }
        Instant after = Instant.now();
        List<ObjectLockFront.LockedPut> puts = List.copyOf(front.puts);
        ObjectLockFront.LockedPut single = puts.stream().filter(p -> p.key().endsWith("data/ab/ab01")).findFirst().orElseThrow();
        assertEquals("COMPLIANCE", single.mode());
        assertTrue(single.contentMd5(), "an object-lock PUT needs a checksum");
        assertTrue(!single.retainUntil().isBefore(before.plus(Duration.ofDays(7)).minusSeconds(1))
                && !single.retainUntil().isAfter(after.plus(Duration.ofDays(7)).plusSeconds(1)), single.toString());
        List<ObjectLockFront.LockedPut> parts = puts.stream().filter(p -> p.key().endsWith("data/cd/cd02")).toList();
        assertEquals(3, parts.size(), "11 MiB in parts of 5 MiB: " + parts);
        assertTrue(parts.stream().allMatch(ObjectLockFront.LockedPut::contentMd5), parts.toString());
    }

    @Test
    void deletingALockedPackFailsAndThePackStays() throws Exception {
        byte[] pack = {9, 8, 7, 6};
        try (StorageTarget target = open(locked("vault", "governance", "30"))) {
            target.put("data/ab/ab01", pack);
            WriteOnceException e = assertThrows(WriteOnceException.class, () -> target.delete("data/ab/ab01"));
            assertTrue(e.getMessage().contains("retained by object lock until"), e.getMessage());
            assertTrue(target.stat("data/ab/ab01").isPresent(), "the locked pack must still be there");
        }
        // a stolen key gets no further: the server itself refuses
        try (S3Client raw = RawS3.client(front.endpoint())) {
            AwsServiceException refused = assertThrows(AwsServiceException.class,
                    () -> raw.deleteObject(b -> b.bucket("vault").key("data/ab/ab01")));
            assertEquals(403, refused.statusCode());
            assertEquals("AccessDenied", refused.awsErrorDetails().errorCode());
        }
        try (S3Client direct = RawS3.client(server.endpoint())) {
            assertArrayEquals(pack, direct.getObjectAsBytes(b -> b.bucket("vault").key("data/ab/ab01")).asByteArray());
        }
    }

    @Test
    void refusesToReplaceALockedObject() throws Exception {
        try (StorageTarget target = open(locked("vault", "compliance", "1"))) {
            target.put("keys/k1", new byte[] {1});
            assertThrows(WriteOnceException.class, () -> target.put("keys/k1", new byte[] {2}));
            try (var in = target.get("keys/k1")) {
                assertArrayEquals(new byte[] {1}, in.readAllBytes());
            }
        }
    }

    @Test
    void aServerSideRefusalOfADeleteIsAWriteOnceFailure() throws Exception {
        try (S3Client raw = RawS3.client(front.endpoint())) {
            raw.createBucket(b -> b.bucket("vault").objectLockEnabledForBucket(true));
            raw.putObject(b -> b.bucket("vault").key("data/ef/ef03").contentMD5(Bodies.md5(new byte[] {5}, 1))
                            .objectLockMode("COMPLIANCE").objectLockRetainUntilDate(Instant.now().plus(Duration.ofDays(2))),
                    RequestBody.fromBytes(new byte[] {5}));
        }
        // the target's own check is bypassed (object lock off in its settings): the server still refuses
        Map<String, String> s = S3Server.settings(front.endpoint(), "vault");
        try (StorageTarget target = open(s)) {
            WriteOnceException e = assertThrows(WriteOnceException.class, () -> target.delete("data/ef/ef03"));
            assertTrue(e.getMessage().contains("object-lock retention") && e.getMessage().contains("HTTP 403"), e.getMessage());
            assertTrue(target.stat("data/ef/ef03").isPresent());
        }
    }

    @Test
    void refusesABucketWithoutObjectLockSayingWhatToDo() throws Exception {
        try (S3Client raw = RawS3.client(front.endpoint())) {
            raw.createBucket(b -> b.bucket("plain"));
        }
        Map<String, String> s = locked("plain", "governance", "7");
        s.put("create", "false");
        TargetException e = assertThrows(TargetException.class, () -> open(s));
        assertTrue(e.getMessage().contains("the bucket 'plain' has no object lock") && e.getMessage().contains("'object_lock' to off"),
                e.getMessage());
        assertFalse(e.isRetryable());
    }
}
