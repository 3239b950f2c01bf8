package io.backbench.core.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.backbench.core.api.PluginException;

/**
 * A plugin repository: an R5 index read from a folder, an index file or a file:/http(s): URL; a
 * folder without an index is indexed on the fly. Downloads check the SHA-256 the index gives.
 * Runs on the caller's thread (network and disk: never the UI thread).
 */
final class PluginRepository {
    static final List<String> INDEX_NAMES = List.of("index.xml", "index.xml.gz", "repository.xml", "repository.xml.gz");
    private static final int TIMEOUT_MILLIS = 30_000;

    private final String location;
    private final URI index;
    private final List<RepoResource> resources;

    private PluginRepository(String location, URI index, List<RepoResource> resources) {
        this.location = location;
        this.index = index;
        this.resources = resources;
    }

    static PluginRepository open(String location) throws PluginException {
        if (location == null || location.isBlank()) {
            throw new PluginException("no plugin repository given: give a folder or a URL of an OSGi repository index");
        }
        String loc = location.trim();
        try {
            Optional<Path> path = localPath(loc);
            if (path.isPresent()) {
                return openLocal(loc, path.get());
            }
            URI uri = new URI(loc);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new PluginException("cannot read plugin repository " + loc + ": there is no such folder or file, and "
                        + "it is not a file:, http: or https: URL");
            }
            if (looksLikeIndexFile(uri.getPath())) {
                return new PluginRepository(loc, uri, read(uri, loc));
            }
            URI base = uri.getPath().endsWith("/") ? uri : new URI(loc + "/");
            for (String name : INDEX_NAMES) {
                URI candidate = base.resolve(name);
                try {
                    return new PluginRepository(loc, candidate, read(candidate, loc));
                } catch (FileNotFoundException e) {
                    // try the next conventional name
                }
            }
            throw new PluginException("cannot read plugin repository " + loc + ": found none of " + INDEX_NAMES
                    + " there; give the URL of the index file itself");
        } catch (URISyntaxException e) {
            throw new PluginException("'" + loc + "' is neither a folder nor a valid URL: " + e.getMessage());
        } catch (IOException e) {
            throw new PluginException("cannot read plugin repository " + loc + ": " + e.getMessage()
                    + "; check the address and that the repository is reachable", e);
        }
    }

    private static PluginRepository openLocal(String loc, Path path) throws IOException, PluginException {
        if (Files.isDirectory(path)) {
            for (String name : INDEX_NAMES) {
                Path candidate = path.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return new PluginRepository(loc, candidate.toUri(), read(candidate.toUri(), loc));
                }
            }
            // a plain folder of bundle jars: index it now
            return new PluginRepository(loc, path.resolve("index.xml").toUri(), RepositoryIndexTool.indexFolder(path));
        }
        if (Files.isRegularFile(path)) {
            return new PluginRepository(loc, path.toUri(), read(path.toUri(), loc));
        }
        throw new PluginException("cannot read plugin repository " + loc + ": there is no such folder or file");
    }

    /** A local path for a plain path or a file: URI, if that is what {@code loc} is. */
    private static Optional<Path> localPath(String loc) throws PluginException {
        try {
            if (loc.startsWith("file:")) {
                return Optional.of(Path.of(new URI(loc)));
            }
            if (loc.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                return Optional.empty();
            }
            return Optional.of(Path.of(loc).toAbsolutePath());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new PluginException("'" + loc + "' is not a valid folder or file: URL: " + e.getMessage());
        }
    }

    private static boolean looksLikeIndexFile(String path) {
        return path != null && (path.endsWith(".xml") || path.endsWith(".gz"));
    }

    private static List<RepoResource> read(URI uri, String loc) throws IOException {
        try (InputStream in = open(uri)) {
            return IndexReader.read(in);
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException(uri.toString());
        } catch (IOException e) {
            if (e instanceof FileNotFoundException) {
                throw e;
            }
            throw new IOException(uri + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(URI uri) throws IOException {
        if ("file".equals(uri.getScheme())) {
            return Files.newInputStream(Path.of(uri));
        }
        URLConnection c = uri.toURL().openConnection();
        c.setConnectTimeout(TIMEOUT_MILLIS);
        c.setReadTimeout(TIMEOUT_MILLIS);
        return c.getInputStream();
    }

    String location() {
        return location;
    }

    /** The bundles offered, sorted by name then version (newest first). */
    List<RepoResource> bundles() {
        List<RepoResource> list = new ArrayList<>();
        for (RepoResource r : resources) {
            if (r.isBundle() && !r.symbolicName().isEmpty()) {
                list.add(r);
            }
        }
        list.sort(Comparator.comparing(RepoResource::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(RepoResource::version, Comparator.reverseOrder()));
        return list;
    }

    /** The newest (or the given) version of the plugin with that symbolic name or Bundle-Name. */
    RepoResource find(String nameOrSymbolicName, String version) throws PluginException {
        List<RepoResource> named = new ArrayList<>();
        for (RepoResource r : bundles()) {
            if (r.symbolicName().equals(nameOrSymbolicName) || r.name().equalsIgnoreCase(nameOrSymbolicName)) {
                named.add(r);
            }
        }
        if (named.isEmpty()) {
            throw new PluginException("the plugin repository " + location + " has no plugin named '" + nameOrSymbolicName
                    + "'; 'backbench plugins available --repo " + location + "' lists what it offers");
        }
        if (version == null || version.isBlank()) {
            return named.get(0);
        }
        for (RepoResource r : named) {
            if (r.version().toString().equals(version.trim()) || shortVersion(r).equals(version.trim())) {
                return r;
            }
        }
        List<String> versions = named.stream().map(r -> r.version().toString()).toList();
        throw new PluginException("the plugin repository " + location + " has " + nameOrSymbolicName + " only in version(s) "
                + String.join(", ", versions) + ", not " + version);
    }

    private static String shortVersion(RepoResource r) {
        return RequirementText.shortVersion(r.version().toString());
    }

    /** Downloads the resource's jar into {@code folder} and checks its size and SHA-256. */
    Path fetch(RepoResource r, Path folder) throws PluginException {
        URI uri;
        try {
            if (r.url().isEmpty()) {
                throw new IllegalArgumentException("no URL");
            }
            uri = index.resolve(r.url());
        } catch (IllegalArgumentException e) {
            throw new PluginException("the index of " + location + " gives " + r.describe() + " the invalid URL '"
                    + r.url() + "'; the repository is broken: tell its maintainer");
        }
        Path target = folder.resolve(PluginFolderNames.safe(r.symbolicName()) + "-" + r.version() + ".jar");
        try (InputStream in = open(uri)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PluginException("cannot download " + r.describe() + " from " + uri + ": " + e.getMessage()
                    + "; check that the repository is reachable and complete", e);
        }
        try {
            String expected = r.sha256();
            if (!expected.isEmpty() && !expected.equalsIgnoreCase(JarIndexer.sha256(target))) {
                throw new PluginException("the download of " + r.describe() + " from " + uri + " does not match the "
                        + "SHA-256 the repository index gives: the file was changed after it was indexed, or the "
                        + "transfer was damaged; nothing was installed. Ask the repository's maintainer to re-index it");
            }
        } catch (IOException e) {
            throw new PluginException("cannot read the downloaded " + target + ": " + e.getMessage(), e);
        }
        return target;
    }
}
