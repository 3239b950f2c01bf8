package io.backbench.core.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.backbench.core.api.ConfiguredTargets.Entry;
import io.backbench.target.api.TargetSettings;

/**
 * The configured targets on disk: one file {@code <config>/targets/<name>.properties} per target,
 * {@code type=...}, {@code setting.<key>=<value>} and, for secrets, {@code secret.<key>=aes-gcm:...}
 * (see {@link SecretBox}). Plain files rather than ConfigAdmin: several processes (CLI commands, the
 * workbench) share them, each write is atomic (a temporary file moved into place) and every read
 * sees the latest one; ConfigAdmin would cache per process and keep values in clear text. Free of
 * OSGi; thread-safe (files are the only state).
 */
final class TargetStore {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String SUFFIX = ".properties";
    private static final String TYPE = "type";
    private static final String SETTING = "setting.";
    private static final String SECRET = "secret.";

    private final Path folder;
    private final SecretBox secrets;

    TargetStore(Path config) {
        this.folder = config.resolve("targets");
        this.secrets = new SecretBox(config.resolve("secret.key"));
    }

    Path folder() {
        return folder;
    }

    /** Checks a target name; the message says what a name may hold. */
    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid target name: use 1 to 64 letters, digits,"
                    + " '.', '_' or '-', starting with a letter or digit (e.g. nas, offsite-s3)");
        }
        return name;
    }

    List<Entry> all() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                name = name.substring(0, name.length() - SUFFIX.length());
                if (NAME.matcher(name).matches()) {
                    read(name).ifPresent(entries::add);
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::name));
        return entries;
    }

    Optional<Entry> read(String name) throws IOException {
        checkName(name);
        Path file = file(name);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String type = p.getProperty(TYPE);
        if (type == null || type.isBlank()) {
            throw new IOException("the target file " + file + " names no type; delete it or add a line type=TYPE");
        }
        Map<String, String> values = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith(SETTING)) {
                values.put(k.substring(SETTING.length()), p.getProperty(k));
            } else if (k.startsWith(SECRET)) {
                String key = k.substring(SECRET.length());
                values.put(key, secrets.decrypt(p.getProperty(k), context(name, key)));
            }
        }
        return Optional.of(new Entry(name, type.trim(), TargetSettings.of(values)));
    }

    /** Writes {@code entry}, encrypting the values of {@code secretKeys}; atomic. */
    void write(Entry entry, Set<String> secretKeys) throws IOException {
        checkName(entry.name());
        // the owner's only: the secrets are encrypted, but names, hosts and key IDs are nobody else's business
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put(TYPE, entry.type());
        for (Map.Entry<String, String> e : new TreeMap<>(entry.settings().asMap()).entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                continue;
            }
            if (secretKeys.contains(e.getKey())) {
                lines.put(SECRET + e.getKey(), secrets.encrypt(e.getValue(), context(entry.name(), e.getKey())));
            } else {
                lines.put(SETTING + e.getKey(), e.getValue());
            }
        }
        Properties p = new Properties();
        p.putAll(lines);
        StringWriter text = new StringWriter();
        p.store(text, "Backbench storage target '" + entry.name() + "'; secret.* values are encrypted with ../secret.key");
        Path tmp = Files.createTempFile(folder, ".tmp-" + entry.name(), SUFFIX);
        try {
            Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file(entry.name()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    boolean delete(String name) throws IOException {
        return Files.deleteIfExists(file(checkName(name)));
    }

    private Path file(String name) {
        return folder.resolve(name + SUFFIX);
    }

    private static String context(String name, String key) {
        return "target " + name + ", setting " + key;
    }
}
