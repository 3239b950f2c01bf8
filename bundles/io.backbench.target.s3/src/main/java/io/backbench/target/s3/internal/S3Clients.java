package io.backbench.target.s3.internal;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the SDK client the way it works inside OSGi: the HTTP client named explicitly (the JDK's
 * HttpURLConnection, so no ServiceLoader lookup), region and endpoint given (so no lookups of the
 * environment or the instance metadata service), and the SDK's own retries off, since retrying is
 * the {@link io.backbench.target.decorators.RetryingTarget}'s business. Checksums only where the
 * API requires them, and no aws-chunked streaming signatures: S3-compatible servers handle both
 * unevenly (s3proxy dropped about one chunk-signed PUT in twenty), and the target holds each body
 * in memory anyway, so it is signed whole and sent with a Content-MD5 the server checks.
 */
final class S3Clients {
    private S3Clients() {
    }

    static S3Client build(S3Settings s, AwsCredentialsProvider credentials) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // the SDK looks for interceptors and plugins through the context class loader: make it ours
        thread.setContextClassLoader(S3Clients.class.getClassLoader());
        try {
            return S3Client.builder()
                    .httpClient(UrlConnectionHttpClient.builder()
                            .connectionTimeout(s.connectTimeout())
                            .socketTimeout(s.readTimeout())
                            .build())
                    .region(Region.of(s.region()))
                    .endpointOverride(s.endpoint())
                    .forcePathStyle(s.pathStyle())
                    .serviceConfiguration(c -> c.chunkedEncodingEnabled(false))
                    .credentialsProvider(credentials)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .build();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
