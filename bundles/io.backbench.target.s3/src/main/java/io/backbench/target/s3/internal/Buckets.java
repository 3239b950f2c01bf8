package io.backbench.target.s3.internal;

import io.backbench.target.api.TargetException;
import io.backbench.target.decorators.Retry;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;

/** What {@link S3TargetFactory#open} checks of the bucket before it hands out a target. */
final class Buckets {
    private Buckets() {
    }

    /** Checks that the bucket exists (creating it if asked) and, with object lock on, that it has object lock. */
    static void prepare(S3Settings s, S3Client client, Retry retry) throws TargetException {
        String where = s.describe();
        boolean exists = retry.call(where, "checking the bucket", () -> exists(s, client));
        if (!exists) {
            if (!s.create()) {
                throw TargetException.permanentFailure("the bucket '" + s.bucket() + "' does not exist at " + s.endpoint()
                        + "; create it, or set '" + S3Settings.CREATE + "' to true", null);
            }
            retry.call(where, "creating the bucket", () -> create(s, client));
        }
        if (s.objectLock().on()) {
            retry.call(where, "checking object lock", () -> checkObjectLock(s, client));
        }
    }

    private static boolean exists(S3Settings s, S3Client client) throws TargetException {
        try {
            client.headBucket(b -> b.bucket(s.bucket()));
            return true;
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw S3Errors.translate(s.describe(), "checking the bucket", null, e);
        } catch (SdkException e) {
            throw S3Errors.translate(s.describe(), "checking the bucket", null, e);
        }
    }

    private static Void create(S3Settings s, S3Client client) throws TargetException {
        try {
            client.createBucket(b -> {
                b.bucket(s.bucket());
                if (s.objectLock().on()) {
                    b.objectLockEnabledForBucket(true);
                }
                if (!s.region().equals("us-east-1") && s.endpoint().getHost().endsWith(".amazonaws.com")) {
                    b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(s.region())));
                }
            });
            return null;
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if ("BucketAlreadyOwnedByYou".equals(code)) {
                return null; // made by another process just now
            }
            if (s.objectLock().on() && (e.statusCode() == 501 || "NotImplemented".equals(code))) {
                throw TargetException.permanentFailure("setting '" + S3Settings.OBJECT_LOCK + "' is on, but the server at "
                        + s.endpoint() + " cannot create a bucket with object lock (HTTP " + e.statusCode() + " " + code
                        + "); use a server that can (AWS S3, MinIO, Ceph RGW), or set '" + S3Settings.OBJECT_LOCK
                        + "' to off", e);
            }
            throw S3Errors.translate(s.describe(), "creating the bucket", null, e);
        } catch (SdkException e) {
            throw S3Errors.translate(s.describe(), "creating the bucket", null, e);
        }
    }

    private static Void checkObjectLock(S3Settings s, S3Client client) throws TargetException {
        String refusal = "setting '" + S3Settings.OBJECT_LOCK + "' is " + s.objectLock().mode().toLowerCase(java.util.Locale.ROOT)
                + ", but ";
        try {
            ObjectLockEnabled enabled = client.getObjectLockConfiguration(b -> b.bucket(s.bucket()))
                    .objectLockConfiguration().objectLockEnabled();
            if (enabled != ObjectLockEnabled.ENABLED) {
                throw TargetException.permanentFailure(refusal + "the bucket '" + s.bucket() + "' has no object lock; use a"
                        + " bucket created with object lock, or set '" + S3Settings.OBJECT_LOCK + "' to off", null);
            }
            return null;
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if (e.statusCode() == 501 || "NotImplemented".equals(code)) {
                throw TargetException.permanentFailure(refusal + "the server at " + s.endpoint()
                        + " does not implement object lock (HTTP " + e.statusCode() + " " + code + "); use a server that"
                        + " does (AWS S3, MinIO, Ceph RGW), or set '" + S3Settings.OBJECT_LOCK + "' to off", e);
            }
            if (e.statusCode() == 404 || "ObjectLockConfigurationNotFoundError".equals(code)) {
                throw TargetException.permanentFailure(refusal + "the bucket '" + s.bucket() + "' has no object lock"
                        + " configuration; use a bucket created with object lock, or set '" + S3Settings.OBJECT_LOCK
                        + "' to off", e);
            }
            throw S3Errors.translate(s.describe(), "checking object lock", null, e);
        } catch (SdkException e) {
            throw S3Errors.translate(s.describe(), "checking object lock", null, e);
        }
    }
}
