package io.backbench.jobs.internal;

import io.backbench.cli.api.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import io.backbench.jobs.notify.api.Alert;
import io.backbench.jobs.notify.api.Notifier;

/**
 * Posts each alert as JSON to a URL ({@code {"kind":"job_failed","time":...,"job_id":...,
 * "job_name":...,"run_id":...,"message":...}}). Active only when ConfigAdmin PID
 * {@code io.backbench.notify.webhook} sets {@code url}; {@code timeoutSeconds} (default 10).
 * Called on the alert thread; a failed post is logged, not retried.
 */
@Component(service = Notifier.class, configurationPid = WebhookNotifier.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class WebhookNotifier implements Notifier {
    static final String PID = "io.backbench.notify.webhook";

    /** The configuration (ConfigAdmin PID io.backbench.notify.webhook). */
    public @interface Config {
        String url();

        int timeoutSeconds() default 10;
    }

    private final URI url;
    private final int timeoutMillis;

    @Activate
    public WebhookNotifier(Config config) {
        this(URI.create(config.url().trim()), config.timeoutSeconds());
    }

    WebhookNotifier(URI url, int timeoutSeconds) {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException(PID + " url must be an http or https URL, not " + url);
        }
        this.url = url;
        this.timeoutMillis = Math.max(1, timeoutSeconds) * 1000;
    }

    @Override
    public void send(Alert alert) {
        try {
            int status = post(payload(alert));
            if (status < 200 || status >= 300) {
                System.err.println("backbench: the webhook " + url + " answered HTTP " + status + " to a " + alert.kind().code() + " alert");
            }
        } catch (IOException e) {
            System.err.println("backbench: could not post a " + alert.kind().code() + " alert to " + url + ": " + e.getMessage());
        }
    }

    static String payload(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", a.kind().code());
        m.put("time", a.time().toString());
        m.put("job_id", a.jobId());
        m.put("job_name", a.jobName());
        m.put("run_id", a.runId());
        m.put("message", a.message());
        return Json.write(m);
    }

    private int post(String json) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        try {
            c.setRequestMethod("POST");
            c.setConnectTimeout(timeoutMillis);
            c.setReadTimeout(timeoutMillis);
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json; charset=utf-8");
            c.setRequestProperty("User-Agent", "Backbench");
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status;
        } finally {
            c.disconnect();
        }
    }
}
