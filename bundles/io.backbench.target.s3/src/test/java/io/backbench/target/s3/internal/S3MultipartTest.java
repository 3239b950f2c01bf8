package io.backbench.target.s3.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.backbench.target.api.ObjectNotFoundException;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.decorators.RetryListener;
import software.amazon.awssdk.services.s3.S3Client;

/** Objects above the multipart threshold: uploaded in parts, and nothing left when one fails. */
class S3MultipartTest {
    private static final int MIB = 1024 * 1024;
    private static S3Server server;
    private static S3Client raw;

    @BeforeAll
    static void start() throws Exception {
        server = new S3Server();
        raw = RawS3.client(server.endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        raw.close();
        server.close();
    }

    private static StorageTarget open(String bucket) throws Exception {
        Map<String, String> s = S3Server.settings(server.endpoint(), bucket);
        s.put("multipart_threshold_mib", "5");
        s.put("part_size_mib", "5");
        s.put("data_storage_class", "STANDARD_IA");
        return S3Server.factory(n -> null, RetryListener.SYSTEM_LOGGER).open(TargetSettings.of(s));
    }

    private static byte[] bytes(long seed, int n) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    @Test
    void objectAboveTheThresholdIsUploadedInPartsAndReadsBackWhole() throws Exception {
        byte[] data = bytes(1, 12 * MIB + 3);
        try (StorageTarget t = open("multipart-ok")) {
            t.put("data/ab/pack", data);
            try (InputStream in = t.get("data/ab/pack")) {
                assertArrayEquals(data, in.readAllBytes());
            }
            try (InputStream in = t.get("data/ab/pack", 5 * MIB - 10, 20)) {
                assertArrayEquals(java.util.Arrays.copyOfRange(data, 5 * MIB - 10, 5 * MIB + 10), in.readAllBytes(),
                        "a range across the first part boundary");
            }
        }
        String etag = raw.headObject(b -> b.bucket("multipart-ok").key("data/ab/pack")).eTag();
        assertTrue(etag.endsWith("-3\""), "a 12 MiB object in 5 MiB parts has a 3-part ETag, got " + etag);
        assertEquals(List.of(), RawS3.openUploads(raw, "multipart-ok"));
    }

    @Test
    void failedMultipartUploadIsAbortedAndLeavesNothingVisible() throws Exception {
        byte[] head = bytes(2, 7 * MIB);
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(head)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new IOException("the source failed on purpose after 7 MiB");
                }
                return n;
            }
        };
        try (StorageTarget t = open("multipart-abort")) {
            t.put("data/cd/old", new byte[] {1});
            TargetException e = assertThrows(TargetException.class, () -> t.put("data/cd/pack", failing, 12L * MIB));
            assertTrue(e.getMessage().contains("nothing was stored"), e.getMessage());
            assertEquals(Optional.empty(), t.stat("data/cd/pack"));
            assertThrows(ObjectNotFoundException.class, () -> t.get("data/cd/pack"));
        }
        assertEquals(List.of(), RawS3.openUploads(raw, "multipart-abort"), "the failed upload must be aborted");
    }

    @Test
    void dataPacksGetTheConfiguredStorageClassAndOtherObjectsTheDefault() throws Exception {
        try (StorageTarget t = open("storage-class")) {
            t.put("data/ee/pack", new byte[100]);
            t.put("index/ee", new byte[100]);
        }
        assertEquals("STANDARD_IA", raw.headObject(b -> b.bucket("storage-class").key("data/ee/pack")).storageClassAsString());
        String index = raw.headObject(b -> b.bucket("storage-class").key("index/ee")).storageClassAsString();
        assertTrue(index == null || index.equals("STANDARD"), "index objects stay in the default class, got " + index);
    }
}
