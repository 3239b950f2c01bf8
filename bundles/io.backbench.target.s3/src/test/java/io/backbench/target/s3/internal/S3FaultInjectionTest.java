package io.backbench.target.s3.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.decorators.RetryListener;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 target through {@link FaultyProxy}: 500s, 503s and uploads cut halfway. Every put still
 * succeeds, every object reads back intact, every fault shows up as a logged retry, and no aborted
 * multipart upload is left open.
 */
class S3FaultInjectionTest {

    private static byte[] bytes(long seed, int n) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    @Test
    void putsAndGetsSucceedThroughServerErrorsAndCutUploadsAndEveryRetryIsLogged() throws Exception {
        try (S3Server server = new S3Server();
             FaultyProxy proxy = new FaultyProxy(server.port(), 0.15, 0.2, 42);
             S3Client raw = RawS3.client(server.endpoint())) {
            List<String> retries = Collections.synchronizedList(new ArrayList<>());
            RetryListener log = (target, op, attempt, delay, cause) -> {
                retries.add(RetryListener.describe(target, op, attempt, delay, cause));
                RetryListener.SYSTEM_LOGGER.retrying(target, op, attempt, delay, cause);
            };
            Map<String, String> settings = S3Server.settings(proxy.endpoint(), "faulty");
            settings.put("max_attempts", "20");
            settings.put("multipart_threshold_mib", "5");
            settings.put("part_size_mib", "5");
            Map<String, byte[]> written = new TreeMap<>();
            try (StorageTarget target = S3Server.factory(name -> null, log).open(TargetSettings.of(settings))) {
                for (int i = 0; i < 40; i++) {
                    byte[] data = bytes(i, 1000 + i * 7919);
                    String key = "data/" + String.format("%02x", i) + "/pack" + i;
                    target.put(key, data);
                    written.put(key, data);
                }
                byte[] big = bytes(99, 12 * 1024 * 1024 + 5);
                target.put("data/ff/big", big);
                written.put("data/ff/big", big);

                for (Map.Entry<String, byte[]> e : written.entrySet()) {
                    try (InputStream in = target.get(e.getKey())) {
                        assertArrayEquals(e.getValue(), in.readAllBytes(), e.getKey());
                    }
                }
                Map<String, Long> listed = new TreeMap<>();
                target.list("data/", info -> listed.put(info.key(), info.size()));
                Map<String, Long> expected = new TreeMap<>();
                written.forEach((k, v) -> expected.put(k, (long) v.length));
                assertEquals(expected, listed);
            }
            assertTrue(proxy.answered500.get() > 0, "the proxy answered no request with 500");
            assertTrue(proxy.answered503.get() > 0, "the proxy answered no request with 503");
            assertTrue(proxy.uploadsCut.get() > 0, "the proxy cut no upload");
            assertTrue(retries.size() >= proxy.faultsInjected() - 3, retries.size() + " retries logged for "
                    + proxy.faultsInjected() + " faults (at most 3 may hit multipart aborts, which are not logged)");
            assertTrue(retries.stream().anyMatch(r -> r.contains("HTTP 503 SlowDown")), "a 503 retry in the log");
            assertTrue(retries.stream().anyMatch(r -> r.contains("HTTP 500 InternalError")), "a 500 retry in the log");
            assertTrue(retries.stream().anyMatch(r -> r.contains("connection")), "a dropped connection in the log");
            assertEquals(List.of(), RawS3.openUploads(raw, "faulty"), "failed multipart uploads must be aborted");
        }
    }

    @Test
    void givesUpWithTheLastFailureOnceTheAttemptsAreUsedUp() throws Exception {
        try (S3Server server = new S3Server(); FaultyProxy proxy = new FaultyProxy(server.port(), 0.0, 0.0, 1)) {
            Map<String, String> settings = S3Server.settings(proxy.endpoint(), "gives-up");
            settings.put("max_attempts", "3");
            List<String> retries = Collections.synchronizedList(new ArrayList<>());
            try (StorageTarget target = S3Server.factory(name -> null,
                    (t, op, a, d, c) -> retries.add(op)).open(TargetSettings.of(settings))) {
                proxy.failEverything();
                TargetException e = org.junit.jupiter.api.Assertions.assertThrows(TargetException.class,
                        () -> target.put("config", new byte[] {1}));
                assertTrue(e.getMessage().contains("failed 3 times") && e.getMessage().contains("HTTP 50"), e.getMessage());
                assertTrue(e.isRetryable(), "the last failure was a retryable one");
                assertEquals(List.of("put config", "put config"), retries);
            }
        }
    }

}
