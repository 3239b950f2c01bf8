package io.backbench.target.s3.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3 server for tests: s3proxy in this JVM on a free loopback port, objects kept in memory
 * (transient-nio2), AWS V4 signatures checked against {@link #ACCESS_KEY}/{@link #SECRET_KEY}.
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "backbench-test";
    public static final String SECRET_KEY = "backbench-test-secret-0123456789";
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final S3Proxy proxy;

    public S3Server() throws Exception {
        this(true);
    }

    /**
     * @param authenticate whether requests must be signed with {@link #ACCESS_KEY}; off only behind a
     *                     test front that rewrites requests (and so breaks their signatures)
     */
    public S3Server(boolean authenticate) throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(authenticate ? AuthenticationType.AWS_V2_OR_V4 : AuthenticationType.NONE, ACCESS_KEY,
                        SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    public int port() {
        return proxy.getPort();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** A bucket name not used before in this JVM. */
    public static String newBucketName() {
        return "bucket-" + BUCKETS.incrementAndGet() + "-" + ProcessHandle.current().pid();
    }

    /** Settings for a target in {@code bucket} (created on open) at {@code endpoint}, keys in the settings. */
    public static Map<String, String> settings(String endpoint, String bucket) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("endpoint", endpoint);
        m.put("bucket", bucket);
        m.put("access_key", ACCESS_KEY);
        m.put("secret_key", SECRET_KEY);
        m.put("create", "true");
        return m;
    }

    /** Short waits between attempts, so that tests with faults do not take minutes. */
    public static final io.backbench.target.decorators.RetryPolicy QUICK_RETRIES = new io.backbench.target.decorators.RetryPolicy(
            8, java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(500));

    /** The factory as DS makes it, but with the given environment, retry listener and short waits. */
    public static io.backbench.target.api.TargetFactory factory(java.util.function.Function<String, String> env,
                                   io.backbench.target.decorators.RetryListener retries) {
        return new S3TargetFactory(env, retries, QUICK_RETRIES);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
