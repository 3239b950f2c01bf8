package io.backbench.itests;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Reads a feature's bundle list from {@code features/<name>.bndrun} (the framework property
 * {@code backbench.itests.features} names the folder): the same file the product is assembled from.
 */
final class Features {

    private Features() {
    }

    /** The symbolic names of the feature's bundles, in the file's order. */
    static List<String> bundles(String feature) throws IOException {
        Path file = Path.of(Framework.property("backbench.itests.features")).resolve(feature + ".bndrun");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        String key = "-runbundles." + feature;
        String list = properties.getProperty(key);
        if (list == null) {
            throw new AssertionError(file + " has no " + key + " list");
        }
        return Arrays.stream(list.split(","))
                .map(entry -> entry.split(";")[0].trim())
                .filter(bsn -> !bsn.isEmpty())
                .collect(Collectors.toList());
    }
}
