package io.backbench.target.s3.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import io.backbench.target.api.TargetException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Where the access key comes from, first match wins: the target's settings, the environment
 * ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}), then the
 * standard AWS profile files ({@code ~/.aws/credentials} and {@code ~/.aws/config}, or the files
 * named by {@code AWS_SHARED_CREDENTIALS_FILE} / {@code AWS_CONFIG_FILE}; profile from the setting,
 * {@code AWS_PROFILE}, or {@code default}). Deliberately not the SDK's default chain: that one
 * also asks the EC2 instance metadata service over the network.
 */
final class Credentials {
    private Credentials() {
    }

    /** A provider and a short word on where the key came from (never the key itself). */
    record Source(AwsCredentialsProvider provider, String from) {
    }

    static Source resolve(S3Settings s, Function<String, String> env) throws TargetException {
        if (s.accessKey().isPresent() || s.secretKey().isPresent()) {
            if (s.accessKey().isEmpty() || s.secretKey().isEmpty()) {
                throw TargetException.permanentFailure("settings '" + S3Settings.ACCESS_KEY + "' and '" + S3Settings.SECRET_KEY
                        + "' go together: set both, or neither to use the environment or ~/.aws/credentials", null);
            }
            return new Source(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s.accessKey().get(), s.secretKey().get())), "the target's settings");
        }
        String id = blankToNull(env.apply("AWS_ACCESS_KEY_ID"));
        String secret = blankToNull(env.apply("AWS_SECRET_ACCESS_KEY"));
        if (id != null && secret != null) {
            String token = blankToNull(env.apply("AWS_SESSION_TOKEN"));
            AwsCredentials c = token == null ? AwsBasicCredentials.create(id, secret)
                    : AwsSessionCredentials.create(id, secret, token);
            return new Source(StaticCredentialsProvider.create(c), "the environment (AWS_ACCESS_KEY_ID)");
        }
        Optional<Source> profile = profile(s, env);
        if (profile.isPresent()) {
            return profile.get();
        }
        throw TargetException.permanentFailure("no S3 credentials for " + s.describe() + ": set '" + S3Settings.ACCESS_KEY
                + "' and '" + S3Settings.SECRET_KEY + "', or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment,"
                + " or a profile in ~/.aws/credentials", null);
    }

    private static Optional<Source> profile(S3Settings s, Function<String, String> env) throws TargetException {
        String home = Optional.ofNullable(blankToNull(env.apply("HOME"))).orElse(System.getProperty("user.home"));
        Path credentials = Path.of(Optional.ofNullable(blankToNull(env.apply("AWS_SHARED_CREDENTIALS_FILE")))
                .orElse(home + "/.aws/credentials"));
        Path config = Path.of(Optional.ofNullable(blankToNull(env.apply("AWS_CONFIG_FILE"))).orElse(home + "/.aws/config"));
        String name = s.profile().orElse(Optional.ofNullable(blankToNull(env.apply("AWS_PROFILE"))).orElse("default"));
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        boolean any = false;
        if (Files.isRegularFile(config)) {
            files.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
            any = true;
        }
        if (Files.isRegularFile(credentials)) {
            files.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
            any = true;
        }
        if (!any) {
            if (s.profile().isPresent()) {
                throw TargetException.permanentFailure("setting '" + S3Settings.PROFILE + "': there is no " + credentials
                        + " or " + config + " to read profile '" + name + "' from", null);
            }
            return Optional.empty();
        }
        ProfileFile merged = files.build();
        boolean hasKey = merged.profile(name).flatMap(p -> p.property("aws_access_key_id")).isPresent();
        if (!hasKey) {
            if (s.profile().isPresent() || blankToNull(env.apply("AWS_PROFILE")) != null) {
                throw TargetException.permanentFailure("profile '" + name + "' in " + credentials + " / " + config
                        + " has no aws_access_key_id", null);
            }
            return Optional.empty();
        }
        return Optional.of(new Source(ProfileCredentialsProvider.builder().profileFile(merged).profileName(name).build(),
                "profile '" + name + "' of " + credentials));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
