package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.core.api.PluginException;

class DependencyClosureTest {
    @TempDir
    Path dir;

    private RepoResource bundle(String bsn, String version, Map<String, String> headers) throws IOException {
        return JarIndexer.index(TestBundles.bundle(dir.resolve(bsn + "-" + version + ".jar"), bsn, version, headers),
                bsn + ".jar");
    }

    @Test
    void takesTheNewestProviderOfEachMissingPackageTransitivelyDependenciesFirst() throws Exception {
        RepoResource plugin = bundle("sftp", "1.0.0", Map.of("Import-Package", "org.sshd;version=\"[2,3)\""));
        RepoResource sshdOld = bundle("sshd", "2.1.0", Map.of("Export-Package", "org.sshd;version=2.1.0"));
        RepoResource sshd = bundle("sshd", "2.20.0", Map.of("Export-Package", "org.sshd;version=2.20.0",
                "Import-Package", "net.eddsa"));
        RepoResource eddsa = bundle("eddsa", "0.3.0", Map.of("Export-Package", "net.eddsa;version=0.3.0"));
        RepoResource unrelated = bundle("other", "1.0.0", Map.of());

        List<RepoResource> closure = new DependencyClosure(List.of(plugin, sshdOld, sshd, eddsa, unrelated), req -> false)
                .resolve(plugin);

        assertEquals(List.of(eddsa, sshd, plugin), closure);
    }

    @Test
    void whatIsInstalledAlreadyIsNotTakenFromTheRepository() throws Exception {
        RepoResource plugin = bundle("sftp", "1.0.0", Map.of("Import-Package", "org.sshd"));
        RepoResource sshd = bundle("sshd", "2.20.0", Map.of("Export-Package", "org.sshd;version=2.20.0"));

        List<RepoResource> closure = new DependencyClosure(List.of(plugin, sshd),
                req -> req.filter().contains("org.sshd")).resolve(plugin);

        assertEquals(List.of(plugin), closure);
    }

    @Test
    void aRequirementNobodyMeetsIsNamedWithWhoNeedsIt() throws Exception {
        RepoResource plugin = bundle("sftp", "1.0.0", Map.of("Import-Package", "org.sshd"));
        RepoResource sshd = bundle("sshd", "2.20.0", Map.of("Export-Package", "org.sshd",
                "Import-Package", "com.nowhere;version=\"[1,2)\""));

        PluginException e = assertThrows(PluginException.class,
                () -> new DependencyClosure(List.of(plugin, sshd), req -> false).resolve(plugin));

        assertTrue(e.getMessage().startsWith("cannot install sftp 1.0.0: missing package com.nowhere (version [1,2)) "
                + "(needed by sshd 2.20.0)"), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was installed"), e.getMessage());
    }

    @Test
    void optionalImportsAndOwnExportsNeedNothing() throws Exception {
        RepoResource plugin = bundle("self", "1.0.0", Map.of("Export-Package", "com.self", "Import-Package",
                "com.self,com.maybe;resolution:=optional"));

        assertEquals(List.of(plugin), new DependencyClosure(List.of(plugin), req -> false).resolve(plugin));
    }

    @Test
    void requireCapabilityFiltersMatchTypedAttributes() throws Exception {
        RepoResource plugin = bundle("needs", "1.0.0", Map.of("Require-Capability",
                "acme.feature;filter:=\"(&(acme.feature=fast)(version>=2))\""));
        RepoResource v1 = bundle("fast1", "1.0.0", Map.of("Provide-Capability", "acme.feature;acme.feature=fast;version:Version=1"));
        RepoResource v2 = bundle("fast2", "1.0.0", Map.of("Provide-Capability", "acme.feature;acme.feature=fast;version:Version=2.5"));

        assertEquals(List.of(v2, plugin), new DependencyClosure(List.of(plugin, v1, v2), req -> false).resolve(plugin));
    }
}
