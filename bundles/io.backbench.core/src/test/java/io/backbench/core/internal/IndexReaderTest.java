package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

class IndexReaderTest {

    /** The shape bnd's indexer writes (trimmed): identity, content, a package, a service, requirements. */
    static final String BND_STYLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <repository increment="1700000000000" name="site" xmlns="http://www.osgi.org/xmlns/repository/v1.0.0">
              <resource>
                <capability namespace="osgi.identity">
                  <attribute name="osgi.identity" value="com.acme.sftp"/>
                  <attribute name="type" value="osgi.bundle"/>
                  <attribute name="version" type="Version" value="1.2.0"/>
                  <attribute name="description" value="SFTP storage target"/>
                </capability>
                <capability namespace="osgi.content">
                  <attribute name="osgi.content" value="ab12"/>
                  <attribute name="url" value="jars/com.acme.sftp-1.2.0.jar"/>
                  <attribute name="size" type="Long" value="1234"/>
                </capability>
                <capability namespace="osgi.wiring.package">
                  <attribute name="osgi.wiring.package" value="com.acme.sftp.api"/>
                  <attribute name="version" type="Version" value="1.0.0"/>
                </capability>
                <capability namespace="osgi.service">
                  <attribute name="objectClass" type="List&lt;String&gt;" value="io.backbench.target.api.TargetFactory"/>
                  <directive name="uses" value="io.backbench.target.api"/>
                </capability>
                <requirement namespace="osgi.wiring.package">
                  <directive name="filter" value="(&amp;(osgi.wiring.package=org.apache.sshd.sftp.client)(version&gt;=2.20.0)(!(version&gt;=3.0.0)))"/>
                </requirement>
                <requirement namespace="osgi.service">
                  <directive name="filter" value="(objectClass=io.backbench.core.api.DataFolders)"/>
                  <directive name="effective" value="active"/>
                </requirement>
              </resource>
              <referral url="other/index.xml" depth="1"/>
            </repository>
            """;

    @Test
    void readsIdentityContentCapabilitiesAndRequirementsWithTypedValues() throws IOException {
        List<RepoResource> resources = IndexReader.read(new ByteArrayInputStream(BND_STYLE.getBytes(StandardCharsets.UTF_8)));

        assertEquals(1, resources.size());
        RepoResource r = resources.get(0);
        assertEquals("com.acme.sftp", r.symbolicName());
        assertEquals(new Version(1, 2, 0), r.version());
        assertEquals("com.acme.sftp", r.name(), "without a name attribute the symbolic name stands in");
        assertEquals("SFTP storage target", r.description());
        assertEquals("jars/com.acme.sftp-1.2.0.jar", r.url());
        assertEquals(1234L, r.size());
        assertEquals(List.of("target type"), r.provides());
        assertEquals(2, r.requirements().size());
        assertTrue(r.requirements().get(0).mandatory());
        assertTrue(!r.requirements().get(1).mandatory(), "an effective:=active requirement is not needed to resolve");
        assertEquals("package org.apache.sshd.sftp.client (version [2.20,3))", r.requirements().get(0).describe());
    }

    @Test
    void readsAGzippedIndex() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(BND_STYLE.getBytes(StandardCharsets.UTF_8));
        }

        assertEquals("com.acme.sftp", IndexReader.read(new ByteArrayInputStream(gz.toByteArray())).get(0).symbolicName());
    }

    @Test
    void aFileThatIsNotAnIndexIsRefusedSayingSo() {
        IOException e = assertThrows(IOException.class,
                () -> IndexReader.read(new ByteArrayInputStream("<html><body>Not found</body></html>".getBytes())));

        assertTrue(e.getMessage().contains("not a repository index"), e.getMessage());
    }

    @Test
    void whatTheIndexerWritesReadsBackTheSame(@TempDir Path dir) throws IOException {
        Path jar = TestBundles.bundle(dir.resolve("a.jar"), "com.acme.a", "2.1.0", Map.of(
                "Bundle-Name", "Acme A", "Bundle-Vendor", "Acme", "Export-Package", "com.acme.a.api;version=\"2.1.0\"",
                "Import-Package", "org.osgi.framework;version=\"[1.10,2)\",com.acme.opt;resolution:=optional",
                "Provide-Capability", "osgi.service;objectClass:List<String>=\"io.backbench.cli.api.Command\","
                        + "backbench.contribution;label=\"command: acme\""));
        RepoResource indexed = JarIndexer.index(jar, "a.jar");
        ByteArrayOutputStream xml = new ByteArrayOutputStream();

        IndexWriter.write("test", List.of(indexed), xml);
        RepoResource read = IndexReader.read(new ByteArrayInputStream(xml.toByteArray())).get(0);

        assertEquals(indexed, read);
        assertEquals("Acme A", read.name());
        assertEquals("Acme", read.vendor());
        assertEquals(List.of("command", "command: acme"), read.provides());
        assertEquals(JarIndexer.sha256(jar), read.sha256());
        assertTrue(!read.requirements().get(1).mandatory(), "the optional import");
    }
}
