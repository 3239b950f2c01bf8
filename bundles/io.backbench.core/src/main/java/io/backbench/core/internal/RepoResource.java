package io.backbench.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Version;

/**
 * One resource of a repository index: its capabilities and requirements as the R5 format holds
 * them (attribute values typed: String, Version, Long, Double or a List of those). Immutable.
 */
record RepoResource(List<Cap> capabilities, List<Req> requirements) {
    static final String IDENTITY = "osgi.identity";
    static final String CONTENT = "osgi.content";
    static final String SERVICE = "osgi.service";
    /** Our own namespace: a plugin may say in words what it adds ({@code label="target type: sftp"}). */
    static final String CONTRIBUTION = "backbench.contribution";

    record Cap(String namespace, Map<String, Object> attributes, Map<String, String> directives) {
        Cap {
            attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
            directives = Map.copyOf(directives);
        }
    }

    record Req(String namespace, Map<String, Object> attributes, Map<String, String> directives) {
        Req {
            attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
            directives = Map.copyOf(directives);
        }

        String filter() {
            return directives.get("filter");
        }

        /** Needed to resolve: not optional, and effective at resolve time. */
        boolean mandatory() {
            String effective = directives.getOrDefault("effective", "resolve");
            return !"optional".equals(directives.get("resolution")) && "resolve".equals(effective);
        }

        String describe() {
            return RequirementText.describe(namespace, filter());
        }
    }

    RepoResource {
        capabilities = List.copyOf(capabilities);
        requirements = List.copyOf(requirements);
    }

    private Map<String, Object> identity() {
        for (Cap c : capabilities) {
            if (c.namespace().equals(IDENTITY)) {
                return c.attributes();
            }
        }
        return Map.of();
    }

    private Map<String, Object> content() {
        for (Cap c : capabilities) {
            if (c.namespace().equals(CONTENT)) {
                return c.attributes();
            }
        }
        return Map.of();
    }

    String symbolicName() {
        return string(identity().get(IDENTITY), "");
    }

    Version version() {
        Object v = identity().get("version");
        return v instanceof Version ver ? ver : v == null ? Version.emptyVersion : Version.parseVersion(v.toString());
    }

    boolean isBundle() {
        return "osgi.bundle".equals(identity().get("type")) || "osgi.fragment".equals(identity().get("type"));
    }

    String name() {
        return string(identity().get("name"), symbolicName());
    }

    String vendor() {
        return string(identity().get("vendor"), "");
    }

    String description() {
        return string(identity().get("description"), "");
    }

    /** The content's URL as written in the index (relative to the index, or absolute). */
    String url() {
        return string(content().get("url"), "");
    }

    String sha256() {
        return string(content().get(CONTENT), "");
    }

    long size() {
        return content().get("size") instanceof Number n ? n.longValue() : -1;
    }

    /** What it adds, in words, from its service and contribution capabilities. */
    List<String> provides() {
        Set<String> words = new LinkedHashSet<>();
        for (Cap c : capabilities) {
            if (c.namespace().equals(CONTRIBUTION)) {
                words.add(string(c.attributes().get("label"), string(c.attributes().get(CONTRIBUTION), "?")));
            } else if (c.namespace().equals(SERVICE)) {
                Object classes = c.attributes().get("objectClass");
                List<?> list = classes instanceof List<?> l ? l : List.of(String.valueOf(classes));
                for (Object cls : list) {
                    String w = ServiceWords.of(String.valueOf(cls));
                    if (w != null) {
                        words.add(w);
                    }
                }
            }
        }
        return new ArrayList<>(words);
    }

    String describe() {
        return symbolicName() + " " + version();
    }

    private static String string(Object o, String fallback) {
        return o == null || o.toString().isBlank() ? fallback : o.toString().trim();
    }
}
