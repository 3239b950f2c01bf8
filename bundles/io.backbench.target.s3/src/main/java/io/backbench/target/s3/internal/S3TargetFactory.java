package io.backbench.target.s3.internal;

import java.util.List;
import java.util.function.Function;

import org.osgi.service.component.annotations.Component;

import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.SettingDescriptor.Type;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.decorators.RateLimitedTarget;
import io.backbench.target.decorators.Retry;
import io.backbench.target.decorators.RetryListener;
import io.backbench.target.decorators.RetryPolicy;
import io.backbench.target.decorators.RetryingTarget;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code s3} target type: a bucket on AWS S3 or an S3-compatible server. {@link #open} gives
 * the S3 target wrapped in the retrying decorator (and the rate limit, if set). Stateless, so
 * thread-safe.
 */
@Component(service = TargetFactory.class, property = TargetFactory.TYPE_PROPERTY + "=s3")
public class S3TargetFactory implements TargetFactory {
    private final Function<String, String> env;
    private final RetryListener retries;
    private final RetryPolicy waits;

    public S3TargetFactory() {
        this(System::getenv, RetryListener.SYSTEM_LOGGER, RetryPolicy.defaults());
    }

    /**
     * For tests: a given environment, a listener that hears about every retry, and the waits between
     * attempts (the number of attempts comes from the settings).
     */
    S3TargetFactory(Function<String, String> env, RetryListener retries, RetryPolicy waits) {
        this.env = env;
        this.retries = retries;
        this.waits = waits;
    }

    @Override
    public String type() {
        return "s3";
    }

    @Override
    public String displayName() {
        return "S3-compatible object storage";
    }

    @Override
    public String description() {
        return "Stores the repository in a bucket on AWS S3 or an S3-compatible server (MinIO, Ceph RGW, Wasabi, ...)."
                + " Retries on throttling and dropped connections; with object lock, backups cannot be deleted before"
                + " their retention ends, not even with a stolen key.";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                SettingDescriptor.required(S3Settings.BUCKET, "Bucket", Type.STRING, "The bucket's name, e.g. backups."
                        + " Or a whole location as restic writes it: http://127.0.0.1:9000/bucket/prefix."),
                SettingDescriptor.optional(S3Settings.ENDPOINT, "Endpoint", Type.URL, null, "The server's URL, e.g."
                        + " https://s3.eu-central-1.amazonaws.com or http://minio.example:9000. Empty: AWS in the region."),
                SettingDescriptor.optional(S3Settings.REGION, "Region", Type.STRING, "us-east-1",
                        "The bucket's region; S3-compatible servers mostly accept us-east-1."),
                SettingDescriptor.optional(S3Settings.PREFIX, "Key prefix", Type.STRING, "",
                        "A folder inside the bucket for this repository, e.g. hosts/alpha. Empty: the whole bucket."),
                new SettingDescriptor(S3Settings.ADDRESSING, "Addressing", "path: http://host/bucket/key; virtual:"
                        + " http://bucket.host/key; auto: virtual for AWS, path for other servers.", Type.CHOICE, false,
                        "auto", List.of("auto", "path", "virtual")),
                SettingDescriptor.optional(S3Settings.ACCESS_KEY, "Access key ID", Type.STRING, null,
                        "Empty: AWS_ACCESS_KEY_ID from the environment, else the profile in ~/.aws/credentials."),
                SettingDescriptor.optional(S3Settings.SECRET_KEY, "Secret access key", Type.SECRET, null,
                        "Kept encrypted; never shown or logged. Empty: as for the access key."),
                SettingDescriptor.optional(S3Settings.PROFILE, "AWS profile", Type.STRING, null,
                        "The profile in ~/.aws/credentials and ~/.aws/config; empty: AWS_PROFILE, else default."),
                SettingDescriptor.optional(S3Settings.CREATE, "Create the bucket", Type.BOOLEAN, "false",
                        "Create the bucket if it does not exist (with object lock, if that is on)."),
                new SettingDescriptor(S3Settings.OBJECT_LOCK, "Object lock", "Write-once retention: compliance (no one"
                        + " can delete before the retention ends), governance (only privileged users can), or off. Needs a"
                        + " bucket created with object lock.", Type.CHOICE, false, "off", List.of("off", "governance", "compliance")),
                SettingDescriptor.optional(S3Settings.RETENTION_DAYS, "Retention (days)", Type.INTEGER, "30",
                        "With object lock: how long each object cannot be deleted or replaced."),
                SettingDescriptor.optional(S3Settings.STORAGE_CLASS, "Storage class for data packs", Type.STRING, null,
                        "E.g. STANDARD_IA for the packs under data/; index, snapshots and keys stay in the default class."),
                SettingDescriptor.optional(S3Settings.UPLOAD_LIMIT, "Upload limit (KiB/s)", Type.INTEGER, "0",
                        "Upload at most this many KiB per second over all transfers; 0 for no limit."),
                SettingDescriptor.optional(S3Settings.MULTIPART_THRESHOLD, "Multipart threshold (MiB)", Type.INTEGER, "16",
                        "Objects larger than this are uploaded in parts."),
                SettingDescriptor.optional(S3Settings.PART_SIZE, "Part size (MiB)", Type.INTEGER, "8",
                        "The size of each part of a multipart upload, 5 to 512."),
                SettingDescriptor.optional(S3Settings.RETRIES, "Attempts", Type.INTEGER, "8",
                        "How often a call is tried in all when the server is busy or the connection drops."),
                SettingDescriptor.optional(S3Settings.CONNECT_TIMEOUT, "Connect timeout (s)", Type.INTEGER, "10",
                        "How long to wait for a connection."),
                SettingDescriptor.optional(S3Settings.READ_TIMEOUT, "Read timeout (s)", Type.INTEGER, "60",
                        "How long a connection may stay silent before the call fails (and is retried)."));
    }

    @Override
    public StorageTarget open(TargetSettings settings) throws TargetException {
        S3Settings s = S3Settings.parse(settings);
        RetryPolicy policy = waits.withMaxAttempts(s.retry().maxAttempts());
        Credentials.Source credentials = Credentials.resolve(s, env);
        S3Client client = S3Clients.build(s, credentials.provider());
        try {
            Buckets.prepare(s, client, new Retry(policy, retries));
        } catch (TargetException | RuntimeException e) {
            client.close();
            throw e;
        }
        StorageTarget target = new S3Target(s, client);
        if (s.uploadBytesPerSecond() > 0) {
            target = new RateLimitedTarget(target, s.uploadBytesPerSecond(), 0);
        }
        return new RetryingTarget(target, policy, retries);
    }
}
