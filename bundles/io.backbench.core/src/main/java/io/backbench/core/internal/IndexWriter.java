package io.backbench.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.osgi.framework.Version;

/** Writes resources as an R5 repository index (the format {@link IndexReader} and bnd read). */
final class IndexWriter {
    static final String NAMESPACE = "http://www.osgi.org/xmlns/repository/v1.0.0";

    private IndexWriter() {
    }

    static void write(String name, List<RepoResource> resources, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("repository");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("name", name);
            w.writeAttribute("increment", "0");
            w.writeCharacters("\n");
            for (RepoResource r : resources) {
                w.writeCharacters("  ");
                w.writeStartElement("resource");
                w.writeCharacters("\n");
                for (RepoResource.Cap c : r.capabilities()) {
                    element(w, "capability", c.namespace(), c.attributes(), c.directives());
                }
                for (RepoResource.Req q : r.requirements()) {
                    element(w, "requirement", q.namespace(), q.attributes(), q.directives());
                }
                w.writeCharacters("  ");
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the repository index: " + e.getMessage(), e);
        }
    }

    private static void element(XMLStreamWriter w, String tag, String namespace, Map<String, Object> attributes,
                                Map<String, String> directives) throws XMLStreamException {
        w.writeCharacters("    ");
        w.writeStartElement(tag);
        w.writeAttribute("namespace", namespace);
        for (Map.Entry<String, Object> a : attributes.entrySet()) {
            w.writeCharacters("\n      ");
            w.writeEmptyElement("attribute");
            w.writeAttribute("name", a.getKey());
            String type = type(a.getValue());
            if (type != null) {
                w.writeAttribute("type", type);
            }
            w.writeAttribute("value", text(a.getValue()));
        }
        for (Map.Entry<String, String> d : directives.entrySet()) {
            w.writeCharacters("\n      ");
            w.writeEmptyElement("directive");
            w.writeAttribute("name", d.getKey());
            w.writeAttribute("value", d.getValue());
        }
        w.writeCharacters("\n    ");
        w.writeEndElement();
        w.writeCharacters("\n");
    }

    private static String type(Object v) {
        if (v instanceof List<?> l) {
            String element = l.isEmpty() ? null : type(l.get(0));
            return "List<" + (element == null ? "String" : element) + ">";
        }
        return v instanceof Version ? "Version" : v instanceof Long || v instanceof Integer ? "Long"
                : v instanceof Double ? "Double" : null;
    }

    private static String text(Object v) {
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object o : l) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(o.toString().replace("\\", "\\\\").replace(",", "\\,"));
            }
            return sb.toString();
        }
        return String.valueOf(v);
    }
}
