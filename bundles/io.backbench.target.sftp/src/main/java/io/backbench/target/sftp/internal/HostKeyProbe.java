package io.backbench.target.sftp.internal;

import java.io.IOException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;

/**
 * Asks a server for its host key without trusting it: connects, lets the key exchange run until
 * the server has shown its key, refuses it and disconnects. Nothing is authenticated or sent.
 * Blocks the calling thread (never the UI thread) for up to the timeout.
 */
public final class HostKeyProbe {

    /** A server's host key as shown to an administrator. */
    public record PresentedKey(String fingerprint, String type) {
    }

    private HostKeyProbe() {
    }

    public static PresentedKey fetch(String host, int port, Duration timeout) throws IOException {
        HostKeyCheck check = new HostKeyCheck(Optional.empty());
        SshClient client = SshClients.start(check);
        try {
            ClientSession session = SshClients.withOwnLoader(
                    () -> client.connect("probe", host, port).verify(timeout).getSession());
            try {
                session.waitFor(EnumSet.of(ClientSessionEvent.CLOSED, ClientSessionEvent.WAIT_AUTH), timeout);
            } finally {
                session.close(true);
            }
            PublicKey key = check.refusedKey().orElseThrow(() -> new IOException("the server at " + host + ":" + port
                    + " did not show a host key within " + timeout.toSeconds() + " s"));
            return new PresentedKey(Fingerprints.of(key), Fingerprints.type(key));
        } finally {
            client.stop();
        }
    }
}
