package vn.paknhub.abuse;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.paknhub.core.crypto.PersonalDataProtector;
import vn.paknhub.core.crypto.Randomness;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.intake.Submitter;

/**
 * Operators' measures against abuse (Đ19): warn, lock for a period, or revoke, a client address range or
 * a submitter (by e-mail address or phone number, kept only as their keyed hash). Each is lifted rather
 * than deleted, so who took and lifted it, when and why, stays on record.
 */
@Component
public class AbuseMeasures {

    private static final Logger LOG = LoggerFactory.getLogger(AbuseMeasures.class);

    /** A measure as operators see it. */
    public record Measure(UUID id, String targetKind, String label, String action, String reason, OffsetDateTime until,
            String takenBy, OffsetDateTime takenAt, String liftedBy, OffsetDateTime liftedAt, String liftReason) {

        boolean refuses() {
            return !action.equals("WARN");
        }
    }

    /** A measure to take: one of {@code address} (an address or a CIDR range), {@code email}, {@code phone}. */
    public record NewMeasure(String address, String email, String phone, String action, String reason, Integer minutes) {
    }

    private static final String COLUMNS = "id, target_kind, label, action, reason, until, taken_by, taken_at, lifted_by,"
            + " lifted_at, lift_reason";
    private static final RowMapper<Measure> ROWS = (rs, i) -> new Measure(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7),
            rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getObject(10, OffsetDateTime.class), rs.getString(11));

    /** A measure in force, as each request is checked against it: in memory, not a query per request. */
    private record InForce(Measure measure, AddressRange range, byte[] submitter) {
    }

    private static final long REFRESH_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataProtector protector;
    private final Clock clock;
    private volatile List<InForce> inForce;
    private volatile long readAt;

    AbuseMeasures(NamedParameterJdbcTemplate jdbc, PersonalDataProtector protector, Clock clock) {
        this.jdbc = jdbc;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * The measures in force, read again every few seconds (so a measure another node took applies here
     * within that time) and at once after this node took or lifted one.
     */
    private List<InForce> inForce() {
        List<InForce> current = inForce;
        if (current == null || System.nanoTime() - readAt > REFRESH_NANOS) {
            current = jdbc.query("select " + COLUMNS + ", cast(address as text), submitter from abuse_measure where"
                    + " lifted_at is null and (until is null or until > now())", new MapSqlParameterSource(),
                    (rs, i) -> new InForce(ROWS.mapRow(rs, i), rs.getString(12) == null ? null : AddressRange.parse(rs.getString(12)),
                            rs.getBytes(13)));
            inForce = current;
            readAt = System.nanoTime();
        }
        return current;
    }

    /** In force now (a lock may have ended since the list was read), refusals first. */
    private Optional<Measure> strongest(java.util.function.Predicate<InForce> applies) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        return inForce().stream().filter(applies).map(InForce::measure)
                .filter(m -> m.until() == null || m.until().isAfter(now))
                .min(java.util.Comparator.comparingInt((Measure m) -> switch (m.action()) {
                    case "REVOKE" -> 0;
                    case "LOCK" -> 1;
                    default -> 2;
                }));
    }

    public Measure take(NewMeasure m, String operator) {
        int targets = (blank(m.address()) ? 0 : 1) + (blank(m.email()) ? 0 : 1) + (blank(m.phone()) ? 0 : 1);
        if (targets != 1) {
            throw ApiProblem.invalid("address", "one-target", "Chọn đúng một đối tượng: address, email hoặc phone.",
                    "Name exactly one target: address, email or phone.");
        }
        String action = ApiProblem.oneOf("action", m.action() == null ? "" : m.action(), List.of("WARN", "LOCK", "REVOKE"));
        if (blank(m.reason()) || m.reason().strip().length() < 5) {
            throw ApiProblem.invalid("reason", "required", "Cần ghi lý do (ít nhất 5 ký tự).", "Give the reason (5 characters at least).");
        }
        if (action.equals("LOCK") && (m.minutes() == null || m.minutes() < 1 || m.minutes() > 525_600)) {
            throw ApiProblem.invalid("minutes", "range", "Khoá tạm thời cần thời hạn từ 1 đến 525600 phút.",
                    "A lock needs a period of 1 to 525600 minutes.");
        }
        MapSqlParameterSource p = new MapSqlParameterSource("id", Randomness.uuid()).addValue("action", action)
                .addValue("reason", m.reason().strip()).addValue("by", operator).addValue("at", Timestamp.from(clock.instant()))
                .addValue("until", action.equals("LOCK") ? Timestamp.from(clock.instant().plus(Duration.ofMinutes(m.minutes()))) : null);
        if (!blank(m.address())) {
            String range = m.address().strip();
            try {
                range = jdbc.queryForObject("select cast(cast(:v as cidr) as text)", new MapSqlParameterSource("v", range), String.class);
            } catch (DataAccessException notAnAddress) {
                throw ApiProblem.invalid("address", "cidr", "Địa chỉ phải là địa chỉ IP hoặc dải CIDR (ví dụ 203.0.113.0/24).",
                        "The address must be an IP address or a CIDR range (e.g. 203.0.113.0/24).");
            }
            p.addValue("kind", "ADDRESS").addValue("address", range).addValue("submitter", null).addValue("label", range);
        } else {
            boolean email = !blank(m.email());
            String value = email ? m.email().strip().toLowerCase(java.util.Locale.ROOT) : compactPhone(m.phone());
            p.addValue("kind", "SUBMITTER").addValue("address", null).addValue("submitter", protector.lookupHash(value))
                    .addValue("label", mask(value, email));
        }
        Measure taken = jdbc.queryForObject("insert into abuse_measure (id, target_kind, address, submitter, label, action,"
                + " reason, until, taken_by, taken_at) values (:id, :kind, cast(:address as cidr), :submitter, :label, :action,"
                + " :reason, :until, :by, :at) returning " + COLUMNS, p, ROWS);
        LOG.warn("Abuse measure {} {} on {} by {}: {}", taken.id(), action, taken.label(), operator, taken.reason());
        inForce = null;
        return taken;
    }

    public Measure lift(UUID id, String reason, String operator) {
        if (blank(reason)) {
            throw ApiProblem.invalid("reason", "required", "Cần ghi lý do gỡ bỏ.", "Give the reason for lifting it.");
        }
        List<Measure> lifted = jdbc.query("update abuse_measure set lifted_by = :by, lifted_at = :at, lift_reason = :reason"
                + " where id = :id and lifted_at is null returning " + COLUMNS, new MapSqlParameterSource("id", id)
                        .addValue("by", operator).addValue("at", Timestamp.from(clock.instant())).addValue("reason", reason.strip()),
                ROWS);
        if (lifted.isEmpty()) {
            throw ApiProblem.notFound("biện pháp đang có hiệu lực này", "measure in force");
        }
        LOG.warn("Abuse measure {} lifted by {}: {}", id, operator, reason);
        inForce = null;
        return lifted.get(0);
    }

    public List<Measure> list(boolean inForceOnly) {
        return jdbc.query("select " + COLUMNS + " from abuse_measure"
                + (inForceOnly ? " where lifted_at is null and (until is null or until > now())" : "")
                + " order by taken_at desc limit 500", new MapSqlParameterSource(), ROWS);
    }

    /** Whether any measure in force names a submitter (most of the time none does). */
    boolean anyOnSubmitters() {
        return inForce().stream().anyMatch(m -> m.submitter() != null);
    }

    /** The measure in force on a client address, refusals first. */
    Optional<Measure> onAddress(String address) {
        if (inForce().stream().noneMatch(m -> m.range() != null)) {
            return Optional.empty();
        }
        byte[] ip = AddressRange.bytes(address);
        return ip == null ? Optional.empty() : strongest(m -> m.range() != null && m.range().contains(ip));
    }

    /** The measure in force on a submitter, by their e-mail address or phone number (either may be null). */
    public Optional<Measure> onSubmitter(String email, String phone) {
        if (blank(email) && blank(phone) || inForce().stream().noneMatch(m -> m.submitter() != null)) {
            return Optional.empty();
        }
        byte[] byEmail = blank(email) ? null : protector.lookupHash(email.toLowerCase(java.util.Locale.ROOT));
        byte[] byPhone = blank(phone) ? null : protector.lookupHash(compactPhone(phone));
        return strongest(m -> m.submitter() != null
                && (java.util.Arrays.equals(m.submitter(), byEmail) || java.util.Arrays.equals(m.submitter(), byPhone)));
    }

    /** What operators see of a submitter: enough to recognise, not to contact. */
    private static String mask(String value, boolean email) {
        if (email) {
            int at = value.indexOf('@');
            return (at > 1 ? value.charAt(0) + "***" : "***") + (at >= 0 ? value.substring(at) : "");
        }
        return value.length() > 4 ? "***" + value.substring(value.length() - 4) : "***";
    }

    /** A phone number as intake keeps it (digits, a leading '+'), so that the hashes meet. */
    static String compactPhone(String phone) {
        return new Submitter(null, null, null, phone, null, null, null).normalized().phone();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
