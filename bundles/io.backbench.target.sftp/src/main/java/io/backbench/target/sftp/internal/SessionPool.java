package io.backbench.target.sftp.internal;

import java.io.IOException;
import java.nio.channels.UnresolvedAddressException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

import io.backbench.target.api.TargetException;

/**
 * At most {@code connections} logged-in SFTP sessions to one server, each leased to one thread at a
 * time. A session that died (server restart, network drop, idle timeout) is noticed when it is
 * taken from the pool or when an operation on it fails, and replaced by a fresh one on the next
 * lease: the failed operation itself is not repeated here (retrying is the caller's business).
 */
final class SessionPool implements AutoCloseable {
    /** How long a thread waits for a free session before giving up with a retryable error. */
    private static final long LEASE_WAIT_SECONDS = 300;

    private final SftpSettings settings;
    private final String where;
    private final List<KeyPair> identities;
    private final HostKeyCheck hostKeys;
    private final SshClient client;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ArrayDeque<>(); // guarded by this
    private volatile boolean closed;

    SessionPool(SftpSettings settings, List<KeyPair> identities) {
        this.settings = settings;
        this.where = settings.describe();
        this.identities = identities;
        this.hostKeys = new HostKeyCheck(settings.hostKey());
        this.permits = new Semaphore(settings.connections(), true);
        this.client = SshClients.start(hostKeys);
    }

    /** A session for the calling thread; give it back with {@link #release}. */
    Connection lease() throws TargetException {
        checkOpen();
        try {
            if (!permits.tryAcquire(LEASE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw TargetException.transientFailure(where + ": all " + settings.connections() + " connections stayed"
                        + " busy for " + LEASE_WAIT_SECONDS + " s; raise '" + SftpSettings.CONNECTIONS
                        + "' or run fewer transfers at once", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TargetException.transientFailure(where + ": interrupted while waiting for a connection", e);
        }
        try {
            for (Connection c = takeIdle(); c != null; c = takeIdle()) {
                if (c.isOpen()) {
                    return c;
                }
                c.closeQuietly(); // died while idle: the server restarted or timed it out
            }
            return connect();
        } catch (TargetException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /**
     * Gives a session back. {@code reusable} is false after a failure that may have left it broken
     * (anything but the server's own refusal of one request): then it is closed, not kept.
     */
    void release(Connection c, boolean reusable) {
        try {
            if (reusable && !closed && c.isOpen()) {
                synchronized (this) {
                    idle.push(c);
                }
                if (closed) {
                    drain(); // close() ran while we were putting it back
                }
            } else {
                c.closeQuietly();
            }
        } finally {
            permits.release();
        }
    }

    private synchronized Connection takeIdle() {
        return idle.poll();
    }

    private Connection connect() throws TargetException {
        String hostAndPort = settings.host() + ":" + settings.port();
        ClientSession session = null;
        try {
            session = SshClients.withOwnLoader(() -> client.connect(settings.user(), settings.host(), settings.port())
                    .verify(settings.connectTimeout()).getSession());
            settings.password().ifPresent(session::addPasswordIdentity);
            for (KeyPair key : identities) {
                session.addPublicKeyIdentity(key);
            }
            ClientSession s = session;
            SshClients.withOwnLoader(() -> s.auth().verify(settings.connectTimeout()));
            SftpClient sftp = SshClients.withOwnLoader(() -> SftpClientFactory.instance().createSftpClient(s));
            return new Connection(session, sftp);
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                session.close(true);
            }
            throw connectFailure(hostAndPort, e);
        }
    }

    private TargetException connectFailure(String hostAndPort, Exception e) {
        Optional<PublicKey> refused = hostKeys.refusedKey();
        if (refused.isPresent()) {
            return hostKeys.refusal(where, hostAndPort, refused.get());
        }
        String reason = SftpErrors.rootMessage(e);
        if (SftpErrors.causedBy(e, UnresolvedAddressException.class)) {
            return TargetException.permanentFailure(where + ": the host name '" + settings.host() + "' is unknown;"
                    + " check '" + SftpSettings.HOST + "'", e);
        }
        String lower = reason.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("no more authentication methods") || lower.contains("authentication")) {
            return TargetException.permanentFailure(where + ": the server refused to log in user '" + settings.user()
                    + "' with the " + (identities.isEmpty() ? "password" : settings.password().isPresent()
                    ? "private key and the password" : "private key") + " given; check '" + SftpSettings.USER + "', '"
                    + SftpSettings.PASSWORD + "' or '" + SftpSettings.KEY_FILE + "' (the key's public half must be in"
                    + " the user's authorized_keys on the server)", e);
        }
        return TargetException.transientFailure(where + ": cannot connect to " + hostAndPort + ": " + reason
                + "; check that the server runs and that '" + SftpSettings.HOST + "' and '" + SftpSettings.PORT
                + "' are right", e);
    }

    private void checkOpen() throws TargetException {
        if (closed) {
            throw TargetException.permanentFailure(where + " is closed; open the target again", null);
        }
    }

    private void drain() {
        Connection c;
        while ((c = takeIdle()) != null) {
            c.closeQuietly();
        }
    }

    /** Closes the idle sessions and the client; leased sessions are closed when they come back. */
    @Override
    public void close() {
        closed = true;
        drain();
        try {
            client.stop();
        } catch (RuntimeException e) {
            // stopping a client whose threads are gone already
        }
    }
}
