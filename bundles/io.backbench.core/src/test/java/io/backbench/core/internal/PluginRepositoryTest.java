package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.core.api.PluginException;

/** Repositories in a folder, as an index file, and over HTTP from a real server on loopback. */
class PluginRepositoryTest {
    @TempDir
    Path dir;

    private HttpServer http;
    private Path served;

    @BeforeEach
    void serveAFolderOverHttp() throws IOException {
        served = Files.createDirectories(dir.resolve("served"));
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            Path file = served.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(served) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/" + path;
    }

    /** A repository folder {@code repo/} with two bundles under jars/ and an index.xml (gzipped if asked). */
    private Path repository(Path root, boolean gzip) throws IOException {
        Path repo = Files.createDirectories(root.resolve("repo/jars")).getParent();
        TestBundles.bundle(repo.resolve("jars/a.jar"), "com.acme.a", "1.0.0", Map.of("Bundle-Name", "Acme A"));
        TestBundles.bundle(repo.resolve("jars/b.jar"), "com.acme.b", "2.0.0", Map.of());
        List<RepoResource> resources = List.of(JarIndexer.index(repo.resolve("jars/a.jar"), "jars/a.jar"),
                JarIndexer.index(repo.resolve("jars/b.jar"), "jars/b.jar"));
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(repo.resolve("index.xml.gz")))
                : Files.newOutputStream(repo.resolve("index.xml"))) {
            IndexWriter.write("test", resources, out);
        }
        return repo;
    }

    @Test
    void aRepositoryOverHttpIsFoundByItsFolderUrlAndItsJarsDownloadWithTheirHashChecked() throws Exception {
        repository(served, true);
        PluginRepository repo = PluginRepository.open(url("repo/"));

        assertEquals(List.of("Acme A", "com.acme.b"), repo.bundles().stream().map(RepoResource::name).toList());
        Path got = repo.fetch(repo.find("Acme A", null), Files.createDirectories(dir.resolve("downloads")));

        assertArrayEquals(Files.readAllBytes(served.resolve("repo/jars/a.jar")), Files.readAllBytes(got));
    }

    @Test
    void aJarChangedAfterIndexingIsRefusedSayingSo() throws Exception {
        repository(served, false);
        PluginRepository repo = PluginRepository.open(url("repo/index.xml"));
        TestBundles.bundle(served.resolve("repo/jars/b.jar"), "com.acme.b", "2.0.0", Map.of("Bundle-Name", "changed"));

        PluginException e = assertThrows(PluginException.class,
                () -> repo.fetch(repo.find("com.acme.b", "2.0.0"), Files.createDirectories(dir.resolve("downloads"))));

        assertTrue(e.getMessage().contains("does not match the SHA-256"), e.getMessage());
    }

    @Test
    void aFolderWithoutAnIndexIsIndexedAndAFileUrlWorksToo() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        TestBundles.bundle(plain.resolve("c.jar"), "com.acme.c", "3.1.0", Map.of());
        Files.writeString(plain.resolve("notes.jar"), "not a bundle");

        assertEquals(List.of("com.acme.c"), PluginRepository.open(plain.toString()).bundles().stream()
                .map(RepoResource::symbolicName).toList());
        assertEquals(1, PluginRepository.open(plain.toUri().toString()).bundles().size());
    }

    @Test
    void whatIsNotThereIsNamedWithWhatToDo() throws Exception {
        PluginException noIndex = assertThrows(PluginException.class, () -> PluginRepository.open(url("nothing/")));
        assertTrue(noIndex.getMessage().contains("found none of [index.xml"), noIndex.getMessage());

        repository(served, false);
        PluginRepository repo = PluginRepository.open(url("repo/"));
        PluginException unknown = assertThrows(PluginException.class, () -> repo.find("com.acme.z", null));
        assertTrue(unknown.getMessage().contains("plugins available --repo"), unknown.getMessage());
        PluginException version = assertThrows(PluginException.class, () -> repo.find("com.acme.b", "9"));
        assertTrue(version.getMessage().contains("only in version(s) 2.0.0"), version.getMessage());

        PluginException notUrl = assertThrows(PluginException.class, () -> PluginRepository.open("ftp://127.0.0.1/x"));
        assertTrue(notUrl.getMessage().contains("file:, http: or https:"), notUrl.getMessage());
    }
}
