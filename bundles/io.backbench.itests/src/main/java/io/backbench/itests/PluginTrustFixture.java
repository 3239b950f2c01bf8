package io.backbench.itests;

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

import io.backbench.core.api.PluginManager;

/**
 * The plugin policy as an administrator sets it: the "Allow unsigned or untrusted plugins"
 * preference (a {@code <pid>.cfg} file in the plugins folder, which FileInstall turns into the
 * configuration), and signatures made with the JDK's keytool and jarsigner at test time.
 */
final class PluginTrustFixture {

    private PluginTrustFixture() {
    }

    static Path preferencesFile() {
        return Framework.service(PluginManager.class).pluginFolder().resolve(PluginManager.PREFERENCES_PID + ".cfg");
    }

    /** Sets the preference (and no other) and waits until the plugin manager has it. */
    static void allowUntrusted(boolean allow) throws IOException {
        preferences(allow, null);
    }

    /** Sets both plugin preferences ({@code repositories} null: not set) and waits until the plugin manager has them. */
    static void preferences(boolean allow, String repositories) throws IOException {
        PluginManager plugins = Framework.service(PluginManager.class);
        Files.createDirectories(plugins.pluginFolder());
        if (allow || repositories != null) {
            Files.writeString(preferencesFile(), "allowUntrusted=" + allow + "\n"
                    + (repositories == null ? "" : "repositories=" + repositories + "\n"));
        } else {
            Files.deleteIfExists(preferencesFile());
        }
        if (!Framework.within(PluginFolderIT.PLUGIN_WAIT, () -> plugins.allowsUntrusted() == allow
                && (repositories == null || plugins.repositories().equals(List.of(repositories))))) {
            throw new AssertionError("the plugin manager did not take allowUntrusted=" + allow + ", repositories="
                    + repositories + " from " + preferencesFile());
        }
    }

    /** A new signing key {@code dir/NAME.p12} (password "secret"); returns its certificate as PEM. */
    static Path newSigner(Path dir, String name) throws Exception {
        Path ks = dir.resolve(name + ".p12");
        run("keytool", "-genkeypair", "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "secret",
                "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name + ", O=Backbench tests",
                "-validity", "2");
        Path pem = dir.resolve(name + ".pem");
        run("keytool", "-exportcert", "-rfc", "-keystore", ks.toString(), "-storepass", "secret", "-alias", name,
                "-file", pem.toString());
        return pem;
    }

    /** Signs {@code jar} in place with a key made by {@link #newSigner}. */
    static Path sign(Path jar, Path dir, String name) throws Exception {
        run("jarsigner", "-keystore", dir.resolve(name + ".p12").toString(), "-storepass", "secret", jar.toString(), name);
        return jar;
    }

    /** A bundle jar with the given headers (no classes). */
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
            jar.write(("test bundle " + symbolicName + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return file;
    }

    private static void run(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        Path tool = Path.of(System.getProperty("java.home"), "bin", command[0]);
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
