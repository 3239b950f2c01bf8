package io.backbench.target.s3.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.core.api.ConfiguredTargets.Entry;
import io.backbench.core.internal.ConfiguredTargetsComponent;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.decorators.RetryListener;

/**
 * The S3 secret key as a configured target keeps it: encrypted in the data folder by the core,
 * decrypted only to open the target, which then works as {@code target:NAME}.
 */
class S3ConfiguredTargetTest {
    @TempDir
    Path home;

    @Test
    void keepsTheSecretKeyEncryptedAndOpensTheTargetByName() throws Exception {
        try (S3Server server = new S3Server()) {
            TargetFactory s3 = S3Server.factory(n -> null, RetryListener.SYSTEM_LOGGER);
            ConfiguredTargetsComponent targets = new ConfiguredTargetsComponent(home.resolve("config"),
                    t -> t.equals("s3") ? Optional.of(s3) : Optional.empty());
            Map<String, String> settings = S3Server.settings(server.endpoint(), "offsite");
            targets.save(new Entry("offsite", "s3", TargetSettings.of(settings)));

            try (Stream<Path> files = Files.walk(home)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertFalse(text.contains(S3Server.SECRET_KEY), "the secret key is in plain text in " + f);
                }
            }
            String stored = Files.readString(home.resolve("config/targets/offsite.properties"));
            assertTrue(stored.contains("secret.secret_key=") && stored.contains("setting.access_key=" + S3Server.ACCESS_KEY), stored);

            try (StorageTarget target = targets.open("target:offsite", true)) {
                target.put("config", new byte[] {4, 2});
                try (var in = target.get("config")) {
                    assertArrayEquals(new byte[] {4, 2}, in.readAllBytes());
                }
            }
        }
    }
}
