package io.backbench.target.sftp.internal;

import java.io.IOException;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;

/** One logged-in SSH session and its SFTP channel; used by one thread at a time (leased from the pool). */
record Connection(ClientSession session, SftpClient sftp) {

    boolean isOpen() {
        return session.isOpen() && sftp.isOpen();
    }

    void closeQuietly() {
        try {
            sftp.close();
        } catch (IOException | RuntimeException e) {
            // the session may be dead already; closing it below is all that is left to do
        }
        session.close(true);
    }
}
