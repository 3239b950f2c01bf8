package io.backbench.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog suite on the embedded H2 database, a file in a temporary folder. */
class H2CatalogTest extends CatalogContract {
    @TempDir
    Path dir;

    @Override
    String url() {
        return H2Settings.url(dir);
    }

    @Override
    String user() {
        return "";
    }

    @Override
    String password() {
        return "";
    }

    @Test
    void theServerThatLetsAnotherProcessShareTheCatalogListensOnLoopbackOnly() throws IOException {
        open();
        Properties lock = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(H2Settings.NAME + ".lock.db"))) {
            lock.load(r);
        }
        String server = lock.getProperty("server");
        assertTrue(server != null && (server.startsWith("127.0.0.1:") || server.startsWith("localhost:")), "the lock file names " + server);
        String port = String.format(Locale.ROOT, "%04X", Integer.parseInt(server.substring(server.indexOf(':') + 1)));
        // Java's sockets are dual-stack: 127.0.0.1 shows in tcp6 as the IPv4-mapped ::ffff:127.0.0.1
        List<String> listening = new java.util.ArrayList<>(listeners(Path.of("/proc/net/tcp"), port));
        listening.addAll(listeners(Path.of("/proc/net/tcp6"), port));
        assertEquals(1, listening.size(), "listening sockets on port " + port + ": " + listening);
        assertTrue(List.of("0100007F:" + port, "0000000000000000FFFF00000100007F:" + port).contains(listening.get(0)),
                "bound to " + listening.get(0));
    }

    private static List<String> listeners(Path table, String port) throws IOException {
        return Files.readAllLines(table).stream().skip(1).map(String::trim).map(l -> l.split("\\s+"))
                .filter(f -> f[3].equals("0A") && f[1].endsWith(":" + port)).map(f -> f[1]).toList();
    }
}
