/**
 * Decorators for any {@link io.backbench.target.api.StorageTarget}: retrying with exponential
 * back-off and jitter ({@link io.backbench.target.decorators.RetryingTarget}) and an upload/download
 * rate limit ({@link io.backbench.target.decorators.RateLimitedTarget}). They keep the target's
 * contract, so a decorated target passes the same conformance kit. Wrap the rate limit inside the
 * retries: {@code new RetryingTarget(new RateLimitedTarget(target, ...), ...)}.
 *
 * <p>They live in the S3 target's bundle for now; every target (SFTP, WebDAV, ...) may use them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.backbench.target.decorators;
