package vn.paknhub.core.messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.springframework.core.io.ClassPathResource;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import vn.paknhub.core.messages.CanonicalMessages.Kind;

/**
 * The XSDs of the canonical messages. Documents come from partners and are untrusted: they are
 * streamed through the schema in one SAX pass, with DOCTYPE refused outright so that no entity is
 * ever declared, let alone resolved.
 *
 * <p>The JDK's own JAXP implementations are asked for by name ({@code newDefaultInstance}) because
 * the security features set here are theirs; another parser on the class path might ignore them.
 */
final class XmlMessageValidator {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String LOCALE = "http://apache.org/xml/properties/locale";

    private final Map<Kind, Schema> schemas = new EnumMap<>(Kind.class);
    private final Set<String> statusesRequiringReason;

    XmlMessageValidator(Set<String> statusesRequiringReason) {
        this.statusesRequiringReason = Set.copyOf(statusesRequiringReason);
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            for (Kind kind : Kind.values()) {
                schemas.put(kind, load(factory, kind.xsdResource()));
            }
        } catch (SAXException e) {
            throw new IllegalStateException("Cannot configure XML Schema validation", e);
        }
    }

    /** Schema objects are immutable and shared; the parser and validator are made per document. */
    List<String> violations(Kind kind, String document) {
        Violations violations = new Violations();
        try {
            ValidatorHandler validator = schemas.get(kind).newValidatorHandler();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setProperty(LOCALE, Locale.ENGLISH);
            validator.setErrorHandler(violations);
            if (kind.messageName().equals(Kind.STATUS_UPDATE.messageName())) {
                validator.setContentHandler(new ReasonRule(statusesRequiringReason, violations));
            }
            XMLReader reader = newReader();
            reader.setContentHandler(validator);
            reader.setErrorHandler(violations);
            reader.parse(new InputSource(new StringReader(document)));
        } catch (SAXParseException e) {
            violations.notWellFormed(e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("Cannot configure the XML parser", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations.list();
    }

    private static XMLReader newReader() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature(DISALLOW_DOCTYPE, true);
        XMLReader reader = factory.newSAXParser().getXMLReader();
        reader.setProperty(LOCALE, Locale.ENGLISH);
        return reader;
    }

    private static Schema load(SchemaFactory factory, String resource) throws SAXException {
        ClassPathResource xsd = new ClassPathResource(resource);
        try (InputStream in = xsd.getInputStream()) {
            return factory.newSchema(new StreamSource(in, xsd.getURL().toExternalForm()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the message schema " + resource, e);
        }
    }

    /** Collects every schema violation with its position; a fatal error ends the document. */
    private static final class Violations implements ErrorHandler {

        private final List<String> list = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
            // A warning, by definition, does not make the document invalid.
        }

        @Override
        public void error(SAXParseException e) {
            add(e.getLineNumber(), e.getColumnNumber(), e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }

        /**
         * SAX gives no error code, so the JDK parser's message (pinned to English) is the only way to
         * tell a refused DOCTYPE from other malformed input; the document is refused either way.
         */
        void notWellFormed(SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("DOCTYPE is disallowed")) {
                add(e.getLineNumber(), e.getColumnNumber(), "Không cho phép DOCTYPE / DOCTYPE not allowed");
            } else {
                add(e.getLineNumber(), e.getColumnNumber(),
                        "Tài liệu XML không hợp lệ về cú pháp / XML not well-formed: " + e.getMessage());
            }
        }

        void add(int line, int column, String message) {
            list.add("Dòng " + line + ", cột " + column + " / line " + line + ", column " + column + ": " + message);
        }

        List<String> list() {
            return List.copyOf(list);
        }
    }

    /**
     * The one rule of status-update that XSD 1.0 cannot express: some statuses need a reason. Reads
     * the root's children as the validator passes them on; the schema itself checks their values.
     */
    private static final class ReasonRule extends DefaultHandler {

        private final Set<String> statusesRequiringReason;
        private final Violations violations;
        private final StringBuilder text = new StringBuilder();
        private Locator locator;
        private int depth;
        private String status;
        private int statusLine;
        private int statusColumn;
        private boolean hasReason;

        ReasonRule(Set<String> statusesRequiringReason, Violations violations) {
            this.statusesRequiringReason = statusesRequiringReason;
            this.violations = violations;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            depth++;
            text.setLength(0);
            if (depth == 2 && "reason".equals(localName)) {
                hasReason = true;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (depth == 2 && "status".equals(localName)) {
                status = text.toString();
                statusLine = locator.getLineNumber();
                statusColumn = locator.getColumnNumber();
            }
            depth--;
        }

        @Override
        public void endDocument() {
            if (status != null && statusesRequiringReason.contains(status) && !hasReason) {
                violations.add(statusLine, statusColumn, "trạng thái " + status + " phải kèm lý do (reason) / status "
                        + status + " requires a reason");
            }
        }
    }
}
