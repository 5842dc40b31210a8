package vn.paknhub.core.xml;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** XML from outside the hub (partner answers, deliveries to the sandboxes): no DOCTYPE, no external entities (XXE). */
public final class UntrustedXml {

    /**
     * Looking a parser factory up scans the class path, which costs more than parsing a partner's
     * answer: configure one factory, and keep a builder per thread (builders are not thread-safe).
     */
    private static final DocumentBuilderFactory FACTORY = factory();
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            return FACTORY.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    private UntrustedXml() {
    }

    public static Document parse(String xml) throws Exception {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        return builder.parse(new InputSource(new StringReader(xml)));
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        return f;
    }
}
