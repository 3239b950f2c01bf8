package io.backbench.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code index.xml} for the bundle jars in a folder: {@code java -cp core.jar:osgi.core.jar
 * io.backbench.core.internal.RepositoryIndexTool FOLDER [NAME]}. The product build runs it to make
 * its plugin repository; the plugin manager does the same in memory for a folder without an index.
 */
public final class RepositoryIndexTool {

    private RepositoryIndexTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RepositoryIndexTool FOLDER [NAME]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        List<RepoResource> resources = indexFolder(folder);
        try (OutputStream out = Files.newOutputStream(folder.resolve("index.xml"))) {
            IndexWriter.write(args.length > 1 ? args[1] : folder.getFileName().toString(), resources, out);
        }
        System.out.println("indexed " + resources.size() + " bundles in " + folder.resolve("index.xml"));
    }

    /** Every *.jar directly in {@code folder} that is a bundle, with URLs relative to the folder. */
    static List<RepoResource> indexFolder(Path folder) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*.jar")) {
            dir.forEach(jars::add);
        }
        jars.sort(null);
        List<RepoResource> resources = new ArrayList<>();
        for (Path jar : jars) {
            if (PluginJar.isBundle(jar)) {
                resources.add(JarIndexer.index(jar, jar.getFileName().toString()));
            }
        }
        return resources;
    }
}
