package io.backbench.target.s3.internal;

import java.io.IOException;

import io.backbench.target.api.ObjectNotFoundException;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFullException;
import io.backbench.target.api.WriteOnceException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns the SDK's exceptions into the SPI's, deciding what is worth a retry. */
final class S3Errors {
    private S3Errors() {
    }

    /**
     * @param where     the target's description
     * @param operation what was being done, e.g. {@code put data/3f/3f9a}
     * @param key       the object's key for {@link ObjectNotFoundException}, or null
     */
    static TargetException translate(String where, String operation, String key, SdkException e) {
        if (e instanceof AwsServiceException se) {
            return service(where, operation, key, se);
        }
        if (e instanceof SdkClientException && isIo(e)) {
            return TargetException.transientFailure(operation + " on " + where + ": the connection failed: "
                    + rootMessage(e), e);
        }
        return TargetException.transientFailure(operation + " on " + where + " failed: " + rootMessage(e), e);
    }

    private static TargetException service(String where, String operation, String key, AwsServiceException e) {
        int status = e.statusCode();
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String detail = " (HTTP " + status + (code == null ? "" : " " + code)
                + (e.requestId() == null ? "" : ", request " + e.requestId()) + ")";
        String what = operation + " on " + where;
        if ("NoSuchBucket".equals(code)) {
            return TargetException.permanentFailure(what + ": the bucket does not exist" + detail
                    + "; create it, or open the target with create=true", e);
        }
        if (status == 404 && key != null) {
            return new ObjectNotFoundException(where, key);
        }
        if (status == 401 || status == 403) {
            if ("AccessDenied".equals(code) && message(e).toLowerCase(java.util.Locale.ROOT).contains("lock")) {
                return new WriteOnceException(what + ": the object is under object-lock retention" + detail);
            }
            return TargetException.permanentFailure(what + ": access denied" + detail
                    + "; check the access key, the secret and the bucket's policy", e);
        }
        if (status == 412) {
            return new WriteOnceException(what + ": the object exists already and this target never replaces one" + detail);
        }
        if (status == 507 || "QuotaExceeded".equals(code) || "XMinioStorageFull".equals(code)) {
            return new TargetFullException(what + ": the storage is full or over quota" + detail, e);
        }
        if (status == 501) {
            return TargetException.permanentFailure(what + ": the server does not implement this: " + message(e) + detail, e);
        }
        boolean retryable = status == 408 || status == 429 || status >= 500
                || "RequestTimeout".equals(code) || "SlowDown".equals(code) || "Throttling".equals(code)
                || "RequestTimeTooSkewed".equals(code) || "BadDigest".equals(code) || "IncompleteBody".equals(code);
        String msg = what + " failed: " + message(e) + detail;
        return retryable ? TargetException.transientFailure(msg, e) : TargetException.permanentFailure(msg, e);
    }

    private static String message(AwsServiceException e) {
        String m = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return m == null ? "the server refused" : m;
    }

    private static boolean isIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t == e ? String.valueOf(m) : e.getMessage() + " (" + t.getClass().getSimpleName() + ": " + m + ")";
    }
}
