package vn.paknhub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.core.crypto.Randomness;
import vn.paknhub.core.messages.CanonicalMessages;
import vn.paknhub.delivery.DispatchComposer;

/**
 * The error message (schemas/messages/error.v1) a system receives on its error topic when its
 * status update was not taken: what was wrong, in Vietnamese then English, and whether sending it
 * again can help.
 */
@Component
class StatusErrors {

    private static final Logger LOG = LoggerFactory.getLogger(StatusErrors.class);
    private static final Pattern NOT_CODE = Pattern.compile("[^A-Z0-9_]");

    private final CanonicalMessages messages;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;

    public StatusErrors(CanonicalMessages messages, ObjectMapper json, Clock clock, CaseSettings settings) {
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.zone = settings.timeZone();
    }

    String refusal(StatusOutcome outcome, String system, String mapped) {
        LOG.warn("Status update from {} not applied ({}): {}", system, outcome.code(), outcome.messageEn());
        return error(system, mapped, outcome.code(), outcome.messageVi() + " / " + outcome.messageEn());
    }

    /** A message that could not even be mapped (the partner's own format was not understood). */
    String unreadable(String system, Exception e) {
        return error(system, null, "UNREADABLE_MESSAGE", "Không đọc được thông điệp / The message could not be read: "
                + String.valueOf(e == null ? "" : e.getMessage()).lines().findFirst().orElse(""));
    }

    private String error(String system, String mapped, String code, String message) {
        JsonNode original = read(mapped);
        ObjectNode e = json.createObjectNode();
        e.put("schema", "pakn-hub/error/v1");
        e.put("messageId", Randomness.uuid().toString());
        e.put("inReplyTo", textOrNull(original, "messageId", "[0-9a-fA-F-]{36}"));
        e.put("caseCode", textOrNull(original, "caseCode", "[A-Z]{2,10}-\\d{8}-\\d{6}"));
        e.put("system", system);
        String c = NOT_CODE.matcher(code.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_')).replaceAll("");
        e.put("code", Character.isLetter(c.isEmpty() ? '0' : c.charAt(0)) ? c : "E_" + c);
        e.put("message", message.length() > 2000 ? message.substring(0, 2000) : message);
        e.put("retryable", false);
        e.put("occurredAt", DispatchComposer.timestamp(clock.instant(), zone));
        messages.requireValid(CanonicalMessages.Kind.ERROR, e);
        return e.toString();
    }

    private JsonNode read(String mapped) {
        try {
            return mapped == null ? json.createObjectNode() : json.readTree(mapped);
        } catch (Exception ex) {
            return json.createObjectNode();
        }
    }

    private static String textOrNull(JsonNode m, String field, String pattern) {
        String v = m.path(field).asText("");
        return v.matches(pattern) ? v : null;
    }
}
