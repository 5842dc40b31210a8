package vn.paknhub.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseState;
import vn.paknhub.delivery.JsonMappings;

/**
 * Compares what the hub believes of each open case delivered to a partner with what the partner's own
 * list says (its daily export, {@code hub.reconciliation.export-url.<system>}, read through
 * {@code mappings/<system>/reconcile.jsonata} into {@code {"cases": [{"caseCode", "copies", "status"}]}}).
 *
 * <p>Drift kinds: MISSING_AT_PARTNER (delivered, acknowledged, but not in the partner's list: a lost
 * message), DUPLICATED_AT_PARTNER (the partner holds it more than once: a message applied twice),
 * DIFFERENT_STATE (the partner's status is not the last one it sent the hub: a skipped status) and
 * UNKNOWN_AT_HUB (the partner holds a case the hub never delivered to it). Only the first is repaired by
 * the hub, because only that repair is safe whatever the partner did: the dispatch goes again with the
 * same idempotency key, so a partner that has it after all answers "duplicate". The others need the
 * partner (merge its copies, send its status: a status is never guessed, Đ23) and wait for an operator.
 * Every repair is in the case history; every drift is kept, resolved when no longer seen.
 */
@Component
public class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    static final Actor RECONCILER = new Actor(ActorRole.SYSTEM, "reconciliation");
    static final List<String> KINDS = List.of("MISSING_AT_PARTNER", "DUPLICATED_AT_PARTNER", "DIFFERENT_STATE",
            "UNKNOWN_AT_HUB");

    /** One difference between the hub and a partner, as found and kept. */
    public record Drift(UUID id, String system, String caseCode, String kind, String hubValue, String partnerValue,
            String repair, OffsetDateTime detectedAt, OffsetDateTime lastSeenAt, OffsetDateTime resolvedAt) {
    }

    /** What one run found: the drifts still open for the system, and how many it repaired. */
    public record Run(String system, Instant at, int casesCompared, int partnerCases, List<Drift> open, int repaired) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CaseService cases;
    private final JsonMappings mappings;
    private final ObjectMapper json;
    private final Clock clock;
    private final Environment env;
    private final Path mappingsDir;
    private final Duration grace;
    private final MeterRegistry meters;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, AtomicInteger> gauges = new ConcurrentHashMap<>();

    Reconciliation(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, CaseService cases, JsonMappings mappings,
            ObjectMapper json, Clock clock, Environment env, MeterRegistry meters,
            @Value("${hub.connectors.mappings-dir}") Path mappingsDir,
            @Value("${hub.reconciliation.grace:PT30M}") Duration grace) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cases = cases;
        this.mappings = mappings;
        this.json = json;
        this.clock = clock;
        this.env = env;
        this.meters = meters;
        this.mappingsDir = mappingsDir;
        this.grace = grace;
    }

    /** The systems whose export the hub reads (hub.reconciliation.export-url.&lt;system&gt;), by name. */
    public Map<String, String> sources() {
        Map<String, String> urls = Binder.get(env).bind("hub.reconciliation.export-url", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        Map<String, String> set = new TreeMap<>();
        urls.forEach((system, url) -> {
            if (url != null && !url.isBlank()) {
                set.put(system, url);
            }
        });
        return set;
    }

    /** Every configured system in turn; one that cannot be read is logged and the others go on. */
    public List<Run> runAll() {
        List<Run> runs = new ArrayList<>();
        for (String system : sources().keySet()) {
            try {
                runs.add(run(system));
            } catch (Exception e) {
                LOG.warn("Reconciliation with {} failed: {}", system, e.toString());
            }
        }
        return runs;
    }

    public Run run(String system) throws Exception {
        String url = sources().get(system);
        if (url == null) {
            throw new IllegalArgumentException("no export address for " + system + " (hub.reconciliation.export-url." + system + ")");
        }
        Map<String, JsonNode> partner = partnerCases(system, url);
        Instant now = clock.instant();
        Map<String, HubCase> hub = hubCases(system, now.minus(grace));
        List<Found> found = new ArrayList<>();
        for (HubCase h : hub.values()) {
            JsonNode p = partner.get(h.caseCode());
            if (p == null) {
                found.add(new Found(h, "MISSING_AT_PARTNER", "DELIVERED " + h.externalReference(), null));
                continue;
            }
            if (p.path("copies").asInt(1) > 1) {
                found.add(new Found(h, "DUPLICATED_AT_PARTNER", "1", p.path("copies").asText()));
            }
            String theirs = p.path("status").isTextual() ? p.path("status").asText() : null;
            if (theirs != null && !theirs.equals(h.lastStatus())) {
                found.add(new Found(h, "DIFFERENT_STATE", h.lastStatus() == null ? h.state() : h.lastStatus(), theirs));
            }
        }
        Set<String> delivered = deliveredCodes(system);
        partner.keySet().stream().filter(code -> !delivered.contains(code))
                .forEach(code -> found.add(new Found(new HubCase(code, null, null, null, null, null), "UNKNOWN_AT_HUB", null,
                        "copies=" + partner.get(code).path("copies").asInt(1))));
        int repaired = tx.execute(s -> record(system, found, now));
        List<Drift> open = open(system);
        publish(system, open);
        return new Run(system, now, hub.size(), partner.size(), open, repaired);
    }

    private record HubCase(String caseCode, UUID deliveryId, String agency, String state, String lastStatus,
            String externalReference) {
    }

    private record Found(HubCase hubCase, String kind, String hubValue, String partnerValue) {
    }

    /** The partner's list, by case code, mapped by its reconcile.jsonata when it has one. */
    private Map<String, JsonNode> partnerCases(String system, String url) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(system + " export answered HTTP " + answer.statusCode());
        }
        Path mapping = mappingsDir.resolve(system).resolve("reconcile.jsonata");
        JsonNode list = Files.isRegularFile(mapping)
                ? json.valueToTree(mappings.evaluate(mapping, json.readValue(answer.body(), Object.class)))
                : json.readTree(answer.body());
        if (!list.path("cases").isArray()) {
            throw new IllegalStateException(system + " export, as mapped, has no 'cases' list");
        }
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        list.path("cases").forEach(c -> byCode.put(c.path("caseCode").asText(), c));
        return byCode;
    }

    /**
     * The open cases whose first dispatch to this system was acknowledged before {@code before} (a
     * partner's export may lag its inbox), with the last status the partner sent the hub about each.
     */
    private Map<String, HubCase> hubCases(String system, Instant before) {
        Map<String, HubCase> found = new LinkedHashMap<>();
        jdbc.query("""
                select distinct on (d.case_code) d.case_code, d.id, d.agency, f.state, d.external_reference,
                       (select u.status from status_update u where u.case_code = d.case_code and u.system = d.system
                          and u.outcome in ('APPLIED', 'RECORDED') order by u.sequence desc nulls last, u.received_at desc
                          limit 1) as last_status
                from delivery d join case_file f on f.code = d.case_code
                where d.system = :system and d.role = 'LEAD' and d.status = 'DELIVERED' and d.delivered_at < :before
                order by d.case_code, d.case_version""",
                new MapSqlParameterSource("system", system).addValue("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)),
                rs -> {
                    CaseState state = CaseState.valueOf(rs.getString("state"));
                    if (!state.terminal()) {
                        found.put(rs.getString(1), new HubCase(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                                state.name(), rs.getString("last_status"), rs.getString("external_reference")));
                    }
                });
        return found;
    }

    private Set<String> deliveredCodes(String system) {
        return Set.copyOf(jdbc.queryForList("select distinct case_code from delivery where system = :system",
                new MapSqlParameterSource("system", system), String.class));
    }

    /**
     * Keeps what was found (one open row per case and kind), resolves what is no longer seen and repairs a
     * lost dispatch by sending it again; the re-send and its reason go into the case history.
     */
    private int record(String system, List<Found> found, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int repaired = 0;
        List<CaseService.Note> notes = new ArrayList<>();
        List<UUID> seen = new ArrayList<>();
        for (Found f : found) {
            UUID existing = jdbc.query("select id from reconciliation_drift where system = :system and case_code = :code"
                    + " and kind = :kind and resolved_at is null", new MapSqlParameterSource("system", system)
                    .addValue("code", f.hubCase().caseCode()).addValue("kind", f.kind()),
                    rs -> rs.next() ? rs.getObject(1, UUID.class) : null);
            boolean resend = "MISSING_AT_PARTNER".equals(f.kind()) && jdbc.update("""
                    update delivery set status = 'PENDING', attempts = 0, next_attempt_at = now(), lease_until = null,
                           updated_at = now() where id = :id and status = 'DELIVERED'""",
                    new MapSqlParameterSource("id", f.hubCase().deliveryId())) == 1;
            if (existing != null) {
                jdbc.update("update reconciliation_drift set last_seen_at = :at, partner_value = :partner,"
                        + " repair = case when :resent then 'RESENT' else repair end where id = :id",
                        new MapSqlParameterSource("id", existing).addValue("at", at).addValue("partner", f.partnerValue())
                                .addValue("resent", resend));
                seen.add(existing);
            } else {
                UUID id = UUID.randomUUID();
                jdbc.update("""
                        insert into reconciliation_drift (id, system, case_code, kind, hub_value, partner_value, repair,
                                                          detected_at, last_seen_at)
                        values (:id, :system, :code, :kind, :hub, :partner, :repair, :at, :at)""",
                        new MapSqlParameterSource("id", id).addValue("system", system).addValue("code", f.hubCase().caseCode())
                                .addValue("kind", f.kind()).addValue("hub", f.hubValue()).addValue("partner", f.partnerValue())
                                .addValue("repair", resend ? "RESENT" : "NONE").addValue("at", at));
                seen.add(id);
                if (!"UNKNOWN_AT_HUB".equals(f.kind())) {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("system", system);
                    details.put("drift", f.kind());
                    details.put("hub", f.hubValue());
                    details.put("partner", f.partnerValue());
                    details.put("repair", resend ? "RESENT" : "NONE");
                    notes.add(new CaseService.Note(f.hubCase().caseCode(), "RECONCILIATION_DRIFT", RECONCILER,
                            reason(f.kind(), resend), details));
                }
            }
            if (resend) {
                repaired++;
                meters.counter("hub.reconciliation.repairs", "system", system, "action", "RESENT").increment();
            }
        }
        jdbc.update("update reconciliation_drift set resolved_at = :at where system = :system and resolved_at is null"
                + (seen.isEmpty() ? "" : " and id not in (:seen)"),
                new MapSqlParameterSource("system", system).addValue("at", at).addValue("seen", seen));
        if (!notes.isEmpty()) {
            cases.recordAll(notes);
        }
        return repaired;
    }

    private static String reason(String kind, boolean resent) {
        return switch (kind) {
            case "MISSING_AT_PARTNER" -> resent
                    ? "Hệ thống xử lý không có hồ sơ dù đã xác nhận nhận: gửi lại (cùng khóa) / Not in the partner's list"
                            + " though acknowledged: sent again with the same idempotency key"
                    : "Hệ thống xử lý không có hồ sơ / Not in the partner's list";
            case "DUPLICATED_AT_PARTNER" -> "Hệ thống xử lý giữ hồ sơ nhiều lần: cần hệ thống đó gộp / The partner holds"
                    + " the case more than once: the partner must merge its copies";
            case "DIFFERENT_STATE" -> "Trạng thái ở hệ thống xử lý khác trạng thái đã báo cho hub: cần hệ thống đó gửi"
                    + " cập nhật / The partner's status differs from the last it sent the hub: it must send the update";
            default -> kind;
        };
    }

    public List<Drift> open(String system) {
        return jdbc.query("select id, system, case_code, kind, hub_value, partner_value, repair, detected_at, last_seen_at,"
                + " resolved_at from reconciliation_drift where resolved_at is null and (cast(:system as text) is null"
                + " or system = :system) order by detected_at, case_code, kind",
                new MapSqlParameterSource("system", system), (rs, i) -> new Drift(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
                        rs.getObject(10, OffsetDateTime.class)));
    }

    /** hub_reconciliation_drift{system, kind}: the drifts open after the last run, for alerts. */
    private void publish(String system, List<Drift> open) {
        for (String kind : KINDS) {
            AtomicInteger gauge = gauges.computeIfAbsent(system + "/" + kind, k -> {
                AtomicInteger value = new AtomicInteger();
                Gauge.builder("hub.reconciliation.drift", value, AtomicInteger::get).tag("system", system).tag("kind", kind)
                        .description("Differences between the hub and a partner's export, open after the last run")
                        .register(meters);
                return value;
            });
            gauge.set((int) open.stream().filter(d -> d.kind().equals(kind)).count());
        }
    }
}
