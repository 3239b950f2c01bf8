package io.backbench.target.sftp.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

/**
 * The settings of one SFTP target, parsed and checked; every error names its setting. The password
 * and the passphrase never appear in {@link #toString()} or {@link #describe()}.
 */
public record SftpSettings(String host, int port, String user, Optional<String> password, Optional<Path> keyFile,
                    Optional<String> passphrase, String path, Optional<String> hostKey, Duration connectTimeout,
                    int connections, boolean create) {

    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    public static final String KEY_FILE = "key_file";
    public static final String PASSPHRASE = "passphrase";
    public static final String PATH = "path";
    public static final String HOST_KEY = "host_key";
    public static final String CONNECT_TIMEOUT = "connect_timeout_s";
    public static final String CONNECTIONS = "connections";
    public static final String CREATE = "create";

    public static final int DEFAULT_PORT = 22;
    public static final int DEFAULT_CONNECTIONS = 4;
    public static final int DEFAULT_CONNECT_TIMEOUT = 15;

    public static SftpSettings parse(TargetSettings s) throws TargetException {
        String host = s.require(HOST).trim();
        if (host.contains("/") || host.contains(" ") || host.contains("@")) {
            throw TargetException.permanentFailure("setting '" + HOST + "' must be a host name or address such as"
                    + " backup.example.org or 192.0.2.10, not '" + host + "' (the user goes in '" + USER
                    + "', the folder in '" + PATH + "')", null);
        }
        long port = s.getLong(PORT, DEFAULT_PORT);
        if (port < 1 || port > 65535) {
            throw TargetException.permanentFailure("setting '" + PORT + "' must be between 1 and 65535, not " + port, null);
        }
        String user = s.require(USER).trim();
        Optional<String> password = s.get(PASSWORD);
        Optional<Path> keyFile = Optional.empty();
        if (s.get(KEY_FILE).isPresent()) {
            Path key = s.requirePath(KEY_FILE);
            if (!key.isAbsolute()) {
                throw TargetException.permanentFailure("setting '" + KEY_FILE + "' must be an absolute path such as"
                        + " /home/backup/.ssh/id_ecdsa, not '" + key + "'", null);
            }
            keyFile = Optional.of(key);
        }
        if (password.isEmpty() && keyFile.isEmpty()) {
            throw TargetException.permanentFailure("neither '" + PASSWORD + "' nor '" + KEY_FILE + "' is set: give the"
                    + " password of user " + user + " on " + host + ", or the path of a private key file it may log in with", null);
        }
        String path = s.require(PATH).trim();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Optional<String> hostKey = s.get(HOST_KEY).map(String::trim);
        if (hostKey.isPresent()) {
            hostKey = Optional.of(Fingerprints.normalise(hostKey.get()));
        }
        long timeout = s.getLong(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
        if (timeout < 1 || timeout > 3600) {
            throw TargetException.permanentFailure("setting '" + CONNECT_TIMEOUT + "' must be between 1 and 3600"
                    + " (seconds), not " + timeout, null);
        }
        long connections = s.getLong(CONNECTIONS, DEFAULT_CONNECTIONS);
        if (connections < 1 || connections > 64) {
            throw TargetException.permanentFailure("setting '" + CONNECTIONS + "' must be between 1 and 64, not "
                    + connections, null);
        }
        return new SftpSettings(host, (int) port, user, password, keyFile, s.get(PASSPHRASE), path, hostKey,
                Duration.ofSeconds(timeout), (int) connections, s.getBoolean(CREATE, true));
    }

    /** {@code sftp:backup@host:22/srv/repo}, for messages; never holds a secret. */
    String describe() {
        return "sftp:" + user + "@" + host + ":" + port + (path.startsWith("/") ? "" : "/") + path;
    }

    @Override
    public String toString() {
        return describe();
    }
}
