package vn.paknhub.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
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

    /** The message kinds; each has version 1 of its schema in JSON Schema and XSD form. */
    public enum Kind {
        CASE_DISPATCH("case-dispatch"),
        STATUS_UPDATE("status-update"),
        DELIVERY_RECEIPT("delivery-receipt"),
        ERROR("error");

        private final String messageName;
        private final String schemaId;

        Kind(String messageName) {
            this.messageName = messageName;
            this.schemaId = "pakn-hub/" + messageName + "/v1";
        }

        /** The name in file names and namespaces, e.g. "case-dispatch". */
        public String messageName() {
            return messageName;
        }

        /** The value every message of this kind carries in its "schema" field. */
        public String schemaId() {
            return schemaId;
        }

        String jsonSchemaResource() {
            return "schemas/messages/" + messageName + ".v1.schema.json";
        }

        String xsdResource() {
            return "schemas/messages/" + messageName + ".v1.xsd";
        }
    }

    private final JsonMessageValidator json = new JsonMessageValidator();
    private final XmlMessageValidator xml = new XmlMessageValidator(statusesRequiringReason(json));

    /** Every rule the message breaks, each naming the JSON path concerned; empty when it is valid. */
    public List<String> violationsOf(Kind kind, JsonNode message) {
        return json.violations(kind, message);
    }

    /**
     * Every rule the XML document breaks, each naming the line concerned; empty when it is valid.
     * A document with a DOCTYPE is refused before anything in it is read.
     */
    public List<String> violationsOfXml(Kind kind, String document) {
        return xml.violations(kind, document);
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
