package vn.paknhub.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Earlier items close to a case (Đ5.5: similar-item suggestions for the body; Đ8.4 and Đ11.2e: the same person
 * sending the same or nearly the same again), by PostgreSQL's trigram similarity: candidates are the items whose
 * titles are close (pg_trgm's threshold, 0.3 by default), found through a GIN index (db/migration V34); they are
 * ranked by the similarity of title and content, up when the earlier item went to the same body or is in the
 * same field, and marked when it came from the same person (by the keyed hashes of email and phone: no
 * personal data is decrypted to compare).
 */
@Repository
public class SimilarItems {

    /** From this similarity on, the same person's earlier item is the same submission again (Đ8.4). */
    public static final double REPEAT = 0.75;
    /** How many of the closest titles have their whole texts compared. */
    private static final int CANDIDATES = 200;

    /**
     * An earlier item like the case.
     *
     * @param similarity  trigram similarity of the words, 0..1
     * @param samePerson  sent by the same email address or phone number
     * @param answered    it has a result or is closed: a repeat of it goes to the Central Party Office (Đ11.2e)
     */
    public record Similar(String code, String title, String agency, String field, CaseState state, double similarity,
            boolean sameBody, boolean sameField, boolean samePerson, boolean answered) {
    }

    /**
     * How close two titles must be for the earlier item to be a candidate (pg_trgm's similarity threshold for
     * its % operator, set for the one statement): the index itself then leaves out what is further, which keeps
     * the search short at a million cases.
     */
    private static final double TITLE_THRESHOLD = 0.5;

    private final NamedParameterJdbcTemplate jdbc;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    SimilarItems(NamedParameterJdbcTemplate jdbc, org.springframework.transaction.support.TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The earlier items closest to case {@code code}, the most alike first (same body and field weigh in). */
    public List<Similar> of(String code, int limit) {
        return tx.execute(status -> {
            jdbc.getJdbcTemplate().execute("set local pg_trgm.similarity_threshold = " + TITLE_THRESHOLD);
            return closest(code, limit);
        });
    }

    private List<Similar> closest(String code, int limit) {
        return jdbc.query("""
                with c as (select id, title, title || ' ' || content as words, assigned_agency, field_code, received_at,
                                  submitter_email_hash, submitter_phone_hash
                             from case_file where code = :code),
                     -- the closest titles first (cheap to compare), then the whole texts of those only
                     o as (select f.* from c join case_file f on f.id <> c.id and f.received_at <= c.received_at
                                                              and f.title % c.title
                            order by similarity(f.title, c.title) desc limit :candidates)
                select o.code, o.title, o.assigned_agency, o.field_code, o.state,
                       similarity(o.title || ' ' || o.content, c.words) as score,
                       coalesce(o.assigned_agency = c.assigned_agency, false) as same_body,
                       coalesce(o.field_code = c.field_code, false) as same_field,
                       coalesce(o.submitter_email_hash = c.submitter_email_hash, false)
                           or coalesce(o.submitter_phone_hash = c.submitter_phone_hash, false) as same_person,
                       o.result_posted_at is not null as answered
                  from c, o
                 order by similarity(o.title || ' ' || o.content, c.words)
                          + case when coalesce(o.assigned_agency = c.assigned_agency, false) then 0.1 else 0 end
                          + case when coalesce(o.field_code = c.field_code, false) then 0.05 else 0 end desc, o.code
                 limit :limit""", new MapSqlParameterSource("code", code).addValue("limit", limit)
                        .addValue("candidates", CANDIDATES), (rs, i) -> {
                    CaseState state = CaseState.valueOf(rs.getString(5));
                    return new Similar(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), state,
                            Math.round(rs.getDouble(6) * 1000) / 1000.0, rs.getBoolean(7), rs.getBoolean(8),
                            rs.getBoolean(9), rs.getBoolean(10) || state.terminal());
                });
    }

    /** {@link #of} as {@code agency} may see it: a body, the items of its own; the Central Party Office, all. */
    public List<Similar> visibleTo(String code, String agency, boolean centralOffice, int limit) {
        return of(code, limit * 3).stream().filter(s -> centralOffice || agency.equals(s.agency())).limit(limit).toList();
    }

    /**
     * The same person's earlier item this case repeats (Đ8.4), the closest; empty when there is none. Only the
     * person's own earlier items are compared (found by the hashes' indexes), so routing every new item pays
     * for a handful of comparisons, not a search of the whole store.
     */
    public Optional<Similar> repeatOf(String code) {
        return jdbc.query("""
                with c as (select id, title || ' ' || content as words, received_at, submitter_email_hash,
                                  submitter_phone_hash from case_file where code = :code)
                select o.code, o.title, o.assigned_agency, o.field_code, o.state,
                       similarity(o.title || ' ' || o.content, c.words) as score, o.result_posted_at is not null
                  from c join case_file o on o.id <> c.id and o.received_at <= c.received_at
                       and (o.submitter_email_hash = c.submitter_email_hash or o.submitter_phone_hash = c.submitter_phone_hash)
                 where similarity(o.title || ' ' || o.content, c.words) >= :repeat
                 order by score desc, o.received_at desc limit 1""",
                new MapSqlParameterSource("code", code).addValue("repeat", REPEAT), (rs, i) -> {
                    CaseState state = CaseState.valueOf(rs.getString(5));
                    return new Similar(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), state,
                            Math.round(rs.getDouble(6) * 1000) / 1000.0, false, false, true,
                            rs.getBoolean(7) || state.terminal());
                }).stream().findFirst();
    }
}
