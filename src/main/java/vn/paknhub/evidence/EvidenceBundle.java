package vn.paknhub.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.paknhub.core.problem.ApiProblem;

/**
 * One case's evidence as a signed document, for a court or an inspector: every event with its seal, every
 * hand-off to a handling system with the partner's receipt, the signed checkpoints that cover the seals,
 * and the verification made when the bundle was. The hub signs the bundle (Ed25519) over its canonical
 * form: the JSON without {@code signature}, keys sorted at every level, no spaces, UTF-8.
 */
@Component
public class EvidenceBundle {

    static final String SCHEMA = "pakn-hub/evidence-bundle/v1";
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final NamedParameterJdbcTemplate jdbc;
    private final EvidenceVerifier verifier;
    private final Checkpoints checkpoints;
    private final SigningKeys keys;
    private final ObjectMapper json;
    private final Clock clock;

    EvidenceBundle(NamedParameterJdbcTemplate jdbc, EvidenceVerifier verifier, Checkpoints checkpoints, SigningKeys keys,
            ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    public JsonNode of(String code) {
        MapSqlParameterSource p = new MapSqlParameterSource("code", code);
        if (jdbc.queryForList("select 1 from case_file where code = :code", p, Integer.class).isEmpty()) {
            throw ApiProblem.notFound("hồ sơ", "case");
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("schema", SCHEMA);
        bundle.put("caseCode", code);
        bundle.put("generatedAt", clock.instant().toString());
        List<Map<String, Object>> events = jdbc.query("""
                select e.seq, e.event_id::text, e.action, e.from_state, e.to_state, e.actor_kind, e.actor_id, e.reason,
                    e.details::text, e.public, e.occurred_at, s.seal_seq, s.hash
                from case_event e left join case_event_seal s on s.event_id = e.event_id
                where e.case_id = (select id from case_file where code = :code) order by e.seq""", p, (rs, i) -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("seq", rs.getLong(1));
                    e.put("eventId", rs.getString(2));
                    e.put("action", rs.getString(3));
                    e.put("fromState", rs.getString(4));
                    e.put("toState", rs.getString(5));
                    e.put("actorKind", rs.getString(6));
                    e.put("actorId", rs.getString(7));
                    e.put("reason", rs.getString(8));
                    e.put("details", tree(rs.getString(9)));
                    e.put("public", rs.getBoolean(10));
                    e.put("occurredAt", rs.getTimestamp(11).toInstant().toString());
                    e.put("sealNumber", rs.getObject(12) == null ? null : rs.getLong(12));
                    e.put("sealSha256", rs.getBytes(13) == null ? null : HexFormat.of().formatHex(rs.getBytes(13)));
                    return e;
                });
        bundle.put("events", events);
        bundle.put("handOffs", jdbc.query("""
                select id::text, kind, agency, system, role, status, attempts, created_at, delivered_at, external_reference,
                    receipt::text, partner_answer::text from delivery where case_code = :code order by created_at""", p, (rs, i) -> {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("deliveryId", rs.getString(1));
                    d.put("kind", rs.getString(2));
                    d.put("agency", rs.getString(3));
                    d.put("system", rs.getString(4));
                    d.put("role", rs.getString(5));
                    d.put("status", rs.getString(6));
                    d.put("attempts", rs.getInt(7));
                    d.put("createdAt", rs.getTimestamp(8).toInstant().toString());
                    d.put("deliveredAt", rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant().toString());
                    d.put("partnerReference", rs.getString(10));
                    d.put("partnerReceipt", rs.getString(11) == null ? null : tree(rs.getString(11)));
                    // what the partner itself answered, with its signature and the hub's check of it
                    d.put("partnerAnswer", rs.getString(12) == null ? null : tree(rs.getString(12)));
                    return d;
                }));
        List<Long> sealNumbers = events.stream().map(e -> (Long) e.get("sealNumber")).filter(n -> n != null).toList();
        bundle.put("checkpoints", checkpoints.all().stream()
                .filter(c -> sealNumbers.stream().anyMatch(n -> n > c.fromSealSeq() && n <= c.toSealSeq()))
                .map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", c.id());
                    m.put("sealRange", List.of(c.fromSealSeq(), c.toSealSeq()));
                    m.put("accessLogRange", List.of(c.fromAccessId(), c.toAccessId()));
                    m.put("seals", c.seals());
                    m.put("digestSha256", HexFormat.of().formatHex(c.digest()));
                    m.put("keyId", c.keyId());
                    m.put("signature", Base64.getEncoder().encodeToString(c.signature()));
                    m.put("signedAt", c.signedAt().toString());
                    return m;
                }).toList());
        bundle.put("verification", verifier.verifyCase(code));
        ObjectNode document = json.valueToTree(bundle);
        SigningKeys.Signed signed = keys.sign(canonical(document));
        ObjectNode signature = document.putObject("signature");
        signature.put("algorithm", SigningKeys.ALGORITHM);
        signature.put("keyId", signed.keyId());
        signature.put("value", Base64.getEncoder().encodeToString(signed.signature()));
        signature.put("covers", "the bundle without 'signature', keys sorted at every level, no spaces, UTF-8");
        return document;
    }

    /** The bytes a bundle's signature covers: the document without {@code signature}, in canonical form. */
    public static byte[] canonical(JsonNode document) {
        try {
            ObjectNode copy = ((ObjectNode) document).deepCopy();
            copy.remove("signature");
            Object tree = CANONICAL.treeToValue(copy, Object.class);
            return CANONICAL.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }
}
