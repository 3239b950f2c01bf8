package io.backbench.target.sftp.internal;

import java.nio.file.Path;

/** {@link SftpServer} for tests in other packages (the settings page's). */
public final class TestSftpServer implements AutoCloseable {
    private final SftpServer server;

    public TestSftpServer(Path dir) throws java.io.IOException {
        server = new SftpServer(dir.resolve("served"), dir.resolve("host-key"));
    }

    public int port() {
        return server.port();
    }

    public String fingerprint() throws Exception {
        return server.fingerprint();
    }

    @Override
    public void close() throws java.io.IOException {
        server.close();
    }
}
