package vn.paknhub.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.AttachmentStore.StoredAttachment;
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.core.messages.CanonicalMessages;

/**
 * Writes the canonical case-dispatch message (schemas/messages/case-dispatch.v2, with the case's files)
 * or status update (status-update.v2) for one delivery and checks it against its schema: nothing leaves
 * the hub that the schema refuses. The handling
 * body needs the submitter's contact to answer, so the dispatch carries it, and the read is logged
 * in the case's history (Đ17).
 */
@Component
public class DispatchComposer {

    static final Actor DELIVERY = new Actor(ActorRole.SYSTEM, "delivery");
    /** The hub, as the sender of the updates it sends to partner systems. */
    public static final String HUB_SYSTEM = "pakn-hub";

    private final CaseService cases;
    private final CanonicalMessages messages;
    private final ObjectMapper json;
    private final ZoneId zone;
    private final Clock clock;
    private final MessageFiles files;

    public DispatchComposer(CaseService cases, CanonicalMessages messages, ObjectMapper json, CaseSettings settings,
            Clock clock, MessageFiles files) {
        this.files = files;
        this.cases = cases;
        this.messages = messages;
        this.json = json;
        this.zone = settings.timeZone();
        this.clock = clock;
    }

    /** The cases of a batch of deliveries and their attachments, read in two statements rather than two per delivery. */
    record Batch(Map<String, CaseFile> cases, Map<UUID, List<StoredAttachment>> attachments) {

        CaseFile caseOf(Delivery d) {
            CaseFile c = cases.get(d.caseCode());
            if (c == null) {
                throw CaseService.noSuchCase();
            }
            return c;
        }
    }

    Batch read(List<Delivery> due) {
        Map<String, CaseFile> found = cases.findAll(due.stream().map(Delivery::caseCode).distinct().toList());
        return new Batch(found, cases.attachmentsOfAll(due.stream().filter(d -> !d.statusUpdate())
                .map(d -> found.get(d.caseCode())).filter(Objects::nonNull).toList()));
    }

    /** The canonical message of a delivery: the case dispatch, or the status update of one case event. */
    String compose(Delivery d, Batch batch) {
        return d.statusUpdate() ? update(d, batch.caseOf(d)) : dispatch(d, batch.caseOf(d), batch);
    }

    /**
     * A step taken on the hub's side, for the system handling the case (Đ23): the hub is the sender,
     * the sequence is the number of the case event in the history, and the reason carries what the step says (the
     * supplement's text, the grounds of an appeal or a withdrawal request, a rating).
     */
    private String update(Delivery d, CaseFile c) {
        CaseEvent e = cases.fullHistory(c).stream().filter(x -> x.eventId().equals(d.eventId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("delivery " + d.id() + ": no event " + d.eventId()));
        ObjectNode m = json.createObjectNode();
        m.put("schema", CanonicalMessages.Kind.STATUS_UPDATE.schemaId());
        m.put("messageId", d.id().toString());
        m.put("caseCode", c.code());
        m.put("system", HUB_SYSTEM);
        m.put("agency", d.agency());
        ObjectNode routing = readRouting(d);
        m.put("externalReference", routing.path("externalReference").isTextual() ? routing.path("externalReference").asText()
                : null);
        // every event of the case has a higher number than the last, state change or not (a deadline notice)
        m.put("sequence", e.seq());
        m.put("status", routing.path("status").asText());
        m.put("targetAgency", (String) e.details().get("targetAgency"));
        m.put("reason", reasonOf(e));
        m.put("occurredAt", local(e.occurredAt()));
        m.put("handler", e.actorKind().labelVi());
        if (e.details().get("attachments") instanceof Number n && n.intValue() > 0) {
            // a supplement's documents go to the handling body with the step that brought them
            files.write(m.putArray("attachments"), c.code(), d.agency(), cases.attachmentsOf(c).stream()
                    .filter(a -> e.eventId().equals(a.eventId())).toList());
        }
        messages.requireValid(CanonicalMessages.Kind.STATUS_UPDATE, m);
        return m.toString();
    }

    private static String reasonOf(CaseEvent e) {
        Map<String, Object> d = e.details();
        if (d.containsKey("score")) {
            return "Đánh giá " + d.get("score") + "/5, " + (Boolean.TRUE.equals(d.get("agree")) ? "đồng ý" : "không đồng ý")
                    + " với kết quả" + (e.reason() == null ? "" : ". " + e.reason()) + (d.get("text") == null ? ""
                            : ". " + d.get("text"));
        }
        String text = d.get("text") == null ? null : d.get("text").toString();
        return e.reason() != null && text != null ? e.reason() + "\n" + text : e.reason() != null ? e.reason() : text;
    }

    private String dispatch(Delivery d, CaseFile c, Batch batch) {
        ObjectNode routing = readRouting(d);
        ObjectNode m = json.createObjectNode();
        m.put("schema", CanonicalMessages.Kind.CASE_DISPATCH.schemaId());
        m.put("messageId", d.id().toString());
        m.put("caseCode", c.code());
        m.put("sentAt", local(clock.instant()));
        ObjectNode destination = m.putObject("destination");
        destination.put("system", d.system());
        destination.put("agency", d.agency());
        destination.put("role", d.role());
        m.put("leadAgency", routing.path("leadAgency").asText());
        m.set("coordinatingAgencies", routing.path("coordinatingAgencies"));
        ObjectNode rule = m.putObject("routing");
        rule.put("rule", routing.path("rule").asText());
        rule.put("reason", routing.path("reason").asText());
        rule.put("confidence", routing.path("confidence").asDouble());
        m.set("classification", routing.path("classification"));
        ObjectNode item = m.putObject("item");
        item.put("title", c.title());
        item.put("content", c.content());
        item.put("channel", c.channel().name());
        item.put("receivedAt", local(c.receivedAt()));
        item.put("consentToPublish", c.consentToPublish());
        files.write(item.putArray("attachments"), c.code(), d.agency(), batch.attachments().getOrDefault(c.id(), List.of()));
        SubmitterDetails s = cases.readSubmitter(c, DELIVERY, "dispatch to " + d.agency() + " via " + d.system());
        ObjectNode submitter = m.putObject("submitter");
        submitter.put("name", s.fullName());
        submitter.put("organisation", s.organisation());
        submitter.put("address", s.address());
        submitter.put("phone", s.phone());
        submitter.put("email", s.email());
        submitter.put("idNumber", s.idNumber());
        messages.requireValid(CanonicalMessages.Kind.CASE_DISPATCH, m);
        return m.toString();
    }

    private ObjectNode readRouting(Delivery d) {
        try {
            return (ObjectNode) json.readTree(d.routingJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("delivery " + d.id() + " has unreadable routing", e);
        }
    }

    private String local(Instant at) {
        return timestamp(at, zone);
    }

    /** A canonical message's date-time: RFC 3339 in the hub's time zone. */
    public static String timestamp(Instant at, ZoneId zone) {
        // always with seconds: OffsetDateTime.toString() drops them when zero, which RFC 3339 refuses
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime());
    }
}
