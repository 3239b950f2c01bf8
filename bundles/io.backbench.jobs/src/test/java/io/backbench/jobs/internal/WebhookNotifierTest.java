package io.backbench.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.backbench.jobs.notify.api.Alert;

/** The webhook notifier against a real HTTP server on loopback. */
class WebhookNotifierTest {
    record Request(String method, String contentType, String body) {
    }

    HttpServer server;
    final List<Request> received = new CopyOnWriteArrayList<>();
    volatile int status = 204;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/backbench", ex -> {
            received.add(new Request(ex.getRequestMethod(), ex.getRequestHeaders().getFirst("Content-Type"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/backbench");
    }

    @Test
    void postsEachAlertAsJson() {
        WebhookNotifier n = new WebhookNotifier(url(), 5);
        n.send(new Alert(Alert.Kind.RESTORE_TEST_FAILED, Instant.parse("2026-11-02T03:04:05Z"), "j-1", "Home \"NAS\"", 42,
                "2 files differ:\n/home/a"));
        assertEquals(1, received.size());
        Request r = received.get(0);
        assertEquals("POST", r.method());
        assertTrue(r.contentType().startsWith("application/json"));
        assertEquals("{\"kind\":\"restore_test_failed\",\"time\":\"2026-11-02T03:04:05Z\",\"job_id\":\"j-1\",\"job_name\":\"Home \\\"NAS\\\"\","
                + "\"run_id\":42,\"message\":\"2 files differ:\\n/home/a\"}", r.body());
    }

    @Test
    void aServerErrorOrAnUnreachableHookDoesNotThrow() {
        status = 500;
        new WebhookNotifier(url(), 5).send(new Alert(Alert.Kind.JOB_FAILED, Instant.EPOCH, null, "adhoc", 1, "failed"));
        assertEquals(1, received.size());
        server.stop(0);
        new WebhookNotifier(url(), 1).send(new Alert(Alert.Kind.JOB_FAILED, Instant.EPOCH, null, "adhoc", 1, "failed"));
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WebhookNotifier(URI.create("ftp://x/y"), 5));
        assertTrue(e.getMessage().contains("io.backbench.notify.webhook url must be an http or https URL"));
    }
}
