package io.backbench.target.s3.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on 127.0.0.1 in front of the real S3 server that injects the faults a real network
 * and a busy server produce, which cannot be produced on demand otherwise: a share of requests is
 * answered 500 or 503 (SlowDown) without reaching the server, and a share of uploads is cut off
 * halfway (the connection closed after part of the body). One request per connection (it asks the
 * server for {@code Connection: close}), so it never has to parse a response. Decisions come from
 * a seeded random generator.
 */
public final class FaultyProxy implements AutoCloseable {
    /** Uploads with at least this many body bytes may be cut. */
    static final int CUTTABLE = 32 * 1024;

    public final AtomicInteger requests = new AtomicInteger();
    public final AtomicInteger answered500 = new AtomicInteger();
    public final AtomicInteger answered503 = new AtomicInteger();
    public final AtomicInteger uploadsCut = new AtomicInteger();

    private final int serverPort;
    private volatile double errorShare;
    private final double cutShare;
    private final SplittableRandom random;
    private final ServerSocket listener;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean faults = true;
    /** Answer the first request 500, the second 503, and cut the first upload, whatever the dice say. */
    private volatile boolean eachFaultOnce;
    private volatile boolean forceOnUploadsOnly;
    private final AtomicInteger forced = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean forcedCut = new java.util.concurrent.atomic.AtomicBoolean();

    public FaultyProxy(int serverPort, double errorShare, double cutShare, long seed) throws IOException {
        this.serverPort = serverPort;
        this.errorShare = errorShare;
        this.cutShare = cutShare;
        this.random = new SplittableRandom(seed);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Makes sure that each kind of fault happens at least once, for runs with few requests. */
    public void eachFaultOnce() {
        eachFaultOnce = true;
    }

    /**
     * {@link #eachFaultOnce()}, with the forced 500 and 503 kept for the first uploads (PUT, POST),
     * so they hit the data rather than the checks made while a target is opened.
     */
    public void eachFaultOnceOnUploads() {
        forceOnUploadsOnly = true;
        eachFaultOnce = true;
    }

    /** From now on, answers every request with 500 or 503. */
    public void failEverything() {
        errorShare = 1.0;
    }

    /** Turns fault injection on or off (off: a plain proxy). */
    public void faults(boolean on) {
        faults = on;
    }

    public int faultsInjected() {
        return answered500.get() + answered503.get() + uploadsCut.get();
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

    private synchronized double nextDouble() {
        return random.nextDouble();
    }

    private void handle(Socket client) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            requests.incrementAndGet();
            String method = head.substring(0, head.indexOf(' '));
            long length = contentLength(head);
            double dice = faults ? nextDouble() : 1.0;
            boolean upload = method.equals("PUT") || method.equals("POST");
            if (faults && eachFaultOnce && forced.get() < 2 && (upload || !forceOnUploadsOnly)) {
                int n = forced.getAndIncrement();
                dice = n == 0 ? errorShare * 0.75 : n == 1 ? errorShare * 0.25 : dice;
            }
            if (dice < errorShare) {
                in.readNBytes((int) Math.min(length, Integer.MAX_VALUE)); // read the body, as a server would
                boolean slowDown = dice < errorShare / 2;
                (slowDown ? answered503 : answered500).incrementAndGet();
                answer(client.getOutputStream(), method, slowDown);
                return;
            }
            OutputStream toServer = server.getOutputStream();
            toServer.write(withConnectionClose(head).getBytes(StandardCharsets.ISO_8859_1));
            boolean cuttable = faults && length >= CUTTABLE && (method.equals("PUT") || method.equals("POST"));
            boolean cut = cuttable && ((eachFaultOnce && !forcedCut.getAndSet(true)) || nextDouble() < cutShare);
            long toCopy = cut ? length / 2 : length;
            copy(in, toServer, toCopy);
            toServer.flush();
            if (cut) {
                uploadsCut.incrementAndGet();
                client.setSoLinger(true, 0); // a reset, as when a link drops
                return;
            }
            server.getInputStream().transferTo(client.getOutputStream());
        } catch (IOException e) {
            // the client or server went away: nothing to do for a proxy
        }
    }

    private static void answer(OutputStream out, String method, boolean slowDown) throws IOException {
        String code = slowDown ? "SlowDown" : "InternalError";
        String body = method.equals("HEAD") ? "" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
                + "</Code><Message>injected by the test's faulty proxy</Message><RequestId>faulty</RequestId></Error>";
        String status = slowDown ? "503 Slow Down" : "500 Internal Server Error";
        String response = "HTTP/1.1 " + status + "\r\nContent-Type: application/xml\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The request line and headers, up to and including the blank line; null at end of stream. */
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

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }

    private static String withConnectionClose(String head) {
        StringBuilder b = new StringBuilder();
        for (String line : head.split("\r\n")) {
            if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                b.append(line).append("\r\n");
            }
        }
        return b.append("Connection: close\r\n\r\n").toString();
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                return;
            }
            out.write(buf, 0, r);
            left -= r;
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pool.shutdownNow();
    }
}
