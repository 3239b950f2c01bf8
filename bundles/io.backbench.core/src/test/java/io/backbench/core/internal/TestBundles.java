package io.backbench.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bundle jars made in a test, and signed with the JDK's keytool and jarsigner (a fresh key per test). */
final class TestBundles {

    private TestBundles() {
    }

    /** A bundle with the given manifest headers and one class-like entry. */
    static Path bundle(Path file, String symbolicName, String version, Map<String, String> headers) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        headers.forEach(a::putValue);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.putNextEntry(new JarEntry("readme.txt"));
            jar.write(("bundle " + symbolicName + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return file;
    }

    /** A key store {@code dir/NAME.p12} (password "secret") with a new self-signed key; returns its PEM certificate. */
    static Path newSigner(Path dir, String name) throws Exception {
        return newSigner(dir, name, null);
    }

    /** As above, with a certificate valid for 2 days from {@code startdate} (keytool's form: "-30d", "+30d"), or from now if null. */
    static Path newSigner(Path dir, String name, String startdate) throws Exception {
        Path ks = dir.resolve(name + ".p12");
        List<String> cmd = new ArrayList<>(List.of("keytool", "-genkeypair", "-keystore", ks.toString(), "-storetype", "PKCS12",
                "-storepass", "secret", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + name + ", O=Backbench tests", "-validity", "2"));
        if (startdate != null) {
            cmd.addAll(List.of("-startdate", startdate));
        }
        run(cmd.toArray(String[]::new));
        Path pem = dir.resolve(name + ".pem");
        run("keytool", "-exportcert", "-rfc", "-keystore", ks.toString(), "-storepass", "secret", "-alias", name,
                "-file", pem.toString());
        return pem;
    }

    /** Signs {@code jar} in place with the key made by {@link #newSigner}. */
    static void sign(Path jar, Path dir, String name) throws Exception {
        run("jarsigner", "-keystore", dir.resolve(name + ".p12").toString(), "-storepass", "secret", jar.toString(), name);
    }

    static void run(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        String javaHome = System.getProperty("java.home");
        Path tool = Path.of(javaHome, "bin", command[0]);
        if (Files.isExecutable(tool)) {
            cmd.set(0, tool.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
