package vn.paknhub.publication;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.casefile.ActionInput;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseBatch;
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.core.text.VietnameseText;
import vn.paknhub.intake.FieldCatalogue;

/**
 * Publication of answered items (Đ12.4b): the reviewer's preview of what the public would see, with personal
 * data removed ({@link Redactor}); the PUBLISH step with the reviewer's corrections, recorded in the case's
 * history and projected in the same transaction into {@code published_item}; and the public's reads of it.
 */
@Service
public class Publications {

    /** Detail of a PUBLISH event: what was removed (kinds and counts, never the words) and what the reviewer changed. */
    public static final String DETAIL = "publication";

    private final CaseService cases;
    private final NamedParameterJdbcTemplate jdbc;
    private final AgencyDirectory agencies;
    private final FieldCatalogue fields;
    private final ZoneId zone;

    Publications(CaseService cases, NamedParameterJdbcTemplate jdbc, AgencyDirectory agencies, FieldCatalogue fields,
            CaseSettings settings) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.fields = fields;
        this.zone = settings.timeZone();
    }

    /** A part of the published text as the rules leave it, and what they removed from it. */
    public record Part(String text, List<Redactor.Removal> removals) {
    }

    /** What publishing the case would show; the reviewer reads it before publishing (and can correct it). */
    public record Preview(String code, boolean consentToPublish, Part title, Part content, Part answer) {
    }

    /** The reviewer's own version of a part; null keeps what the rules made of it. */
    public record Corrections(String title, String content, String answer) {

        public static final Corrections NONE = new Corrections(null, null, null);
    }

    /** The preview of {@code c}; reading the submitter's details to find them in the text is a recorded read (Đ17). */
    public Preview preview(CaseFile c, Actor reader) {
        SubmitterDetails s = c.consentToPublish() ? cases.readSubmitter(c, reader, "publication preview (Đ12.4b)") : null;
        Answer a = answerOf(c);
        return new Preview(c.code(), c.consentToPublish(), part(c.title(), s), part(c.content(), s),
                part(a.text(), s));
    }

    private static Part part(String text, SubmitterDetails s) {
        Redactor.Result r = Redactor.redact(text, s);
        return new Part(r.text(), r.removals());
    }

    /**
     * Publishes the case: the state machine decides (no consent, wrong state or role are refused before anything
     * is read), the event records the redaction, and the public row is written with it, in one transaction.
     */
    @Transactional
    public CaseFile publish(String code, Actor actor, String reason, Corrections corrections) {
        CaseBatch batch = cases.lock(List.of(code));
        CaseFile before = batch.find(code).orElseThrow(CaseService::noSuchCase);
        if (!before.consentToPublish() || !cases.allowedActions(before, actor.role()).contains(CaseAction.PUBLISH)) {
            // the refusal in the state machine's words
            cases.apply(batch, code, CaseAction.PUBLISH, actor, reason, ActionInput.NONE);
        }
        Preview p = preview(before, actor);
        Corrections fix = corrections == null ? Corrections.NONE : corrections;
        String title = chosen(fix.title(), p.title());
        String content = chosen(fix.content(), p.content());
        String answer = chosen(fix.answer(), p.answer());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("removed", counts(p));
        List<String> corrected = new ArrayList<>();
        if (!title.equals(p.title().text())) {
            corrected.add("title");
        }
        if (!content.equals(p.content().text())) {
            corrected.add("content");
        }
        if (!answer.equals(p.answer().text())) {
            corrected.add("answer");
        }
        record.put("correctedByReviewer", corrected);
        // the published words themselves are public: the history keeps exactly what was shown (Đ9.1)
        record.put("title", title);
        record.put("content", content);
        record.put("answer", answer);
        CaseFile after = cases.apply(batch, code, CaseAction.PUBLISH, actor, reason, ActionInput.noted(Map.of(DETAIL, record)));
        cases.write(batch);
        Answer a = answerOf(before);
        jdbc.update("""
                insert into published_item (case_code, title, content, answer, field_code, agency, received_at, answered_at,
                    published_at, updated_at, search_folded)
                values (:code, :title, :content, :answer, :field, :agency, :received, :answered, now(), now(), :folded)
                on conflict (case_code) do update set title = excluded.title, content = excluded.content,
                    answer = excluded.answer, field_code = excluded.field_code, agency = excluded.agency,
                    answered_at = excluded.answered_at, updated_at = now(), search_folded = excluded.search_folded""",
                new MapSqlParameterSource("code", code).addValue("title", title).addValue("content", content)
                        .addValue("answer", answer).addValue("field", after.fieldCode())
                        .addValue("agency", after.assignedAgency())
                        .addValue("received", Timestamp.from(after.receivedAt()))
                        .addValue("answered", a.at() == null ? null : Timestamp.from(a.at()))
                        .addValue("folded", VietnameseText.fold(title + " " + content + " " + answer)));
        return after;
    }

    private static String chosen(String correction, Part automatic) {
        return correction == null || correction.isBlank() ? automatic.text() : VietnameseText.normalize(correction).strip();
    }

    private static Map<Redactor.Kind, Integer> counts(Preview p) {
        Map<Redactor.Kind, Integer> n = new EnumMap<>(Redactor.Kind.class);
        for (Part part : List.of(p.title(), p.content(), p.answer())) {
            part.removals().forEach(r -> n.merge(r.kind(), 1, Integer::sum));
        }
        return n;
    }

    private record Answer(String text, Instant at) {
    }

    /** The body's answer (Đ13.3) and, after an appeal, its answer to that too (Đ14.1). */
    private Answer answerOf(CaseFile c) {
        String result = null;
        String appeal = null;
        Instant at = null;
        for (CaseEvent e : cases.fullHistory(c)) {
            if (CaseAction.POST_RESULT.name().equals(e.action()) && e.reason() != null) {
                result = e.reason();
                at = e.occurredAt();
            } else if (CaseAction.ANSWER_APPEAL.name().equals(e.action()) && e.reason() != null) {
                appeal = e.reason();
                at = e.occurredAt();
            }
        }
        String text = result == null ? "" : result;
        if (appeal != null) {
            text = text + "\n\nTrả lời phúc đáp: " + appeal;
        }
        return new Answer(text, at);
    }

    // ---- the public's reads ----

    /** A published item as the public sees it. */
    public record Item(String code, String title, String content, String answer, String fieldCode, String fieldNameVi,
            String fieldNameEn, String agencyCode, String agencyNameVi, String agencyNameEn, Instant receivedAt,
            Instant answeredAt, Instant publishedAt, Instant updatedAt) {
    }

    /** What the public asks for: words (with or without diacritics), a field, a body, a period of publication. */
    public record Query(String q, String field, String agency, LocalDate from, LocalDate to) {
    }

    public record Page(List<Item> items, long total, int limit, int offset, Instant lastModified) {
    }

    public Page search(Query query, int limit, int offset) {
        StringBuilder where = new StringBuilder("true");
        MapSqlParameterSource p = new MapSqlParameterSource();
        String folded = VietnameseText.fold(query.q());
        if (folded != null && !folded.isBlank()) {
            String[] words = folded.split(" ");
            for (int i = 0; i < words.length && i < 10; i++) {
                where.append(" and search_folded like :w").append(i).append(" escape '\\'");
                p.addValue("w" + i, "%" + words[i].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (query.field() != null) {
            where.append(" and field_code = :field");
            p.addValue("field", query.field());
        }
        if (query.agency() != null) {
            where.append(" and agency = :agency");
            p.addValue("agency", query.agency());
        }
        if (query.from() != null) {
            where.append(" and published_at >= :from");
            p.addValue("from", Timestamp.from(query.from().atStartOfDay(zone).toInstant()));
        }
        if (query.to() != null) {
            where.append(" and published_at < :to");
            p.addValue("to", Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        p.addValue("limit", limit).addValue("offset", offset);
        long total = jdbc.queryForObject("select count(*) from published_item where " + where, p, Long.class);
        List<Item> items = jdbc.query("select * from published_item where " + where
                + " order by published_at desc, case_code limit :limit offset :offset", p, (rs, i) -> item(rs));
        return new Page(items, total, limit, offset, lastModified());
    }

    public Optional<Item> find(String code) {
        return jdbc.query("select * from published_item where case_code = :code", Map.of("code", code),
                (rs, i) -> item(rs)).stream().findFirst();
    }

    /** When anything published last changed: the validator of every public list (ETag, Last-Modified). */
    public Instant lastModified() {
        Timestamp t = jdbc.queryForObject("select max(updated_at) from published_item", Map.of(), Timestamp.class);
        return t == null ? Instant.EPOCH : t.toInstant();
    }

    private Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
        String field = rs.getString("field_code");
        String agency = rs.getString("agency");
        Optional<FieldCatalogue.Field> f = field == null ? Optional.empty() : fields.find(field);
        Optional<AgencyDirectory.Agency> a = agency == null ? Optional.empty() : agencies.find(agency);
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Item(rs.getString("case_code"), rs.getString("title"), rs.getString("content"), rs.getString("answer"),
                field, f.map(FieldCatalogue.Field::nameVi).orElse(null), f.map(FieldCatalogue.Field::nameEn).orElse(null),
                agency, a.map(AgencyDirectory.Agency::nameVi).orElse(null), a.map(AgencyDirectory.Agency::nameEn).orElse(null),
                rs.getTimestamp("received_at").toInstant(), answered == null ? null : answered.toInstant(),
                rs.getTimestamp("published_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
