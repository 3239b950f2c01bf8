package io.backbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.cli.api.Command;
import io.backbench.core.api.TargetTypes;
import io.backbench.core.internal.ConfiguredTargetsComponent;
import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.SettingDescriptor.Type;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.disk.internal.DiskTargetFactory;

/** {@code targets list|add|show|test|remove} on the core's real store, with the real disk target. */
class ConfiguredTargetsCommandsTest {
    private static final String SECRET = "pa55-w0rd-never-printed";

    @TempDir
    Path dir;

    /** The output of the last command run. */
    private Output out = new Output();
    private Output err = new Output();
    private final TargetFactory disk = new DiskTargetFactory();
    private final TargetFactory locked = new LockedFolderFactory();
    private final Map<String, TargetFactory> installed = new java.util.TreeMap<>(Map.of("disk", disk, "locked", locked));

    private Command command() {
        TargetTypes types = new TargetTypes() {
            @Override
            public List<TargetFactory> all() {
                return List.copyOf(installed.values());
            }

            @Override
            public Optional<TargetFactory> find(String type) {
                return Optional.ofNullable(installed.get(type));
            }

            @Override
            public void addListener(Runnable listener) {
            }

            @Override
            public void removeListener(Runnable listener) {
            }
        };
        ConfiguredTargetsComponent store = new ConfiguredTargetsComponent(dir.resolve("config"), types::find);
        return new TargetsCommand(types, new ConfiguredTargetsCommands(types, store, () -> SECRET), f -> "");
    }

    private int run(boolean json, String... args) {
        Command c = command();
        out = new Output();
        err = new Output();
        return c.run(List.of(args), new Dispatcher.Context(out.stream, err.stream, json, c.name()));
    }

    @Test
    void addsListsShowsAndRemovesATarget() {
        Path folder = dir.resolve("nas");
        assertEquals(0, run(false, "add", "nas", "disk", "path=" + folder, "fsync=false"), err.text());
        assertTrue(out.text().contains("Added target 'nas' (disk)") && out.text().contains("-r target:nas"), out.text());
        assertEquals(0, run(false, "list"));
        assertTrue(out.text().contains("NAME") && out.text().contains("nas") && out.text().contains(folder.toString()), out.text());
        assertEquals(0, run(false, "show", "nas"));
        assertTrue(out.text().contains("path   " + folder) && out.text().contains("fsync  false"), out.text());
        assertEquals(0, run(false, "remove", "nas"));
        assertEquals(0, run(false, "list"));
        assertTrue(out.text().contains("No targets are configured"), out.text());
    }

    @Test
    void masksSecretsInShowAndAsksForThemWithDash() throws Exception {
        assertEquals(0, run(false, "add", "safe", "locked", "folder=" + dir.resolve("safe"), "password=-"), err.text());
        assertEquals(0, run(false, "show", "safe"));
        assertTrue(out.text().contains("password  " + ConfiguredTargetsCommands.MASK), out.text());
        assertFalse(out.text().contains(SECRET), out.text());
        assertEquals(0, run(true, "show", "safe"));
        assertFalse(out.text().contains(SECRET), out.text());
        try (Stream<Path> files = Files.walk(dir.resolve("config"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(SECRET), f.toString());
            }
        }
        assertEquals(0, run(false, "test", "safe"), err.text());
        assertTrue(out.text().contains("Target 'safe' works") && out.text().contains("holds 0 objects"), out.text());
    }

    @Test
    void hidesEveryValueOfATargetWhoseTypeIsGone() {
        assertEquals(0, run(false, "add", "safe", "locked", "folder=/srv/safe", "password=" + SECRET));
        installed.remove("locked");
        assertEquals(0, run(false, "list"));
        assertTrue(out.text().contains("locked (type not installed)"), out.text());
        assertEquals(0, run(false, "show", "safe"));
        assertFalse(out.text().contains(SECRET) || out.text().contains("/srv/safe"), out.text());
        assertTrue(out.text().contains("not installed"), out.text());
        assertEquals(1, run(false, "test", "safe"));
        assertTrue(err.text().contains("the locked target type is not installed"), err.text());
    }

    @Test
    void refusesBadInputSayingWhatToDo() {
        assertEquals(1, run(false, "add", "x", "sftp", "host=h"));
        assertTrue(err.text().contains("the sftp target type is not installed"), err.text());
        assertEquals(1, run(false, "add", "x", "locked", "folder=/a"));
        assertTrue(err.text().contains("needs a value for password"), err.text());
        assertEquals(2, run(false, "add", "x", "disk", "path"));
        assertTrue(err.text().contains("'path' is not key=value"), err.text());
        assertEquals(1, run(false, "remove", "nope"));
        assertTrue(err.text().contains("no configured target named 'nope'"), err.text());
        assertEquals(2, run(false, "show"));
        assertEquals(0, run(true, "list"));
        assertEquals("[]\n", out.text());
    }

    /** A folder that opens only with its password: a type with a secret setting. */
    private static final class LockedFolderFactory implements TargetFactory {
        @Override
        public String type() {
            return "locked";
        }

        @Override
        public String displayName() {
            return "Locked folder";
        }

        @Override
        public String description() {
            return "A folder behind a password.";
        }

        @Override
        public List<SettingDescriptor> settings() {
            return List.of(SettingDescriptor.required("folder", "Folder", Type.PATH, "where"),
                    SettingDescriptor.required("password", "Password", Type.SECRET, "the password"));
        }

        @Override
        public StorageTarget open(TargetSettings settings) throws TargetException {
            if (!settings.require("password").equals(SECRET)) {
                throw TargetException.permanentFailure("wrong password", null);
            }
            return new DiskTargetFactory().open(TargetSettings.of(Map.of("path", settings.require("folder"))));
        }
    }
}
