package io.backbench.plugins.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/** A real SFTP server (Apache MINA sshd bundles in the same framework) on a free loopback port, serving {@code root}. */
final class SftpServer implements AutoCloseable {
    static final String USER = "backup";
    static final String PASSWORD = "plugin test secret";

    private final SshServer sshd;
    private final String fingerprint;

    private SftpServer(SshServer sshd, String fingerprint) {
        this.sshd = sshd;
        this.fingerprint = fingerprint;
    }

    static SftpServer start(Path root, Path hostKey) throws Exception {
        Files.createDirectories(root);
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKey);
        sshd.setKeyPairProvider(keys);
        sshd.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.start();
        KeyPair pair = keys.loadKeys(null).iterator().next();
        return new SftpServer(sshd, KeyUtils.getFingerPrint(BuiltinDigests.sha256, pair.getPublic()));
    }

    int port() {
        return sshd.getPort();
    }

    /** The host key's SHA-256 fingerprint as ssh prints it ("SHA256:..."). */
    String fingerprint() {
        return fingerprint;
    }

    @Override
    public void close() throws Exception {
        sshd.stop(true);
    }
}
