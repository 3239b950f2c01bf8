package io.backbench.target.sftp.internal;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Makes sshd clients that depend on nothing of the user's: no ~/.ssh/config, no ~/.ssh/id_* keys,
 * no known_hosts. sshd looks classes up through the thread's context class loader, which inside
 * OSGi is anybody's; every call that may load sshd classes runs with this bundle's loader there.
 */
final class SshClients {
    static {
        // sshd switches to Bouncy Castle (or net.i2p's EdDSA) as soon as it finds the classes through any
        // class loader, e.g. a context class loader that sees the product's bcprov, and then fails with
        // NoClassDefFoundError in this bundle, which does not import them. The JDK's providers do everything
        // needed; this changes only this bundle's private copy of sshd.
        SecurityUtils.setAPrioriDisabledProvider(SecurityUtils.BOUNCY_CASTLE, true);
        SecurityUtils.setAPrioriDisabledProvider(SecurityUtils.EDDSA, true);
    }

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private SshClients() {
    }

    static SshClient start(ServerKeyVerifier verifier) {
        return withOwnLoader(() -> {
            SshClient client = SshClient.setUpDefaultClient();
            client.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory());
            client.setServerKeyVerifier(verifier);
            client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
            client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            // a server or network that goes silent (no FIN) would leave calls waiting forever: after about a
            // minute of unanswered keep-alives the session is closed and the waiting call fails (retryably)
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, HEARTBEAT);
            CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, 4);
            // one SFTP read request at a time waits for its answer: Nagle's algorithm would add delayed-ACK stalls
            CoreModuleProperties.TCP_NODELAY.set(client, true);
            client.start();
            return client;
        });
    }

    /** Runs {@code call} with this bundle's class loader as the thread's context class loader. */
    static <T, E extends Exception> T withOwnLoader(Call<T, E> call) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SshClients.class.getClassLoader());
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A {@link Callable} with a narrower exception. */
    @FunctionalInterface
    interface Call<T, E extends Exception> {
        T call() throws E;
    }
}
