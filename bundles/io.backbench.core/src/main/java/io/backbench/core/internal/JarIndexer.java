package io.backbench.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Describes a bundle jar as a repository resource, from its manifest: identity (with Bundle-Name,
 * Bundle-Vendor and Bundle-Description as extra identity attributes), content (SHA-256, size, URL),
 * exported packages, Provide-Capability, and as requirements Import-Package, Require-Bundle,
 * Fragment-Host and Require-Capability. Free of a framework: unit-tested.
 */
final class JarIndexer {

    private JarIndexer() {
    }

    static RepoResource index(Path jar, String url) throws IOException {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(jar); JarInputStream jin = new JarInputStream(in)) {
            manifest = jin.getManifest();
        }
        if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
            throw new IOException(jar + " is not an OSGi bundle: no Bundle-SymbolicName in its manifest");
        }
        Attributes m = manifest.getMainAttributes();
        ManifestClauses.Clause bsnClause = ManifestClauses.parse(m.getValue("Bundle-SymbolicName")).get(0);
        String bsn = bsnClause.paths().get(0);
        Version version = Version.parseVersion(orEmpty(m.getValue("Bundle-Version"), "0.0.0"));
        boolean fragment = m.getValue("Fragment-Host") != null;
        List<RepoResource.Cap> caps = new ArrayList<>();
        List<RepoResource.Req> reqs = new ArrayList<>();

        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put(RepoResource.IDENTITY, bsn);
        identity.put("type", fragment ? "osgi.fragment" : "osgi.bundle");
        identity.put("version", version);
        putIfPresent(identity, "name", m.getValue("Bundle-Name"));
        putIfPresent(identity, "vendor", m.getValue("Bundle-Vendor"));
        putIfPresent(identity, "description", m.getValue("Bundle-Description"));
        caps.add(new RepoResource.Cap(RepoResource.IDENTITY, identity, Map.of()));

        Map<String, Object> content = new LinkedHashMap<>();
        content.put(RepoResource.CONTENT, sha256(jar));
        content.put("url", url);
        content.put("size", Files.size(jar));
        content.put("mime", "application/vnd.osgi.bundle");
        caps.add(new RepoResource.Cap(RepoResource.CONTENT, content, Map.of()));

        if (!fragment) {
            caps.add(new RepoResource.Cap("osgi.wiring.bundle", Map.of("osgi.wiring.bundle", bsn, "bundle-version", version), Map.of()));
            caps.add(new RepoResource.Cap("osgi.wiring.host", Map.of("osgi.wiring.host", bsn, "bundle-version", version), Map.of()));
        }
        for (ManifestClauses.Clause c : ManifestClauses.parse(m.getValue("Export-Package"))) {
            for (String pkg : c.paths()) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("osgi.wiring.package", pkg);
                a.put("version", Version.parseVersion(orEmpty(c.attributes().get("version"), "0.0.0")));
                a.put("bundle-symbolic-name", bsn);
                a.put("bundle-version", version);
                caps.add(new RepoResource.Cap("osgi.wiring.package", a, Map.of()));
            }
        }
        for (ManifestClauses.Clause c : ManifestClauses.parse(m.getValue("Provide-Capability"))) {
            for (String ns : c.paths()) {
                caps.add(new RepoResource.Cap(ns, typedAttributes(c.attributes()), c.directives()));
            }
        }
        for (ManifestClauses.Clause c : ManifestClauses.parse(m.getValue("Import-Package"))) {
            for (String pkg : c.paths()) {
                reqs.add(requirement("osgi.wiring.package", pkg, "version", c.attributes().get("version"),
                        c.directives().get("resolution")));
            }
        }
        for (ManifestClauses.Clause c : ManifestClauses.parse(m.getValue("Require-Bundle"))) {
            for (String b : c.paths()) {
                reqs.add(requirement("osgi.wiring.bundle", b, "bundle-version", c.attributes().get("bundle-version"),
                        c.directives().get("resolution")));
            }
        }
        for (ManifestClauses.Clause c : ManifestClauses.parse(m.getValue("Fragment-Host"))) {
            for (String host : c.paths()) {
                reqs.add(requirement("osgi.wiring.host", host, "bundle-version", c.attributes().get("bundle-version"), null));
            }
        }
        for (ManifestClauses.Clause c : ManifestClauses.parse(m.getValue("Require-Capability"))) {
            for (String ns : c.paths()) {
                reqs.add(new RepoResource.Req(ns, typedAttributes(c.attributes()), c.directives()));
            }
        }
        return new RepoResource(caps, reqs);
    }

    private static RepoResource.Req requirement(String namespace, String name, String rangeAttribute, String range,
                                                String resolution) {
        String filter = "(" + namespace + "=" + name + ")";
        if (range != null && !range.isBlank()) {
            filter = "(&" + filter + new VersionRange(range.trim()).toFilterString(rangeAttribute) + ")";
        }
        Map<String, String> directives = new LinkedHashMap<>();
        directives.put("filter", filter);
        if (resolution != null) {
            directives.put("resolution", resolution);
        }
        return new RepoResource.Req(namespace, Map.of(), directives);
    }

    /** {@code version:Version=1.0}, {@code objectClass:List<String>="a,b"} and plain strings. */
    private static Map<String, Object> typedAttributes(Map<String, String> raw) {
        Map<String, Object> typed = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            int colon = key.indexOf(':');
            if (colon < 0) {
                typed.put(key, value);
            } else {
                typed.put(key.substring(0, colon), IndexReader.typed(key.substring(colon + 1).replace(" ", ""), value));
            }
        });
        return typed;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value.trim());
        }
    }

    private static String orEmpty(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
