package io.backbench.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import org.osgi.framework.Version;

import io.backbench.core.api.PluginException;

/**
 * The identity of a candidate plugin jar, read the way FileInstall reads it (the manifest must
 * be among the first entries, or FileInstall refuses the jar). Free of a framework: unit-tested.
 *
 * @param file         the jar
 * @param symbolicName Bundle-SymbolicName without directives
 * @param version      Bundle-Version (0.0.0 if absent)
 * @param name         Bundle-Name, or the symbolic name
 */
record PluginJar(Path file, String symbolicName, Version version, String name) {

    static PluginJar read(Path jar) throws PluginException {
        if (!Files.isRegularFile(jar)) {
            throw new PluginException(jar + " is not an OSGi bundle: "
                    + (Files.isDirectory(jar) ? "it is a folder; give the plugin's .jar file" : "there is no such file"));
        }
        Manifest manifest;
        try (InputStream in = Files.newInputStream(jar); JarInputStream jin = new JarInputStream(in)) {
            manifest = jin.getManifest();
            if (manifest == null && jin.getNextJarEntry() == null) {
                throw notBundle(jar, "it is not a jar (zip) file");
            }
        } catch (NoSuchFileException e) {
            throw notBundle(jar, "there is no such file");
        } catch (ZipException | SecurityException e) {
            throw notBundle(jar, "it is not a valid jar (zip) file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new PluginException("cannot read " + jar + ": " + e.getMessage() + "; check the file and its permissions", e);
        }
        if (manifest == null) {
            throw notBundle(jar, "it has no META-INF/MANIFEST.MF (or the manifest is not the first entry of the jar)");
        }
        Attributes main = manifest.getMainAttributes();
        String bsn = main.getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw notBundle(jar, "its manifest has no Bundle-SymbolicName header (a plain jar must be wrapped as a bundle first)");
        }
        int semicolon = bsn.indexOf(';');
        String symbolicName = (semicolon < 0 ? bsn : bsn.substring(0, semicolon)).trim();
        Version version;
        String v = main.getValue("Bundle-Version");
        try {
            version = v == null ? Version.emptyVersion : Version.parseVersion(v.trim());
        } catch (IllegalArgumentException e) {
            throw notBundle(jar, "its Bundle-Version '" + v + "' is not a valid OSGi version (" + e.getMessage() + ")");
        }
        String name = main.getValue("Bundle-Name");
        return new PluginJar(jar, symbolicName, version, name == null || name.isBlank() ? symbolicName : name.trim());
    }

    /** Whether {@code jar} is a bundle FileInstall would install (never throws). */
    static boolean isBundle(Path jar) {
        try {
            read(jar);
            return true;
        } catch (PluginException e) {
            return false;
        }
    }

    String describe() {
        return symbolicName + " " + version;
    }

    private static PluginException notBundle(Path jar, String why) {
        return new PluginException(jar + " is not an OSGi bundle: " + why);
    }
}
