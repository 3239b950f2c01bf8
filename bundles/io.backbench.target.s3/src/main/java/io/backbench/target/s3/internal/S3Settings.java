package io.backbench.target.s3.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.backbench.target.api.Keys;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.decorators.RetryPolicy;

/** The settings of one S3 target, parsed and checked; every error names its setting. */
record S3Settings(URI endpoint, String region, String bucket, String prefix, Addressing addressing,
                  Optional<String> accessKey, Optional<String> secretKey, Optional<String> profile, boolean create,
                  long multipartThreshold, int partSize, Duration connectTimeout, Duration readTimeout,
                  RetryPolicy retry, long uploadBytesPerSecond, Optional<String> dataStorageClass,
                  ObjectLock objectLock) {

    static final String ENDPOINT = "endpoint";
    static final String REGION = "region";
    static final String BUCKET = "bucket";
    static final String PREFIX = "prefix";
    static final String ADDRESSING = "addressing";
    static final String ACCESS_KEY = "access_key";
    static final String SECRET_KEY = "secret_key";
    static final String PROFILE = "profile";
    static final String CREATE = "create";
    static final String MULTIPART_THRESHOLD = "multipart_threshold_mib";
    static final String PART_SIZE = "part_size_mib";
    static final String CONNECT_TIMEOUT = "connect_timeout_s";
    static final String READ_TIMEOUT = "read_timeout_s";
    static final String RETRIES = "max_attempts";
    static final String UPLOAD_LIMIT = "upload_limit_kib";
    static final String STORAGE_CLASS = "data_storage_class";
    static final String OBJECT_LOCK = "object_lock";
    static final String RETENTION_DAYS = "retention_days";

    static final long MIB = 1024 * 1024;
    /** S3's smallest part (but the last) and its most parts per upload. */
    static final long MIN_PART = 5 * MIB;
    static final int MAX_PARTS = 10_000;

    enum Addressing { AUTO, PATH, VIRTUAL }

    static S3Settings parse(TargetSettings s) throws TargetException {
        String bucketValue = s.require(BUCKET).trim();
        URI endpoint = null;
        String bucket = bucketValue;
        String prefix = s.get(PREFIX).orElse("").trim();
        if (S3Location.looksLikeLocation(bucketValue)) {
            S3Location l = S3Location.parse(BUCKET, bucketValue);
            if (s.get(ENDPOINT).isPresent() || s.get(PREFIX).isPresent()) {
                throw TargetException.permanentFailure("setting '" + BUCKET + "' holds a whole location ('" + bucketValue
                        + "'), so '" + ENDPOINT + "' and '" + PREFIX + "' must not be set as well", null);
            }
            endpoint = l.endpoint();
            bucket = l.bucket();
            prefix = l.prefix();
            if (s.get(ADDRESSING).isEmpty()) {
                s = withAddressing(s, "path");
            }
        } else if (s.get(ENDPOINT).isPresent()) {
            endpoint = endpoint(s.get(ENDPOINT).get().trim());
        }
        checkBucket(bucket);
        String region = s.get(REGION).orElse("us-east-1").trim();
        if (endpoint == null) {
            endpoint = URI.create("https://s3." + region + ".amazonaws.com");
        }
        long threshold = positive(s, MULTIPART_THRESHOLD, 16) * MIB;
        long part = positive(s, PART_SIZE, 8) * MIB;
        if (part < MIN_PART || part > 512 * MIB) {
            throw TargetException.permanentFailure("setting '" + PART_SIZE + "' must be between 5 and 512 (MiB), not "
                    + part / MIB, null);
        }
        long attempts = positive(s, RETRIES, RetryPolicy.defaults().maxAttempts());
        return new S3Settings(endpoint, region, bucket, normalisePrefix(prefix), addressing(s),
                s.get(ACCESS_KEY).map(String::trim), s.get(SECRET_KEY), s.get(PROFILE).map(String::trim),
                s.getBoolean(CREATE, false), threshold, (int) part,
                Duration.ofSeconds(positive(s, CONNECT_TIMEOUT, 10)), Duration.ofSeconds(positive(s, READ_TIMEOUT, 60)),
                RetryPolicy.defaults().withMaxAttempts((int) Math.min(attempts, 100)),
                Math.max(0, s.getLong(UPLOAD_LIMIT, 0)) * 1024, s.get(STORAGE_CLASS).map(String::trim),
                ObjectLock.parse(s));
    }

    /** Path-style unless asked otherwise, or for AWS itself, where virtual-host is the rule. */
    boolean pathStyle() {
        return switch (addressing) {
            case PATH -> true;
            case VIRTUAL -> false;
            case AUTO -> !endpoint.getHost().endsWith(".amazonaws.com");
        };
    }

    /** {@code s3:http://127.0.0.1:9000/bucket/prefix}, for messages; never holds a credential. */
    String describe() {
        String p = prefix.isEmpty() ? "" : "/" + prefix.substring(0, prefix.length() - 1);
        return "s3:" + endpoint + "/" + bucket + p;
    }

    private static TargetSettings withAddressing(TargetSettings s, String value) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(s.asMap());
        m.put(ADDRESSING, value);
        return TargetSettings.of(m);
    }

    private static URI endpoint(String value) throws TargetException {
        try {
            URI uri = new URI(value.contains("://") ? value : "https://" + value);
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(value, "needs http:// or https:// and a host");
            }
            return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
        } catch (URISyntaxException e) {
            throw TargetException.permanentFailure("setting '" + ENDPOINT + "' must be a URL such as"
                    + " https://s3.eu-central-1.amazonaws.com or http://127.0.0.1:9000, not '" + value + "'", e);
        }
    }

    private static void checkBucket(String bucket) throws TargetException {
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw TargetException.permanentFailure("setting '" + BUCKET + "': '" + bucket + "' is not a valid bucket name"
                    + " (3 to 63 characters: lower-case letters, digits, '.' and '-')", null);
        }
    }

    private static String normalisePrefix(String prefix) throws TargetException {
        String p = prefix;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return "";
        }
        try {
            Keys.check(p);
        } catch (IllegalArgumentException e) {
            throw TargetException.permanentFailure("setting '" + PREFIX + "': " + e.getMessage(), e);
        }
        return p + "/";
    }

    private static Addressing addressing(TargetSettings s) throws TargetException {
        String v = s.get(ADDRESSING).orElse("auto").trim().toUpperCase(Locale.ROOT);
        try {
            return Addressing.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw TargetException.permanentFailure("setting '" + ADDRESSING + "' must be auto, path or virtual, not '"
                    + s.get(ADDRESSING).orElse("") + "'", e);
        }
    }

    private static long positive(TargetSettings s, String key, long defaultValue) throws TargetException {
        long v = s.getLong(key, defaultValue);
        if (v <= 0) {
            throw TargetException.permanentFailure("setting '" + key + "' must be a positive whole number, not " + v, null);
        }
        return v;
    }

    @Override
    public String toString() {
        return describe(); // never the secret
    }
}
