package io.backbench.target.s3.internal;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.backbench.target.api.TargetException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Writes one object: a single PUT up to the multipart threshold, else a multipart upload that is
 * aborted when anything fails, so a half-written object never becomes visible (S3 shows an object
 * only when its PUT or CompleteMultipartUpload succeeds). Each call on its own thread; no state.
 */
final class Uploads {
    private final S3Settings settings;
    private final S3Client client;
    private final String where;

    Uploads(S3Settings settings, S3Client client) {
        this.settings = settings;
        this.client = client;
        this.where = settings.describe();
    }

    void put(String key, String objectKey, InputStream data, long length) throws TargetException {
        String what = "put " + key + " on " + where;
        if (length <= settings.multipartThreshold()) {
            byte[] body = new byte[(int) length];
            Bodies.readExactly(data, body, body.length, what, 0, length);
            PutObjectRequest.Builder req = PutObjectRequest.builder().bucket(settings.bucket()).key(objectKey)
                    .contentLength(length).contentMD5(Bodies.md5(body, body.length));
            storageClass(key).ifPresent(req::storageClass);
            if (settings.objectLock().on()) {
                req.ifNoneMatch("*").objectLockMode(ObjectLockMode.fromValue(settings.objectLock().mode()))
                        .objectLockRetainUntilDate(settings.objectLock().retainUntil(Instant.now()));
            }
            try {
                client.putObject(req.build(), Bodies.of(body, body.length));
            } catch (SdkException e) {
                throw S3Errors.translate(where, "put " + key, null, e);
            }
            return;
        }
        multipart(key, objectKey, data, length, what);
    }

    private void multipart(String key, String objectKey, InputStream data, long length, String what) throws TargetException {
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder().bucket(settings.bucket())
                .key(objectKey);
        storageClass(key).ifPresent(create::storageClass);
        if (settings.objectLock().on()) {
            create.objectLockMode(ObjectLockMode.fromValue(settings.objectLock().mode()))
                    .objectLockRetainUntilDate(settings.objectLock().retainUntil(Instant.now()));
        }
        String uploadId;
        try {
            uploadId = client.createMultipartUpload(create.build()).uploadId();
        } catch (SdkException e) {
            throw S3Errors.translate(where, "starting the multipart upload of " + key, null, e);
        }
        try {
            List<CompletedPart> parts = uploadParts(key, objectKey, uploadId, data, length, what);
            client.completeMultipartUpload(b -> {
                b.bucket(settings.bucket()).key(objectKey).uploadId(uploadId).multipartUpload(m -> m.parts(parts));
                if (settings.objectLock().on()) {
                    b.ifNoneMatch("*");
                }
            });
        } catch (SdkException e) {
            TargetException t = S3Errors.translate(where, "multipart upload of " + key, null, e);
            abort(key, objectKey, uploadId, t);
            throw t;
        } catch (TargetException | RuntimeException e) {
            abort(key, objectKey, uploadId, e);
            throw e;
        }
    }

    private List<CompletedPart> uploadParts(String key, String objectKey, String uploadId, InputStream data, long length,
                                            String what) throws TargetException {
        // S3 allows 10,000 parts: a huge object gets bigger parts
        long partSize = Math.max(settings.partSize(), (length + S3Settings.MAX_PARTS - 1) / S3Settings.MAX_PARTS);
        if (partSize > Integer.MAX_VALUE - 8) {
            throw TargetException.permanentFailure(what + ": " + length + " bytes is more than an S3 object can hold", null);
        }
        byte[] buf = new byte[(int) partSize];
        List<CompletedPart> parts = new ArrayList<>();
        long done = 0;
        for (int number = 1; done < length; number++) {
            int n = (int) Math.min(partSize, length - done);
            Bodies.readExactly(data, buf, n, what, done, length);
            int partNumber = number;
            String etag = client.uploadPart(b -> b.bucket(settings.bucket()).key(objectKey).uploadId(uploadId)
                    .partNumber(partNumber).contentLength((long) n).contentMD5(Bodies.md5(buf, n)), Bodies.of(buf, n)).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            done += n;
        }
        return parts;
    }

    /** Best effort, a few tries: an upload left open is invisible, but its parts cost storage until aborted. */
    private void abort(String key, String objectKey, String uploadId, Exception cause) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                client.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(objectKey).uploadId(uploadId));
                return;
            } catch (SdkException e) {
                if (attempt == 3) {
                    cause.addSuppressed(S3Errors.translate(where, "aborting the multipart upload " + uploadId
                            + " of " + key + " (its parts stay invisible until a lifecycle rule removes them)", null, e));
                }
            }
        }
    }

    private java.util.Optional<String> storageClass(String key) {
        return key.startsWith("data/") ? settings.dataStorageClass() : java.util.Optional.empty();
    }
}
