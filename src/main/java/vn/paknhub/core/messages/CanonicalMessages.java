package vn.paknhub.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;

/**
 * The hub's canonical messages (schemas/messages/), checked against their JSON Schema or XSD before
 * any of them leaves the hub and when a partner's message comes in. Safe for concurrent use: the
 * schemas are loaded once and never change afterwards.
 */
@Component
public class CanonicalMessages {

    /**
     * The message kinds, each in JSON Schema and XSD form. The first four are the versions the hub writes;
     * the last ones are earlier versions it still reads from partners (a message says its version in its
     * "schema" field, an XML document in its namespace), never writes.
     */
    public enum Kind {
        CASE_DISPATCH("case-dispatch", 2),
        STATUS_UPDATE("status-update", 2),
        DELIVERY_RECEIPT("delivery-receipt", 1),
        ERROR("error", 1),
        /** case-dispatch v1: the files as metadata only */
        CASE_DISPATCH_V1("case-dispatch", 1),
        /** status-update v1: no files */
        STATUS_UPDATE_V1("status-update", 1);

        private final String messageName;
        private final int version;
        private final String schemaId;

        Kind(String messageName, int version) {
            this.messageName = messageName;
            this.version = version;
            this.schemaId = "pakn-hub/" + messageName + "/v" + version;
        }

        /** The name in file names and namespaces, e.g. "case-dispatch". */
        public String messageName() {
            return messageName;
        }

        public int version() {
            return version;
        }

        /** The value every message of this kind carries in its "schema" field. */
        public String schemaId() {
            return schemaId;
        }

        /** The XML form's namespace. */
        public String namespace() {
            return "urn:pakn-hub:" + messageName + ":v" + version;
        }

        /** The version of this message a message says it is, when it names one the hub reads; else this one. */
        Kind asDeclaredBy(String declared) {
            for (Kind k : values()) {
                if (k.messageName.equals(messageName) && (k.schemaId.equals(declared) || k.namespace().equals(declared))) {
                    return k;
                }
            }
            return this;
        }

        String jsonSchemaResource() {
            return "schemas/messages/" + messageName + ".v" + version + ".schema.json";
        }

        String xsdResource() {
            return "schemas/messages/" + messageName + ".v" + version + ".xsd";
        }
    }

    /** The default namespace of the document's root element, which says the version of an XML message. */
    private static final Pattern ROOT_NAMESPACE = Pattern.compile("^(?:<\\?[^>]*\\?>|<!--.*?-->|\\s)*<[\\w:.-]+\\s[^>]*?xmlns=\"([^\"]+)\"",
            Pattern.DOTALL);

    private final JsonMessageValidator json = new JsonMessageValidator();
    private final XmlMessageValidator xml = new XmlMessageValidator(statusesRequiringReason(json));

    /** Every rule the message breaks, each naming the JSON path concerned; empty when it is valid. */
    public List<String> violationsOf(Kind kind, JsonNode message) {
        return json.violations(kind.asDeclaredBy(message.path("schema").asText()), message);
    }

    /**
     * Every rule the XML document breaks, each naming the line concerned; empty when it is valid.
     * A document with a DOCTYPE is refused before anything in it is read.
     */
    public List<String> violationsOfXml(Kind kind, String document) {
        Matcher namespace = ROOT_NAMESPACE.matcher(document);
        return xml.violations(namespace.find() ? kind.asDeclaredBy(namespace.group(1)) : kind, document);
    }

    public void requireValid(Kind kind, JsonNode message) {
        List<String> violations = violationsOf(kind, message);
        if (!violations.isEmpty()) {
            throw new InvalidMessageException(kind, violations);
        }
    }

    /**
     * XSD 1.0 cannot make the reason depend on the status, so the XML check borrows the list from
     * the JSON Schema's if/then: the two forms cannot drift apart.
     */
    private static Set<String> statusesRequiringReason(JsonMessageValidator json) {
        JsonNode statuses = json.schemaNode(Kind.STATUS_UPDATE).at("/if/properties/status/enum");
        if (!statuses.isArray() || statuses.isEmpty()) {
            throw new IllegalStateException(Kind.STATUS_UPDATE.jsonSchemaResource()
                    + " no longer lists at /if/properties/status/enum the statuses that need a reason");
        }
        return StreamSupport.stream(statuses.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toUnmodifiableSet());
    }
}
