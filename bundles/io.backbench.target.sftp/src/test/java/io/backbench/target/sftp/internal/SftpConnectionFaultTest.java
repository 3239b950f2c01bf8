package io.backbench.target.sftp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

/**
 * The server goes away in the middle of a transfer (stopped at once, every session cut, as a crash
 * or reboot would): the transfer fails with a retryable error, nothing half-written becomes visible,
 * and once the server is back the same target works again on fresh sessions.
 */
class SftpConnectionFaultTest {
    @TempDir
    Path dir;
    private SftpServer server;
    private StorageTarget target;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws Exception {
        server = new SftpServer(dir.resolve("served"), dir.resolve("host-key"));
        Map<String, String> s = server.passwordSettings("/repo");
        s.put("connections", "3");
        target = new SftpTargetFactory().open(TargetSettings.of(s));
    }

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        target.close();
        server.close();
    }

    private static byte[] bytes(int seed, int n) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    @Test
    void aServerStoppedDuringAPutGivesARetryableErrorAndThePoolRecovers() throws Exception {
        target.put("before", bytes(1, 1000)); // a pooled session that the stop will kill
        byte[] data = bytes(2, 3_000_000);
        Gate gate = new Gate(data, 1_000_000);
        Future<?> put = pool.submit(() -> {
            target.put("data/ab/abcdef", gate, data.length);
            return null;
        });
        assertTrue(gate.headRead.await(30, TimeUnit.SECONDS), "the put never read its data");
        server.stop();
        gate.open.countDown();
        ExecutionException e = assertThrows(ExecutionException.class, () -> put.get(60, TimeUnit.SECONDS));
        TargetException failure = assertInstanceOfTarget(e.getCause());
        assertTrue(failure.isRetryable(), "a dropped connection must be retryable: " + failure.getMessage());

        server.restart();
        assertEquals(Optional.empty(), target.stat("data/ab/abcdef"), "nothing of the cut put may be visible");
        target.put("data/ab/abcdef", data); // the retry a retrying caller would make
        assertArrayEquals(data, read("data/ab/abcdef"));
        assertEquals(List.of("before", "data/ab/abcdef"), keys(""), "no temporary file may be listed");
    }

    @Test
    void aServerStoppedDuringAGetGivesARetryableErrorAndThePoolRecovers() throws Exception {
        byte[] data = bytes(3, 2_000_000);
        target.put("pack", data);
        try (InputStream in = target.get("pack")) {
            assertEquals(100_000, in.readNBytes(100_000).length);
            server.stop();
            IOException e = assertThrows(IOException.class, () -> in.readAllBytes());
            TargetException failure = assertInstanceOfTarget(e);
            assertTrue(failure.isRetryable(), "a dropped connection must be retryable: " + failure.getMessage());
        }
        TargetException down = assertThrows(TargetException.class, () -> target.stat("pack"));
        assertTrue(down.isRetryable(), "while the server is down, every call is retryable: " + down.getMessage());

        server.restart();
        assertArrayEquals(data, read("pack"));
    }

    @Test
    void everyConnectionOfThePoolIsReplacedAfterARestart() throws Exception {
        List<Future<?>> warm = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int n = t;
            warm.add(pool.submit(() -> {
                target.put("warm/" + n, bytes(n, 200_000));
                return null;
            }));
        }
        for (Future<?> f : warm) {
            f.get(60, TimeUnit.SECONDS);
        }
        server.stop();
        server.restart();
        List<Future<?>> after = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int n = t;
            after.add(pool.submit(() -> {
                target.put("after/" + n, bytes(10 + n, 100_000));
                assertArrayEquals(bytes(10 + n, 100_000), read("after/" + n));
                return null;
            }));
        }
        for (Future<?> f : after) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertEquals(6, keys("after/").size());
    }

    private byte[] read(String key) throws IOException {
        try (InputStream in = target.get(key)) {
            return in.readAllBytes();
        }
    }

    private List<String> keys(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        target.list(prefix, (ObjectInfo o) -> keys.add(o.key()));
        keys.sort(null);
        return keys;
    }

    private static TargetException assertInstanceOfTarget(Throwable t) {
        assertTrue(t instanceof TargetException, "expected a TargetException, got " + t);
        return (TargetException) t;
    }

    /** Serves {@code head} bytes, then waits for {@link #open} before serving the rest. */
    private static final class Gate extends InputStream {
        final CountDownLatch headRead = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        private final byte[] data;
        private final int head;
        private int pos;

        Gate(byte[] data, int head) {
            this.data = data;
            this.head = head;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos == head) {
                headRead.countDown();
                try {
                    if (!open.await(60, TimeUnit.SECONDS)) {
                        throw new IOException("the test never opened the gate");
                    }
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(len, (pos < head ? head : data.length) - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
