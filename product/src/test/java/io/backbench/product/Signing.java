package io.backbench.product;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Plugin signing as a publisher does it, at test time: a fresh key made with the JDK's keytool, jars
 * signed with jarsigner, and the certificate trusted with {@code backbench plugins trust add}.
 * Nothing signed and no key is kept in the source tree.
 */
final class Signing {
    private final Path dir;
    private final String name;

    private Signing(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    /** A new publisher key in {@code dir}. */
    static Signing newPublisher(Path dir, String name) throws Exception {
        Signing s = new Signing(dir, name);
        run("keytool", "-genkeypair", "-keystore", s.keyStore().toString(), "-storetype", "PKCS12", "-storepass", "secret",
                "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name + ", O=Backbench tests",
                "-validity", "2");
        run("keytool", "-exportcert", "-rfc", "-keystore", s.keyStore().toString(), "-storepass", "secret", "-alias", name,
                "-file", s.certificate().toString());
        return s;
    }

    Path certificate() {
        return dir.resolve(name + ".pem");
    }

    private Path keyStore() {
        return dir.resolve(name + ".p12");
    }

    /** A signed copy of {@code jar} at {@code copy}. */
    Path signedCopy(Path jar, Path copy) throws Exception {
        Files.createDirectories(copy.getParent());
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        run("jarsigner", "-keystore", keyStore().toString(), "-storepass", "secret", copy.toString(), name);
        return copy;
    }

    /** Trusts this publisher in {@code home} through the CLI. */
    void trustIn(Path home, Path work) throws Exception {
        Backbench.Result r = Backbench.run(home, work, "plugins", "trust", "add", certificate().toString());
        if (r.code() != 0) {
            throw new AssertionError("plugins trust add failed: " + r);
        }
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
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
    }
}
