package io.backbench.target.s3.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.decorators.RetryListener;

/** Each source of the access key, checked by the real server's signature check. */
class S3CredentialsTest {
    private static S3Server server;
    @TempDir
    Path home;

    @BeforeAll
    static void start() throws Exception {
        server = new S3Server();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Map<String, String> withoutKeys(String bucket) {
        Map<String, String> s = S3Server.settings(server.endpoint(), bucket);
        s.remove("access_key");
        s.remove("secret_key");
        return s;
    }

    private static void roundTrip(StorageTarget t) throws Exception {
        t.put("config", new byte[] {1, 2, 3});
        try (InputStream in = t.get("config")) {
            assertArrayEquals(new byte[] {1, 2, 3}, in.readAllBytes());
        }
    }

    @Test
    void takesTheKeyFromTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        try (StorageTarget t = S3Server.factory(env::get, RetryListener.SYSTEM_LOGGER)
                .open(TargetSettings.of(withoutKeys("from-env")))) {
            roundTrip(t);
        }
    }

    @Test
    void takesTheKeyFromANamedProfileInTheAwsCredentialsFile() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = wrong\naws_secret_access_key = wrong\n"
                + "[backup]\naws_access_key_id = " + S3Server.ACCESS_KEY + "\naws_secret_access_key = " + S3Server.SECRET_KEY + "\n");
        Map<String, String> env = Map.of("HOME", home.toString());
        Map<String, String> s = withoutKeys("from-profile");
        s.put("profile", "backup");
        try (StorageTarget t = S3Server.factory(env::get, RetryListener.SYSTEM_LOGGER).open(TargetSettings.of(s))) {
            roundTrip(t);
        }
    }

    @Test
    void settingsWinOverTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "wrong", "AWS_SECRET_ACCESS_KEY", "wrong");
        try (StorageTarget t = S3Server.factory(env::get, RetryListener.SYSTEM_LOGGER)
                .open(TargetSettings.of(S3Server.settings(server.endpoint(), "from-settings")))) {
            roundTrip(t);
        }
    }

    @Test
    void aWrongSecretIsAPermanentErrorThatNamesTheCredentials() {
        Map<String, String> s = S3Server.settings(server.endpoint(), "wrong-secret");
        s.put("secret_key", "not-the-secret");
        TargetException e = assertThrows(TargetException.class,
                () -> S3Server.factory(n -> null, RetryListener.SYSTEM_LOGGER).open(TargetSettings.of(s)));
        assertTrue(!e.isRetryable() && e.getMessage().contains("access key"), e.getMessage());
        assertTrue(!e.getMessage().contains("not-the-secret"), "the message must not show the secret");
    }

    @Test
    void noCredentialsAnywhereSaysWhereToPutThem() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        TargetException e = assertThrows(TargetException.class, () -> S3Server.factory(env::get, RetryListener.SYSTEM_LOGGER)
                .open(TargetSettings.of(withoutKeys("none"))));
        assertTrue(e.getMessage().contains("AWS_ACCESS_KEY_ID") && e.getMessage().contains("~/.aws/credentials"), e.getMessage());
        assertEquals(false, e.isRetryable());
    }
}
