package io.backbench.target.sftp.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server in the test's JVM (Apache MINA sshd with its SFTP subsystem) on 127.0.0.1 and
 * a random port, serving {@code root} as "/". It logs in {@link #USER} with {@link #PASSWORD} or
 * with the public key given to {@link #authorize}. Its one host key (EC P-256) is kept in a file, so
 * a {@link #restart()} on the same port is the same server again.
 */
final class SftpServer implements AutoCloseable {
    static final String USER = "backup";
    static final String PASSWORD = "correct horse battery";

    final Path root;
    private final Path hostKeyFile;
    private volatile PublicKey authorized;
    private SshServer server;
    private int port;

    SftpServer(Path root, Path hostKeyFile) throws IOException {
        this.root = Files.createDirectories(root);
        this.hostKeyFile = hostKeyFile;
        start(0);
    }

    private void start(int onPort) throws IOException {
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        keys.setKeySize(256);
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(onPort);
        s.setKeyPairProvider(keys);
        s.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        s.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && authorized != null
                && KeyUtils.compareKeys(authorized, key));
        s.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        s.setFileSystemFactory(new VirtualFileSystemFactory(root));
        s.start();
        server = s;
        port = s.getPort();
    }

    int port() {
        return port;
    }

    void authorize(PublicKey key) {
        authorized = key;
    }

    /** The SHA256 fingerprint of the server's host key, as ssh-keygen -lf prints it. */
    String fingerprint() throws Exception {
        KeyPair pair = server.getKeyPairProvider().loadKeys(null).iterator().next();
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, pair.getPublic());
    }

    /** Stops at once, cutting every session (as a crashed or rebooted server would). */
    void stop() throws IOException {
        server.stop(true);
    }

    /** Starts again on the same port with the same host key. */
    void restart() throws IOException {
        start(port);
    }

    /** Settings for a target in {@code path} (under the served root), logging in with the password. */
    Map<String, String> passwordSettings(String path) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("host", "127.0.0.1");
        m.put("port", String.valueOf(port));
        m.put("user", USER);
        m.put("password", PASSWORD);
        m.put("path", path);
        m.put("host_key", fingerprint());
        m.put("connect_timeout_s", "10");
        return m;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
