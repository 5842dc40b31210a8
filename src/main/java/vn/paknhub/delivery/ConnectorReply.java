package vn.paknhub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.paknhub.core.xml.UntrustedXml;

/**
 * What a connector's reply mapping produces from a partner's answer: the hub's small "reply" shape,
 * in JSON ({@code {"outcome": "ACCEPTED", "externalReference": "..."}}) or XML
 * ({@code <reply><outcome>ACCEPTED</outcome>...</reply>}). Outcomes: ACCEPTED, DUPLICATE (the
 * partner already had this idempotency key: also a success) or REFUSED (with code, message and
 * retryable). Anything else is a malformed answer, treated as a failed attempt.
 */
public record ConnectorReply(String outcome, String externalReference) {

    private static final Set<String> SUCCESS = Set.of("ACCEPTED", "DUPLICATE");

    public static ConnectorReply parse(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            throw malformed("empty reply");
        }
        String trimmed = body.strip();
        return trimmed.startsWith("<") ? fromXml(trimmed) : fromJson(trimmed, json);
    }

    private static ConnectorReply fromJson(String body, ObjectMapper json) {
        JsonNode n;
        try {
            n = json.readTree(body);
        } catch (Exception e) {
            throw malformed("reply is not JSON");
        }
        return of(text(n.get("outcome")), text(n.get("externalReference")), text(n.get("code")),
                text(n.get("message")), n.path("retryable").asBoolean(true));
    }

    private static ConnectorReply fromXml(String body) {
        Element root;
        try {
            root = UntrustedXml.parse(body).getDocumentElement();
        } catch (Exception e) {
            throw malformed("reply is not well-formed XML without DOCTYPE");
        }
        if (!"reply".equals(root.getLocalName() == null ? root.getNodeName() : root.getLocalName())) {
            throw malformed("reply root must be <reply>");
        }
        String retryable = child(root, "retryable");
        return of(child(root, "outcome"), child(root, "externalReference"), child(root, "code"),
                child(root, "message"), retryable == null || Boolean.parseBoolean(retryable));
    }

    private static ConnectorReply of(String outcome, String reference, String code, String message, boolean retryable) {
        if (outcome != null && SUCCESS.contains(outcome)) {
            return new ConnectorReply(outcome, reference);
        }
        if ("REFUSED".equals(outcome)) {
            throw new DeliveryRefused(code == null ? "REFUSED" : code, message == null ? "no reason given" : message,
                    retryable);
        }
        throw malformed("unknown outcome " + outcome);
    }

    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            String local = n.getLocalName() == null ? n.getNodeName() : n.getLocalName();
            if (n.getNodeType() == Node.ELEMENT_NODE && name.equals(local)) {
                String text = n.getTextContent().strip();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static DeliveryRefused malformed(String what) {
        return new DeliveryRefused("MALFORMED_REPLY", "câu trả lời không đúng định dạng / malformed answer: " + what,
                true);
    }
}
