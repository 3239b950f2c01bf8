package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.core.api.ConfiguredTargets.Entry;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.disk.internal.DiskTargetFactory;

class ConfiguredTargetsTest {
    @TempDir
    Path dir;

    private final TargetFactory disk = new DiskTargetFactory();
    private final TargetFactory vault = new VaultTargetFactory();
    private final Function<String, Optional<TargetFactory>> types =
            t -> t.equals("disk") ? Optional.of(disk) : t.equals("vault") ? Optional.of(vault) : Optional.empty();

    private ConfiguredTargetsComponent targets() {
        return new ConfiguredTargetsComponent(dir.resolve("config"), types);
    }

    private Entry vaultEntry(String name) {
        return new Entry(name, "vault", TargetSettings.of(Map.of("folder", dir.resolve("v").toString(),
                "token", VaultTargetFactory.TOKEN)));
    }

    @Test
    void keepsASavedTargetForTheNextProcess() throws Exception {
        targets().save(vaultEntry("offsite"));
        Entry back = targets().find("offsite").orElseThrow();
        assertEquals("vault", back.type());
        assertEquals(VaultTargetFactory.TOKEN, back.settings().get("token").orElseThrow());
        assertEquals(dir.resolve("v").toString(), back.settings().get("folder").orElseThrow());
    }

    @Test
    void neverWritesASecretAsPlainText() throws Exception {
        targets().save(vaultEntry("offsite"));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                assertFalse(new String(content, StandardCharsets.ISO_8859_1).contains(VaultTargetFactory.TOKEN),
                        "the secret is in plain text in " + f);
            }
        }
        String stored = Files.readString(dir.resolve("config/targets/offsite.properties"));
        assertTrue(stored.contains("secret.token=aes-gcm\\:") || stored.contains("secret.token=aes-gcm:"), stored);
        assertTrue(stored.contains("setting.folder="), stored);
    }

    @Test
    void keepsTheKeyReadableByTheOwnerOnly() throws Exception {
        targets().save(vaultEntry("offsite"));
        Path key = dir.resolve("config/secret.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("config/targets"))));
        assertEquals(32, Files.size(key));
    }

    @Test
    void refusesToHandBackASecretUnderAnotherKey() throws Exception {
        targets().save(vaultEntry("offsite"));
        Path key = dir.resolve("config/secret.key");
        byte[] other = Files.readAllBytes(key);
        other[0] ^= 1;
        Files.write(key, other);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> targets().find("offsite"));
        assertTrue(e.getMessage().contains("enter the secret again"), e.getMessage());
    }

    @Test
    void opensAConfiguredTargetByName() throws Exception {
        ConfiguredTargetsComponent t = targets();
        t.save(new Entry("nas", "disk", TargetSettings.of(Map.of("path", dir.resolve("nas").toString(), "fsync", "false"))));
        try (StorageTarget target = t.open("target:nas")) {
            target.put("config", new byte[] {1, 2, 3});
        }
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve("nas/config")));
        t.save(vaultEntry("safe"));
        try (StorageTarget target = t.open("target:safe")) {
            assertTrue(target.describe().contains(dir.resolve("v").toString()), target.describe());
        }
    }

    @Test
    void opensFoldersAndTypedLocationsWithoutSavingThem() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        try (StorageTarget target = targets().open(dir.resolve("a").toString())) {
            assertTrue(target.describe().contains(dir.resolve("a").toString()));
        }
        try (StorageTarget target = targets().open("vault:folder=" + dir.resolve("b") + ",token=" + VaultTargetFactory.TOKEN)) {
            assertTrue(Files.isDirectory(dir.resolve("b")));
        }
        assertEquals(List.of(), targets().all());
    }

    @Test
    void createsAFolderOnlyWhenAskedTo() throws Exception {
        Path missing = dir.resolve("missing");
        TargetException e = assertThrows(TargetException.class, () -> targets().open(missing.toString()));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(missing));
        targets().open(missing.toString(), true).close();
        assertTrue(Files.isDirectory(missing));
    }

    @Test
    void saysWhatToDoWhenTheTypeIsNotInstalled() {
        TargetException e = assertThrows(TargetException.class, () -> targets().open("sftp:host=h"));
        assertTrue(e.getMessage().contains("the sftp target type is not installed") && e.getMessage().contains("install its plugin"),
                e.getMessage());
        TargetException save = assertThrows(TargetException.class,
                () -> targets().save(new Entry("x", "sftp", TargetSettings.of(Map.of()))));
        assertTrue(save.getMessage().contains("sftp target type is not installed"), save.getMessage());
    }

    @Test
    void showsLocationsWithTheirSecretsMasked() {
        ConfiguredTargetsComponent t = targets();
        // the type's SECRET settings, whatever their names
        assertEquals("vault:folder=/v,token=***,pin=***", t.display("vault:folder=/v,token=" + VaultTargetFactory.TOKEN + ",pin=1234"));
        // a type that is not installed: settings whose names say they are secret
        assertEquals("s3:bucket=b,access_key=AK,secret_key=***", t.display("s3:bucket=b,access_key=AK,secret_key=SK"));
        assertEquals("sftp:host=h,password=***,session_token=***", t.display("sftp:host=h,password=pw,session_token=x"));
        // nothing to hide
        for (String plain : List.of("/srv/repo", "relative/repo", "target:offsite", "disk:/srv/repo", "vault:folder=/v")) {
            assertEquals(plain, t.display(plain));
        }
    }

    @Test
    void aLocationThatCannotBeOpenedIsNamedWithoutItsSecrets() {
        ConfiguredTargetsComponent t = targets();
        TargetException wrong = assertThrows(TargetException.class,
                () -> t.open("vault:folder=" + dir.resolve("v") + ",token=wrong-token-value,pin=4321"));
        assertTrue(wrong.getMessage().contains("token=***,pin=***"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("wrong-token-value") || wrong.getMessage().contains("4321"), wrong.getMessage());
        TargetException missing = assertThrows(TargetException.class, () -> t.open("s3:bucket=b,secret_key=SK123"));
        assertFalse(missing.getMessage().contains("SK123"), missing.getMessage());
        TargetException malformed = assertThrows(TargetException.class, () -> t.open("s3:secret_key=SK123,oops"));
        assertFalse(malformed.getMessage().contains("SK123"), malformed.getMessage());
    }

    @Test
    void saysWhichNameIsUnknown() {
        TargetException e = assertThrows(TargetException.class, () -> targets().open("target:nope"));
        assertTrue(e.getMessage().contains("no configured target named 'nope'") && e.getMessage().contains("targets add"),
                e.getMessage());
    }

    @Test
    void refusesATargetWithoutItsRequiredSettingsOrWithUnknownOnes() {
        TargetException missing = assertThrows(TargetException.class,
                () -> targets().save(new Entry("v", "vault", TargetSettings.of(Map.of("folder", "/x")))));
        assertTrue(missing.getMessage().contains("needs a value for token (Token)"), missing.getMessage());
        TargetException unknown = assertThrows(TargetException.class,
                () -> targets().save(new Entry("d", "disk", TargetSettings.of(Map.of("path", "/x", "colour", "red")))));
        assertTrue(unknown.getMessage().contains("has no setting colour"), unknown.getMessage());
        TargetException badName = assertThrows(TargetException.class,
                () -> targets().save(new Entry("../etc", "disk", TargetSettings.of(Map.of("path", "/x")))));
        assertTrue(badName.getMessage().contains("not a valid target name"), badName.getMessage());
        assertEquals(List.of(), targets().all());
    }

    @Test
    void listsByNameAndForgetsADeletedTarget() throws Exception {
        ConfiguredTargetsComponent t = targets();
        AtomicInteger changes = new AtomicInteger();
        t.addListener(changes::incrementAndGet);
        t.save(new Entry("zeta", "disk", TargetSettings.of(Map.of("path", "/z"))));
        t.save(new Entry("alpha", "disk", TargetSettings.of(Map.of("path", "/a"))));
        assertEquals(List.of("alpha", "zeta"), t.all().stream().map(Entry::name).toList());
        t.delete("zeta");
        t.delete("zeta");
        assertEquals(List.of("alpha"), t.all().stream().map(Entry::name).toList());
        assertEquals(3, changes.get(), "two saves and one real delete");
        assertTrue(t.find("zeta").isEmpty());
    }

    @Test
    void replacesATargetSavedAgainUnderItsName() throws Exception {
        ConfiguredTargetsComponent t = targets();
        t.save(new Entry("n", "disk", TargetSettings.of(Map.of("path", "/one"))));
        t.save(new Entry("n", "disk", TargetSettings.of(Map.of("path", "/two"))));
        assertEquals("/two", t.find("n").orElseThrow().settings().get("path").orElseThrow());
        assertEquals(1, t.all().size());
    }
}
