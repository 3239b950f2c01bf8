package io.backbench.target.s3.internal;

import java.net.URI;
import java.net.URISyntaxException;

import io.backbench.target.api.TargetException;

/**
 * A whole bucket location in one string, as restic users write it after {@code s3:}:
 * {@code http://127.0.0.1:9000/bucket/prefix} or {@code https://host/bucket} (path-style, the
 * endpoint is the URL's scheme, host and port), or {@code host/bucket/prefix} (HTTPS assumed).
 *
 * @param endpoint the endpoint URL, e.g. {@code https://s3.eu-central-1.amazonaws.com}
 * @param bucket   the bucket name
 * @param prefix   the key prefix inside the bucket, empty for the whole bucket
 */
record S3Location(URI endpoint, String bucket, String prefix) {

    /** Whether a bucket setting is in fact a whole location (a bucket name has no '/' or ':'). */
    static boolean looksLikeLocation(String value) {
        return value.contains("/") || value.contains(":");
    }

    static S3Location parse(String setting, String value) throws TargetException {
        String text = value.trim();
        if (!text.startsWith("http://") && !text.startsWith("https://")) {
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw bad(setting, value, e.getMessage());
        }
        if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw bad(setting, value, "it needs a host and no query, fragment or user");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        String prefix = slash < 0 ? "" : path.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw bad(setting, value, "it names no bucket");
        }
        URI endpoint = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
        return new S3Location(endpoint, bucket, prefix);
    }

    private static TargetException bad(String setting, String value, String why) {
        return TargetException.permanentFailure("setting '" + setting + "': '" + value + "' is neither a bucket name"
                + " nor a location such as http://127.0.0.1:9000/bucket/prefix (" + why + ")", null);
    }
}
