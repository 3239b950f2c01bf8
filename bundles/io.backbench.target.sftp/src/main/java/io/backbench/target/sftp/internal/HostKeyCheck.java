package io.backbench.target.sftp.internal;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

import io.backbench.target.api.TargetException;

/**
 * Strict host key checking against the one fingerprint in the settings: no known_hosts, no
 * trust-on-first-use. A missing or different fingerprint refuses the connection and remembers the
 * key the server showed, so that the error can name it. Called on sshd's I/O threads.
 */
final class HostKeyCheck implements ServerKeyVerifier {
    private final Optional<String> expected;
    private final AtomicReference<PublicKey> refused = new AtomicReference<>();

    HostKeyCheck(Optional<String> expected) {
        this.expected = expected;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        if (expected.isPresent() && expected.get().equals(Fingerprints.of(serverKey))) {
            return true;
        }
        refused.set(serverKey);
        return false;
    }

    /** The key of the last refused server, if a connection was refused for its key. */
    Optional<PublicKey> refusedKey() {
        return Optional.ofNullable(refused.get());
    }

    /** The error for a refused host key: shows the server's fingerprint so the administrator can check it. */
    TargetException refusal(String where, String hostAndPort, PublicKey key) {
        String shown = Fingerprints.of(key) + " (" + Fingerprints.type(key) + ")";
        String check = " Compare it with the fingerprint the server's administrator reads on the server (ssh-keygen -lf"
                + " /etc/ssh/ssh_host_*_key.pub), then set '" + SftpSettings.HOST_KEY + "' to it (or use 'Fetch host key'"
                + " in the target's settings page).";
        if (expected.isEmpty()) {
            return TargetException.permanentFailure(where + ": no host key fingerprint is set, so the server at "
                    + hostAndPort + " is not trusted. It presented the host key " + shown + "." + check, null);
        }
        return TargetException.permanentFailure(where + ": the server at " + hostAndPort + " presented the host key "
                + shown + ", but the target expects " + expected.get() + ". Either the server's key changed (it was"
                + " reinstalled or moved) or someone is intercepting the connection; nothing was sent." + check, null);
    }
}
