package vn.paknhub.open311;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.CaseState;
import vn.paknhub.intake.FieldCatalogue;

/**
 * The requests and updates an Open311 caller may see: those its client application posted (by its
 * key), and the items published with consent (Đ12.4b). Title, field, state and the body holding the
 * item only: never the submitter's details, never the content of an item that is not published.
 */
@Repository
class Open311Requests {

    /** The states where the item's handling has ended for the person: GeoReport's "closed". */
    static final Set<CaseState> CLOSED = Set.of(CaseState.REJECTED, CaseState.WITHDRAWN, CaseState.CLOSED,
            CaseState.FAST_CLOSED, CaseState.RESULT_POSTED, CaseState.PUBLISHED, CaseState.RESULT_APPROVED,
            CaseState.APPEAL_ANSWERED);
    /** The specification's defaults: 90 days when no dates are given, at most 1000 results. */
    static final Duration DEFAULT_SPAN = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;

    private static final String VISIBLE = "(f.code in (select case_code from open311_request where client_id = :client)"
            + " or f.state = 'PUBLISHED' and f.consent_to_publish)";

    private static final java.time.format.DateTimeFormatter W3C =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final NamedParameterJdbcTemplate jdbc;
    private final FieldCatalogue fields;
    private final AgencyDirectory agencies;
    private final CaseSettings settings;
    private final Clock clock;

    Open311Requests(NamedParameterJdbcTemplate jdbc, FieldCatalogue fields, AgencyDirectory agencies,
            CaseSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.fields = fields;
        this.agencies = agencies;
        this.settings = settings;
        this.clock = clock;
    }

    static String status(CaseState state) {
        return CLOSED.contains(state) ? "closed" : "open";
    }

    /**
     * mySociety's statuses (OPEN and CLOSED, with their additional IN_PROGRESS): an accepted item being
     * handled is in progress.
     */
    static String updateStatus(CaseState state) {
        if (CLOSED.contains(state)) {
            return "CLOSED";
        }
        return switch (state) {
            case ACCEPTED, IN_PROGRESS, COORDINATION, OVERDUE, ESCALATED, RETURNED_FOR_REWORK, APPEALED -> "IN_PROGRESS";
            default -> "OPEN";
        };
    }

    List<Map<String, Object>> find(Optional<Long> client, List<String> codes, String serviceCode, String status,
            Instant start, Instant end) {
        MapSqlParameterSource p = new MapSqlParameterSource("client", client.orElse(-1L));
        StringBuilder sql = new StringBuilder("select f.code, f.state, f.field_code, f.title, f.assigned_agency,"
                + " f.received_at, f.updated_at from case_file f where " + VISIBLE);
        if (!codes.isEmpty()) {
            sql.append(" and f.code in (:codes)");
            p.addValue("codes", codes);
        } else {
            Instant to = end == null ? clock.instant() : end;
            Instant from = start == null ? to.minus(DEFAULT_SPAN) : start;
            sql.append(" and f.received_at between :from and :to");
            p.addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
        }
        if (serviceCode != null && !serviceCode.isBlank()) {
            sql.append(Open311Controller.UNCLASSIFIED.equals(serviceCode) ? " and f.field_code is null"
                    : " and f.field_code = :field");
            p.addValue("field", serviceCode);
        }
        sql.append(" order by f.received_at desc limit ").append(MAX_RESULTS);
        return jdbc.query(sql.toString(), p, (rs, i) -> {
            CaseState state = CaseState.valueOf(rs.getString(2));
            String field = rs.getString(3);
            String agency = rs.getString(5);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("service_request_id", rs.getString(1));
            r.put("status", status(state));
            r.put("status_notes", state.labelVi() + " / " + state.labelEn());
            r.put("service_name", field == null ? "Chưa rõ lĩnh vực" : fields.find(field)
                    .map(FieldCatalogue.Field::nameVi).orElse(field));
            r.put("service_code", field == null ? Open311Controller.UNCLASSIFIED : field);
            r.put("description", rs.getString(4));
            r.put("agency_responsible", agency == null ? null : agencies.find(agency)
                    .map(AgencyDirectory.Agency::nameVi).orElse(agency));
            r.put("service_notice", null);
            r.put("requested_datetime", local(rs.getTimestamp(6)));
            r.put("updated_datetime", local(rs.getTimestamp(7)));
            r.put("expected_datetime", null);
            r.put("address", null);
            r.put("address_id", null);
            r.put("zipcode", null);
            r.put("lat", null);
            r.put("long", null);
            r.put("media_url", null);
            return r;
        }).stream().filter(r -> status == null || status.equals(r.get("status"))).toList();
    }

    List<Map<String, Object>> updates(Optional<Long> client, Instant start, Instant end) {
        Instant to = end == null ? clock.instant() : end;
        Instant from = start == null ? to.minus(DEFAULT_SPAN) : start;
        return jdbc.query("select e.event_id, f.code, e.to_state, e.occurred_at from case_event e join case_file f"
                + " on f.id = e.case_id where e.public and e.occurred_at between :from and :to and " + VISIBLE
                + " order by e.occurred_at, e.seq limit " + MAX_RESULTS,
                new MapSqlParameterSource("client", client.orElse(-1L)).addValue("from", Timestamp.from(from))
                        .addValue("to", Timestamp.from(to)),
                (rs, i) -> {
                    CaseState state = CaseState.valueOf(rs.getString(3));
                    Map<String, Object> u = new LinkedHashMap<>();
                    u.put("update_id", rs.getString(1));
                    u.put("service_request_id", rs.getString(2));
                    u.put("status", updateStatus(state));
                    u.put("updated_datetime", local(rs.getTimestamp(4)));
                    // the step, not the body's reason: a reason may name people and is the submitter's to read
                    u.put("description", state.labelVi() + " / " + state.labelEn());
                    u.put("media_url", null);
                    return u;
                });
    }

    private String local(Timestamp at) {
        return at == null ? null : W3C.format(OffsetDateTime.ofInstant(at.toInstant(), settings.timeZone()));
    }
}
