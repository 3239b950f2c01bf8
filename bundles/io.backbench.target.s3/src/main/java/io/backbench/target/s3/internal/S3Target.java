package io.backbench.target.s3.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.backbench.target.api.Capability;
import io.backbench.target.api.Keys;
import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.ObjectNotFoundException;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.WriteOnceException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link StorageTarget} in an S3 bucket, under an optional key prefix: the key
 * {@code data/3f/3f9a} is the object {@code <prefix>data/3f/3f9a}. S3 makes every PUT and completed
 * multipart upload atomic, and shows it to every later request. Thread-safe: the SDK client is, and
 * the target keeps no other mutable state. Makes every call once; retries are a
 * {@link io.backbench.target.decorators.RetryingTarget}'s business.
 *
 * <p>With object lock on, every object is put with a retention date and the target is
 * {@link Capability#WRITE_ONCE}: a put of an existing key and a delete of a retained object give
 * {@link WriteOnceException}, and the server itself refuses to remove a retained version.
 */
final class S3Target implements StorageTarget {
    private final S3Settings settings;
    private final S3Client client;
    private final Uploads uploads;
    private final Set<Capability> capabilities;
    private final String where;
    private volatile boolean closed;

    S3Target(S3Settings settings, S3Client client) {
        this.settings = settings;
        this.client = client;
        this.uploads = new Uploads(settings, client);
        this.where = settings.describe();
        EnumSet<Capability> c = EnumSet.of(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.PERSISTENT);
        c.add(settings.objectLock().on() ? Capability.WRITE_ONCE : Capability.DELETE);
        this.capabilities = Set.copyOf(c);
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public void put(String key, InputStream data, long length) throws TargetException {
        Keys.check(key);
        Objects.requireNonNull(data, "data");
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " for " + key);
        }
        checkOpen();
        if (settings.objectLock().on() && head(key).isPresent()) {
            throw new WriteOnceException("put " + key + " on " + where
                    + ": the object exists already, and an object-locked target never replaces one");
        }
        uploads.put(key, settings.prefix() + key, data, length);
    }

    @Override
    public InputStream get(String key, long offset, long length) throws TargetException {
        Keys.check(key);
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset + " for " + key);
        }
        checkOpen();
        if (length == 0) {
            if (head(key).isEmpty()) {
                throw new ObjectNotFoundException(where, key);
            }
            return new ByteArrayInputStream(new byte[0]);
        }
        GetObjectRequest.Builder req = GetObjectRequest.builder().bucket(settings.bucket()).key(settings.prefix() + key);
        if (offset > 0 || length > 0) {
            long last = length < 0 || offset + length - 1 < offset ? -1 : offset + length - 1;
            req.range("bytes=" + offset + "-" + (last < 0 ? "" : Long.toString(last)));
        }
        try {
            ResponseInputStream<GetObjectResponse> in = client.getObject(req.build());
            return new ObjectStream(in, in.response().contentLength(), where, key);
        } catch (AwsServiceException e) {
            if (e.statusCode() == 416) {
                return new ByteArrayInputStream(new byte[0]); // the object exists; the range starts past its end
            }
            throw S3Errors.translate(where, "get " + key, key, e);
        } catch (SdkException e) {
            throw S3Errors.translate(where, "get " + key, key, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws TargetException {
        Keys.check(key);
        checkOpen();
        return head(key).map(h -> new ObjectInfo(key, h.contentLength(),
                h.lastModified() == null ? Instant.EPOCH : h.lastModified()));
    }

    @Override
    public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
        Keys.checkPrefix(prefix);
        Objects.requireNonNull(consumer, "consumer");
        checkOpen();
        String strip = settings.prefix();
        try {
            for (S3Object o : client.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(strip + prefix)).contents()) {
                String key = o.key().substring(strip.length());
                if (validKey(key)) {
                    consumer.accept(new ObjectInfo(key, o.size(), o.lastModified() == null ? Instant.EPOCH : o.lastModified()));
                }
            }
        } catch (SdkException e) {
            throw S3Errors.translate(where, "list " + prefix, null, e);
        }
    }

    @Override
    public boolean delete(String key) throws TargetException {
        Keys.check(key);
        checkOpen();
        Optional<HeadObjectResponse> head = head(key);
        if (head.isEmpty()) {
            return false;
        }
        String versionId = null;
        if (settings.objectLock().on()) {
            HeadObjectResponse h = head.get();
            Instant until = h.objectLockRetainUntilDate();
            if ((until != null && until.isAfter(Instant.now())) || h.objectLockLegalHoldStatus() == ObjectLockLegalHoldStatus.ON) {
                throw new WriteOnceException("delete " + key + " on " + where + ": the object is retained by object lock"
                        + (until == null ? " (legal hold)" : " until " + until));
            }
            versionId = h.versionId(); // past its retention: remove the version itself, not just hide it
        }
        String version = versionId;
        try {
            client.deleteObject(b -> b.bucket(settings.bucket()).key(settings.prefix() + key).versionId(version));
            return true;
        } catch (SdkException e) {
            throw S3Errors.translate(where, "delete " + key, null, e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            client.close();
        }
    }

    private Optional<HeadObjectResponse> head(String key) throws TargetException {
        try {
            return Optional.of(client.headObject(b -> b.bucket(settings.bucket()).key(settings.prefix() + key)));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw S3Errors.translate(where, "stat " + key, null, e);
        } catch (SdkException e) {
            throw S3Errors.translate(where, "stat " + key, null, e);
        }
    }

    /** Objects that other tools put under the prefix with keys the SPI cannot name are left out. */
    private static boolean validKey(String key) {
        try {
            Keys.check(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void checkOpen() throws TargetException {
        if (closed) {
            throw TargetException.permanentFailure(where + " is closed; open the target again", null);
        }
    }

    @Override
    public String toString() {
        return where;
    }
}
