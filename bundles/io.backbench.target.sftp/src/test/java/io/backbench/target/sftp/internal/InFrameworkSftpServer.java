package io.backbench.target.sftp.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * An SFTP server made of the sshd-osgi and sshd-sftp bundles inside a framework, driven by
 * reflection because its classes are the framework's. A test bundle compiled against those bundles
 * writes the same in plain Java (see the report / the class comment of SftpBundleInFelixIT):
 * <pre>{@code
 * // with the sshd bundle's class loader as the thread's context class loader:
 * Thread.currentThread().setContextClassLoader(SshServer.class.getClassLoader());
 * SecurityUtils.setAPrioriDisabledProvider(SecurityUtils.BOUNCY_CASTLE, true); // the product's bcprov is too old
 * SecurityUtils.setAPrioriDisabledProvider(SecurityUtils.EDDSA, true);
 * SshServer sshd = SshServer.setUpDefaultServer();
 * sshd.setHost("127.0.0.1");
 * sshd.setPort(0);
 * sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKeyFile));
 * sshd.setPasswordAuthenticator((user, password, session) -> "backup".equals(user) && "secret".equals(password));
 * sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
 * sshd.setFileSystemFactory(new VirtualFileSystemFactory(rootFolder));
 * sshd.start(); // sshd.getPort(); fingerprint: KeyUtils.getFingerPrint(BuiltinDigests.sha256, hostKey)
 * }</pre>
 */
final class InFrameworkSftpServer implements AutoCloseable {
    static final String USER = "backup";
    static final String PASSWORD = "in-framework secret";

    private final Object server;
    private final int port;

    private InFrameworkSftpServer(Object server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * sshd resolves some of its own classes through the thread's context class loader, so that must
     * be the sshd bundle's while the server is set up and started (else ClassCastExceptions).
     */
    static InFrameworkSftpServer start(Bundle sshd, Bundle sftp, Path root, Path hostKeyFile) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(sshd.adapt(BundleWiring.class).getClassLoader());
        try {
            return setUp(sshd, sftp, root, hostKeyFile);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static InFrameworkSftpServer setUp(Bundle sshd, Bundle sftp, Path root, Path hostKeyFile) throws Exception {
        // the product's bcprov (older than sshd wants) must not be picked up by sshd: see SshClients
        Class<?> security = sshd.loadClass("org.apache.sshd.common.util.security.SecurityUtils");
        FelixRig.call(security, "setAPrioriDisabledProvider", "BC", true);
        FelixRig.call(security, "setAPrioriDisabledProvider", "EdDSA", true);
        Object server = FelixRig.call(sshd.loadClass("org.apache.sshd.server.SshServer"), "setUpDefaultServer");
        FelixRig.call(server, "setHost", "127.0.0.1");
        FelixRig.call(server, "setPort", 0);
        Object keys = sshd.loadClass("org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider")
                .getConstructor(Path.class).newInstance(hostKeyFile);
        FelixRig.call(server, "setKeyPairProvider", keys);
        Class<?> passwords = sshd.loadClass("org.apache.sshd.server.auth.password.PasswordAuthenticator");
        Object authenticator = Proxy.newProxyInstance(passwords.getClassLoader(), new Class<?>[] {passwords},
                (proxy, method, args) -> switch (method.getName()) {
                    case "authenticate" -> USER.equals(args[0]) && PASSWORD.equals(args[1]);
                    case "handleClientPasswordChangeRequest" -> false;
                    case "toString" -> "test passwords";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        FelixRig.call(server, "setPasswordAuthenticator", authenticator);
        Object subsystem = sftp.loadClass("org.apache.sshd.sftp.server.SftpSubsystemFactory").getConstructor().newInstance();
        FelixRig.call(server, "setSubsystemFactories", List.of(subsystem));
        Object files = sshd.loadClass("org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory")
                .getConstructor(Path.class).newInstance(root);
        FelixRig.call(server, "setFileSystemFactory", files);
        FelixRig.call(server, "start");
        return new InFrameworkSftpServer(server, (Integer) FelixRig.call(server, "getPort"));
    }

    int port() {
        return port;
    }

    String fingerprint() throws Exception {
        Object provider = FelixRig.call(server, "getKeyPairProvider");
        Iterable<?> keys = (Iterable<?>) FelixRig.call(provider, "loadKeys", (Object) null);
        KeyPair pair = (KeyPair) keys.iterator().next();
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, pair.getPublic());
    }

    @Override
    public void close() throws Exception {
        FelixRig.call(server, "stop", true);
    }
}
