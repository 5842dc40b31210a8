package vn.paknhub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.paknhub.core.messages.CanonicalMessages;
import vn.paknhub.core.messages.InvalidMessageException;

/**
 * The XML form of the canonical messages, for connectors of XML systems: element names are the JSON
 * property names in the message's namespace, a null is an absent element, and an array is a wrapper
 * element holding one singular-named element per item ({@code <attachments><attachment>}).
 */
@Component("canonicalXml")
public class CanonicalXml {

    private final CanonicalMessages messages;
    private final ObjectMapper json;

    public CanonicalXml(CanonicalMessages messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The schemas the XML form is checked against (the offline check validates mapping results with them too). */
    CanonicalMessages messages() {
        return messages;
    }

    /** A case dispatch or a status update, in its XML form in the version it declares (validated against its XSD). */
    public String asXml(String messageJson) throws Exception {
        return asXml(messageJson, json.readTree(messageJson).path("schema").asText().endsWith("/v1") ? 1
                : CanonicalMessages.Kind.CASE_DISPATCH.version());
    }

    /**
     * A case dispatch or a status update in its XML form, in the version the connector's mappings were
     * written for ({@code canonicalVersion} of the http-xml-connector): an XSLT matches the namespace of
     * one version, so a mapping written for version 1 keeps working — without the files, which version 1
     * cannot carry.
     */
    public String asXml(String messageJson, int version) throws Exception {
        ObjectNode message = (ObjectNode) json.readTree(messageJson);
        boolean update = message.path("schema").asText().startsWith("pakn-hub/status-update/");
        CanonicalMessages.Kind kind = update ? CanonicalMessages.Kind.STATUS_UPDATE : CanonicalMessages.Kind.CASE_DISPATCH;
        if (version == 1) {
            kind = update ? CanonicalMessages.Kind.STATUS_UPDATE_V1 : CanonicalMessages.Kind.CASE_DISPATCH_V1;
            toVersion1(message, kind);
        } else if (version != kind.version()) {
            throw new IllegalArgumentException("canonicalVersion " + version + ": the hub writes versions 1 and "
                    + kind.version());
        }
        String xml = toXml(message, update ? "statusUpdate" : "caseDispatch", kind.namespace());
        List<String> violations = messages.violationsOfXml(kind, xml);
        if (!violations.isEmpty()) {
            throw new InvalidMessageException(kind, violations);
        }
        return xml;
    }

    /** Version 1 of a message: the files' metadata without their number, content or link; no files in an update. */
    private static void toVersion1(ObjectNode message, CanonicalMessages.Kind kind) {
        message.put("schema", kind.schemaId());
        message.remove("attachments");
        message.path("item").path("attachments").forEach(a -> ((ObjectNode) a).remove(List.of("id", "content", "link")));
    }

    /** A partner's XML answer goes on to the reply mapping only without a DOCTYPE (XXE). */
    public String requireSafe(String partnerXml) {
        if (partnerXml != null && partnerXml.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            throw new DeliveryRefused("MALFORMED_REPLY", "câu trả lời chứa DOCTYPE / the answer has a DOCTYPE", true);
        }
        return partnerXml;
    }

    /** The integer properties of the canonical status update (the sequence, a file's size); every other leaf is text. */
    private static final java.util.Set<String> INTEGERS = java.util.Set.of("sequence", "size");

    /**
     * A status update in its XML form (what an XML partner's status.xsl gives) as the JSON the hub applies:
     * the inverse of {@link #toXml}. An absent {@code <status>} is {@code "status": null}: a status the
     * mapping does not know, parked for an operator like the JSON partners' (the XSD would refuse it, so
     * the XSD is not the gate here; the JSON Schema is, where every update is checked).
     */
    public String statusAsJson(String statusXml) throws Exception {
        org.w3c.dom.Element root = vn.paknhub.core.xml.UntrustedXml.parse(requireSafe(statusXml)).getDocumentElement();
        String name = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
        if (!"statusUpdate".equals(name) || root.getNamespaceURI() == null
                || !root.getNamespaceURI().startsWith("urn:pakn-hub:status-update:")) {
            throw new IllegalArgumentException("the status mapping must give <statusUpdate xmlns=\"urn:pakn-hub:status-update:v1\">"
                    + " (or :v2), not <" + root.getNodeName() + ">");
        }
        ObjectNode message = (ObjectNode) fromXml(root);
        if (!message.has("status")) {
            message.putNull("status");
        }
        return json.writeValueAsString(message);
    }

    private JsonNode fromXml(org.w3c.dom.Element element) {
        List<org.w3c.dom.Element> children = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e) {
                children.add(e);
            }
        }
        String name = element.getLocalName() == null ? element.getNodeName() : element.getLocalName();
        if (children.isEmpty()) {
            String text = element.getTextContent().strip();
            return INTEGERS.contains(name) && text.matches("-?\\d{1,18}") ? json.getNodeFactory().numberNode(Long.parseLong(text))
                    : json.getNodeFactory().textNode(text);
        }
        String item = singular(name);
        if (name.endsWith("s") && children.stream().allMatch(c -> item.equals(c.getLocalName()))) {
            com.fasterxml.jackson.databind.node.ArrayNode list = json.createArrayNode();
            children.forEach(c -> list.add(fromXml(c)));
            return list;
        }
        ObjectNode object = json.createObjectNode();
        children.forEach(c -> object.set(c.getLocalName() == null ? c.getNodeName() : c.getLocalName(), fromXml(c)));
        return object;
    }

    static String toXml(JsonNode message, String root, String namespace) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.append('<').append(root).append(" xmlns=\"").append(namespace).append("\">");
        children(message, out);
        return out.append("</").append(root).append('>').toString();
    }

    private static void children(JsonNode object, StringBuilder out) {
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
            element(e.getKey(), e.getValue(), out);
        }
    }

    private static void element(String name, JsonNode value, StringBuilder out) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        out.append('<').append(name).append('>');
        if (value.isObject()) {
            children(value, out);
        } else if (value.isArray()) {
            String item = singular(name);
            value.forEach(v -> element(item, v, out));
        } else {
            escape(value.asText(), out);
        }
        out.append("</").append(name).append('>');
    }

    static String singular(String plural) {
        return plural.endsWith("ies") ? plural.substring(0, plural.length() - 3) + "y"
                : plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural + "Item";
    }

    private static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }
}
