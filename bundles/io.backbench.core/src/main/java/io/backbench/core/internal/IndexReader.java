package io.backbench.core.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.osgi.framework.Version;

/**
 * Reads an OSGi repository index (R5 XML, {@code http://www.osgi.org/xmlns/repository/v1.0.0},
 * plain or gzip-compressed: detected from the content) with StAX. Referrals are not followed.
 * Free of a framework: unit-tested.
 */
final class IndexReader {

    private IndexReader() {
    }

    static List<RepoResource> read(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        InputStream xml = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = factory.createXMLStreamReader(xml);
            try {
                return resources(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException("not a valid repository index (R5 XML): " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException("a value in the repository index is not valid: " + e.getMessage(), e);
        }
    }

    private static List<RepoResource> resources(XMLStreamReader r) throws XMLStreamException, IOException {
        List<RepoResource> resources = new ArrayList<>();
        boolean sawRepository = false;
        List<RepoResource.Cap> caps = null;
        List<RepoResource.Req> reqs = null;
        String namespace = null;
        boolean requirement = false;
        Map<String, Object> attributes = null;
        Map<String, String> directives = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "repository" -> sawRepository = true;
                    case "resource" -> {
                        caps = new ArrayList<>();
                        reqs = new ArrayList<>();
                    }
                    case "capability", "requirement" -> {
                        requirement = r.getLocalName().equals("requirement");
                        namespace = r.getAttributeValue(null, "namespace");
                        attributes = new LinkedHashMap<>();
                        directives = new LinkedHashMap<>();
                    }
                    case "attribute" -> {
                        if (attributes != null) {
                            attributes.put(r.getAttributeValue(null, "name"),
                                    typed(r.getAttributeValue(null, "type"), r.getAttributeValue(null, "value")));
                        }
                    }
                    case "directive" -> {
                        if (directives != null) {
                            directives.put(r.getAttributeValue(null, "name"), r.getAttributeValue(null, "value"));
                        }
                    }
                    default -> {
                        // referral and unknown elements are ignored
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                switch (r.getLocalName()) {
                    case "capability" -> {
                        if (caps != null && namespace != null) {
                            caps.add(new RepoResource.Cap(namespace, attributes, directives));
                        }
                        attributes = null;
                    }
                    case "requirement" -> {
                        if (reqs != null && namespace != null && requirement) {
                            reqs.add(new RepoResource.Req(namespace, attributes, directives));
                        }
                        attributes = null;
                    }
                    case "resource" -> {
                        resources.add(new RepoResource(caps, reqs));
                        caps = null;
                        reqs = null;
                    }
                    default -> {
                    }
                }
            }
        }
        if (!sawRepository) {
            throw new IOException("not a repository index: there is no <repository> element");
        }
        return resources;
    }

    /** An attribute value of the given R5 type: String (default), Version, Long, Double or List<...>. */
    static Object typed(String type, String value) {
        String v = value == null ? "" : value;
        if (type == null || type.equals("String")) {
            return v;
        }
        if (type.startsWith("List<") && type.endsWith(">")) {
            String element = type.substring(5, type.length() - 1);
            List<Object> list = new ArrayList<>();
            for (String part : splitList(v)) {
                list.add(typed(element, part.trim()));
            }
            return List.copyOf(list);
        }
        return switch (type) {
            case "Version" -> Version.parseVersion(v.trim());
            case "Long" -> Long.valueOf(v.trim());
            case "Double" -> Double.valueOf(v.trim());
            default -> v;
        };
    }

    /** Splits on commas not escaped with a backslash. */
    static List<String> splitList(String v) {
        List<String> parts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                sb.append(v.charAt(++i));
            } else if (c == ',') {
                parts.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        parts.add(sb.toString());
        return parts;
    }
}
