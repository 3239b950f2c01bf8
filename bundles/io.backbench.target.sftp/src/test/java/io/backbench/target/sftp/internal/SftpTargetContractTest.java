package io.backbench.target.sftp.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.tck.StorageTargetContract;

/**
 * The SFTP target, opened through its factory with a password, against the whole conformance kit
 * on an in-process SFTP server: a fresh folder on the server for every test.
 */
class SftpTargetContractTest extends StorageTargetContract {
    private static final AtomicInteger FOLDERS = new AtomicInteger();
    @TempDir
    static Path dir;
    static SftpServer server;
    private Map<String, String> settings;

    @BeforeAll
    static void startServer() throws Exception {
        server = new SftpServer(dir.resolve("served"), dir.resolve("host-key"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** The settings of a new target in a folder of its own. */
    Map<String, String> settingsFor(String path) throws Exception {
        return server.passwordSettings(path);
    }

    private StorageTarget open() throws Exception {
        return new SftpTargetFactory().open(TargetSettings.of(settings));
    }

    @Override
    protected StorageTarget newTarget() throws Exception {
        settings = settingsFor("/repos/r" + FOLDERS.incrementAndGet());
        return open();
    }

    @Override
    protected StorageTarget reopen(StorageTarget closed) throws Exception {
        return open();
    }
}
