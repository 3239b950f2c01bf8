package io.backbench.target.s3.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

/**
 * An HTTP front on 127.0.0.1 before s3proxy that adds what s3proxy lacks: S3 object lock, as AWS
 * documents it. Why emulated: s3proxy answers 501 to every object-lock call, and no S3 server that
 * implements object lock (MinIO, Ceph RGW) can be installed on this machine, so this one fault of
 * the peer is filled in here, and only this one; every byte still goes to and comes from s3proxy.
 *
 * <p>What it does, per the S3 API reference:
 * <ul>
 * <li>{@code PUT /bucket} with {@code x-amz-bucket-object-lock-enabled: true} makes a bucket with
 *     object lock; {@code GET /bucket?object-lock} answers its configuration ({@code Enabled}), or
 *     404 {@code ObjectLockConfigurationNotFoundError} for other buckets;</li>
 * <li>{@code PUT} of an object (and {@code CreateMultipartUpload}, then
 *     {@code CompleteMultipartUpload}) with {@code x-amz-object-lock-mode} and
 *     {@code x-amz-object-lock-retain-until-date} records the retention (refused with 400
 *     {@code InvalidRequest} without a Content-MD5, as S3 does); {@code If-None-Match: *} on an
 *     existing key is 412 {@code PreconditionFailed};</li>
 * <li>{@code HEAD} and {@code GET} of a retained object carry the two retention headers;</li>
 * <li>{@code DELETE} of an object whose retention has not ended is 403 {@code AccessDenied}. (Real S3
 *     answers a DELETE that names no version by hiding the object behind a delete marker; the
 *     target always checks the retention first and deletes by version, so that case is left out.)</li>
 * </ul>
 * One request per connection ({@code Connection: close}); the tests' bodies are held in memory.
 * Requests are rewritten, so s3proxy behind it runs without signature checks.
 */
public final class ObjectLockFront implements AutoCloseable {

    /** One locked PUT as the front saw it. */
    public record LockedPut(String key, String mode, Instant retainUntil, boolean contentMd5) {
    }

    private record Retention(String mode, String until) {
    }

    private final int serverPort;
    private final ServerSocket listener;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "object-lock-front");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> lockedBuckets = ConcurrentHashMap.newKeySet();
    private final Set<String> existing = ConcurrentHashMap.newKeySet();
    private final Map<String, Retention> retained = new ConcurrentHashMap<>();
    private final Map<String, Retention> pendingUploads = new ConcurrentHashMap<>();
    /** Every PUT (or part) that carried retention headers or a Content-MD5, in order. */
    public final List<LockedPut> puts = Collections.synchronizedList(new ArrayList<>());

    public ObjectLockFront(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                pool.execute(() -> handle(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String method = requestLine[0];
            String target = requestLine[1];
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            if (headers.getOrDefault("expect", "").equalsIgnoreCase("100-continue")) {
                client.getOutputStream().write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                client.getOutputStream().flush();
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            answer(client.getOutputStream(), method, target, headers, body);
        } catch (IOException e) {
            // the client went away: nothing to do for a front
        }
    }

    private void answer(OutputStream out, String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        String decoded = URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8);
        int slash = decoded.indexOf('/');
        String bucket = slash < 0 ? decoded : decoded.substring(0, slash);
        String key = slash < 0 ? "" : decoded.substring(slash + 1);
        String object = bucket + "/" + key;
        boolean isObject = !key.isEmpty();

        if (!isObject && hasParam(query, "object-lock")) {
            if (!method.equals("GET")) {
                error(out, 501, "NotImplemented", "only GetObjectLockConfiguration is emulated");
            } else if (lockedBuckets.contains(bucket)) {
                xml(out, 200, "<ObjectLockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>");
            } else {
                error(out, 404, "ObjectLockConfigurationNotFoundError", "Object Lock configuration does not exist for this bucket");
            }
            return;
        }
        if (!isObject && method.equals("PUT") && query.isEmpty()) {
            boolean lock = "true".equalsIgnoreCase(headers.remove("x-amz-bucket-object-lock-enabled"));
            forward(out, method, target, headers, body, null, status -> {
                if (status / 100 == 2 && lock) {
                    lockedBuckets.add(bucket);
                }
            });
            return;
        }
        if (!isObject) {
            forward(out, method, target, headers, body, null, status -> { });
            return;
        }
        Retention asked = retentionHeaders(headers);
        boolean ifNoneMatch = "*".equals(headers.remove("if-none-match"));
        switch (method) {
            case "DELETE" -> {
                Retention r = retained.get(object);
                if (r != null && Instant.parse(r.until()).isAfter(Instant.now())) {
                    error(out, 403, "AccessDenied", "Access Denied because object protected by object lock.");
                    return;
                }
                forward(out, method, target, headers, body, null, status -> {
                    if (status / 100 == 2) {
                        existing.remove(object);
                        retained.remove(object);
                    }
                });
            }
            case "HEAD", "GET" -> forward(out, method, target, headers, body, retained.get(object), status -> { });
            case "POST" -> {
                if (hasParam(query, "uploads")) {
                    if (asked != null) {
                        pendingUploads.put(object, asked);
                    }
                    forward(out, method, target, headers, body, null, status -> { });
                } else if (ifNoneMatch && existing.contains(object)) {
                    error(out, 412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
                } else {
                    forward(out, method, target, headers, body, null, status -> {
                        if (status / 100 == 2) {
                            existing.add(object);
                            Retention r = pendingUploads.remove(object);
                            if (r != null) {
                                retained.put(object, r);
                            }
                        }
                    });
                }
            }
            case "PUT" -> {
                boolean part = hasParam(query, "partNumber");
                puts.add(new LockedPut(key, asked == null ? null : asked.mode(),
                        asked == null ? null : Instant.parse(asked.until()), headers.containsKey("content-md5")));
                if (asked != null && !headers.containsKey("content-md5") && !headers.containsKey("x-amz-checksum-crc32")) {
                    error(out, 400, "InvalidRequest", "Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object"
                            + " requests with Object Lock parameters");
                } else if (!part && ifNoneMatch && existing.contains(object)) {
                    error(out, 412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
                } else {
                    forward(out, method, target, headers, body, null, status -> {
                        if (status / 100 == 2 && !part) {
                            existing.add(object);
                            if (asked != null) {
                                retained.put(object, asked);
                            }
                        }
                    });
                }
            }
            default -> forward(out, method, target, headers, body, null, status -> { });
        }
    }

    private static Retention retentionHeaders(Map<String, String> headers) {
        String mode = headers.remove("x-amz-object-lock-mode");
        String until = headers.remove("x-amz-object-lock-retain-until-date");
        return mode == null || until == null ? null : new Retention(mode, until);
    }

    private static boolean hasParam(String query, String name) {
        for (String p : query.split("&")) {
            if (p.equals(name) || p.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends the request to s3proxy and its answer back, with the retention headers added. {@code
     * beforeAnswer} gets the status before the client does, so that the front's own state (a locked
     * bucket, a retained object) is in place when the client's next request comes.
     */
    private void forward(OutputStream out, String method, String target, Map<String, String> headers, byte[] body,
                         Retention retention, IntConsumer beforeAnswer) throws IOException {
        try (Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
            StringBuilder req = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            headers.forEach((k, v) -> {
                if (!k.equals("connection") && !k.equals("expect")) {
                    req.append(k).append(": ").append(v).append("\r\n");
                }
            });
            req.append("connection: close\r\n\r\n");
            OutputStream toServer = server.getOutputStream();
            toServer.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            toServer.write(body);
            toServer.flush();
            InputStream fromServer = server.getInputStream();
            String responseHead = readHead(fromServer);
            if (responseHead == null) {
                throw new IOException("s3proxy closed the connection without an answer");
            }
            int status = Integer.parseInt(responseHead.split(" ")[1]);
            if (retention != null && status / 100 == 2) {
                responseHead = responseHead.substring(0, responseHead.length() - 2) + "x-amz-object-lock-mode: "
                        + retention.mode() + "\r\nx-amz-object-lock-retain-until-date: " + retention.until() + "\r\n\r\n";
            }
            beforeAnswer.accept(status);
            out.write(responseHead.getBytes(StandardCharsets.ISO_8859_1));
            fromServer.transferTo(out);
            out.flush();
        }
    }

    private static void error(OutputStream out, int status, String code, String message) throws IOException {
        xml(out, status, "<Error><Code>" + code + "</Code><Message>" + message + "</Message><RequestId>front</RequestId></Error>");
    }

    private static void xml(OutputStream out, int status, String xml) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Error") + "\r\nContent-Type: application/xml\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** The start line and headers, up to and including the blank line; null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pool.shutdownNow();
    }
}
