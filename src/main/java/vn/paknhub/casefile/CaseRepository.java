package vn.paknhub.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.paknhub.core.crypto.PersonalDataProtector;
import vn.paknhub.core.text.VietnameseText;

/** The case table. Personal data goes in and out only through {@link PersonalDataProtector}. */
@Repository
public class CaseRepository {

    private static final String COLUMNS = "id, code, channel, state, resume_state, version, title, content, field_code,"
            + " addressee, assigned_agency, consent_to_publish, appeal_used, rating_score, rating_agree, received_at,"
            + " result_posted_at, updated_at, kind, kind_source, submitter_type, submitter_type_source";

    private static final RowMapper<CaseFile> CASE = CaseRepository::mapCase;

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataProtector protector;
    /** This node's block of tracking-code numbers: the next one, and the end (exclusive). */
    private final long[] codeBlock = new long[2];

    public CaseRepository(NamedParameterJdbcTemplate jdbc, PersonalDataProtector protector) {
        this.jdbc = jdbc;
        this.protector = protector;
    }

    /** The number of the next tracking code, from this node's block (db/migration/V18__case_code_blocks.sql). */
    long nextCodeNumber() {
        synchronized (codeBlock) {
            if (codeBlock[0] == codeBlock[1]) {
                jdbc.getJdbcTemplate().query("""
                        select nextval('case_code_seq'),
                               (select seqincrement from pg_sequence where seqrelid = 'case_code_seq'::regclass)""",
                        (RowCallbackHandler) rs -> {
                            codeBlock[0] = rs.getLong(1);
                            codeBlock[1] = rs.getLong(1) + rs.getLong(2);
                        });
            }
            return codeBlock[0]++;
        }
    }

    /** A new case row: the case, the keyed hash of its lookup secret, its submitter (encrypted on insert). */
    record NewRow(CaseFile file, byte[] lookupSecretHash, SubmitterDetails submitter) {
    }

    /** Inserts the new cases in one round trip. */
    void insert(List<NewRow> rows) {
        jdbc.batchUpdate("""
                insert into case_file (id, code, lookup_secret_hash, channel, state, version, title, content, field_code,
                    addressee, assigned_agency, consent_to_publish, submitter_name_enc, submitter_org_enc,
                    submitter_address_enc, submitter_phone_enc, submitter_email_enc, submitter_id_number_enc,
                    submitter_phone_hash, submitter_email_hash, content_fingerprint, received_at, updated_at, kind,
                    kind_source, submitter_type, submitter_type_source)
                values (:id, :code, :secret, :channel, :state, :version, :title, :content, :field, :addressee, :agency,
                    :consent, :name, :org, :address, :phone, :email, :idno, :phoneHash, :emailHash, :fingerprint,
                    :received, :updated, :kind, :kindSource, :submitterType, :submitterTypeSource)""", rows.stream().map(this::parameters).toArray(MapSqlParameterSource[]::new));
    }

    private MapSqlParameterSource parameters(NewRow row) {
        CaseFile c = row.file();
        SubmitterDetails s = row.submitter();
        return new MapSqlParameterSource()
                .addValue("id", c.id()).addValue("code", c.code()).addValue("secret", row.lookupSecretHash())
                .addValue("channel", c.channel().name()).addValue("state", c.state().name())
                .addValue("version", c.version()).addValue("title", c.title()).addValue("content", c.content())
                .addValue("field", c.fieldCode()).addValue("addressee", c.addressee())
                .addValue("agency", c.assignedAgency()).addValue("consent", c.consentToPublish())
                .addValue("name", protector.encrypt(s.fullName())).addValue("org", protector.encrypt(s.organisation()))
                .addValue("address", protector.encrypt(s.address())).addValue("phone", protector.encrypt(s.phone()))
                .addValue("email", protector.encrypt(s.email())).addValue("idno", protector.encrypt(s.idNumber()))
                .addValue("phoneHash", protector.lookupHash(s.phone()))
                .addValue("emailHash", protector.lookupHash(s.email()))
                .addValue("fingerprint", protector.lookupHash(VietnameseText.fold(c.title() + "\n" + c.content())))
                .addValue("received", Timestamp.from(c.receivedAt())).addValue("updated", Timestamp.from(c.updatedAt()))
                .addValue("kind", name(c.facts().kind())).addValue("kindSource", name(c.facts().kindSource()))
                .addValue("submitterType", name(c.facts().submitterType()))
                .addValue("submitterTypeSource", name(c.facts().submitterTypeSource()));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    public Optional<CaseFile> find(String code) {
        return jdbc.query("select " + COLUMNS + " from case_file where code = :code",
                new MapSqlParameterSource("code", code), CASE).stream().findFirst();
    }

    /** The cases of these codes that exist, in one round trip, unlocked. */
    List<CaseFile> findAll(Collection<String> codes) {
        return jdbc.query("select " + COLUMNS + " from case_file where code = any(:codes)",
                new MapSqlParameterSource("codes", codes.toArray(String[]::new)), CASE);
    }

    /**
     * Locks the case rows for the rest of the transaction, in the order of their codes (so that two
     * transactions locking overlapping sets cannot deadlock): state changes of one case are serialised.
     * A no-key lock, as the update that follows takes: rows that refer to the case (history events,
     * deliveries) can still be inserted by others meanwhile.
     */
    List<CaseFile> lock(Collection<String> codes) {
        return jdbc.query("select " + COLUMNS + " from case_file where code = any(:codes) order by code for no key update",
                new MapSqlParameterSource("codes", codes.toArray(String[]::new)), CASE);
    }

    /** Writes each case as it is now, in one round trip, if its row still has the version it was locked with. */
    void update(Map<CaseFile, Integer> casesAndLockedVersions) {
        List<CaseFile> changed = List.copyOf(casesAndLockedVersions.keySet());
        MapSqlParameterSource[] rows = changed.stream().map(c -> new MapSqlParameterSource()
                .addValue("id", c.id()).addValue("state", c.state().name())
                .addValue("resume", c.resumeState() == null ? null : c.resumeState().name())
                .addValue("version", c.version()).addValue("agency", c.assignedAgency()).addValue("field", c.fieldCode())
                .addValue("appealUsed", c.appealUsed()).addValue("score", c.ratingScore())
                .addValue("agree", c.ratingAgree())
                .addValue("resultPosted", c.resultPostedAt() == null ? null : Timestamp.from(c.resultPostedAt()))
                .addValue("updated", Timestamp.from(c.updatedAt()))
                .addValue("locked", casesAndLockedVersions.get(c))).toArray(MapSqlParameterSource[]::new);
        int[] updated = jdbc.batchUpdate("""
                update case_file set state = :state, resume_state = :resume, version = :version,
                    assigned_agency = :agency, field_code = :field, appeal_used = :appealUsed, rating_score = :score,
                    rating_agree = :agree, result_posted_at = :resultPosted, updated_at = :updated
                where id = :id and version = :locked""", rows);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] != 1) {
                throw new IllegalStateException("case " + changed.get(i).code() + " changed concurrently");
            }
        }
    }

    public Optional<byte[]> lookupSecretHash(String code) {
        return jdbc.query("select lookup_secret_hash from case_file where code = :code",
                new MapSqlParameterSource("code", code), (rs, i) -> rs.getBytes(1)).stream().findFirst();
    }

    /** Whether the case was submitted from this email address (compared by keyed hash, nothing decrypted). */
    public boolean submittedFrom(String code, String email) {
        return !jdbc.queryForList("select 1 from case_file where code = :code and submitter_email_hash = :hash",
                new MapSqlParameterSource("code", code).addValue("hash", protector.lookupHash(email)), Integer.class)
                .isEmpty();
    }

    /**
     * The earliest case sent from {@code email} with the same folded title and text as these (an exact resend,
     * Đ8.4), on any channel; the title and text as a new case would store them.
     */
    public Optional<String> earlierFromSender(String email, String title, String content) {
        return jdbc.queryForList("""
                select code from case_file where content_fingerprint = :fingerprint and submitter_email_hash = :email
                order by received_at limit 1""", new MapSqlParameterSource("fingerprint",
                protector.lookupHash(VietnameseText.fold(title + "\n" + content))).addValue("email", protector.lookupHash(email)),
                String.class).stream().findFirst();
    }

    /** A case's code and text, for comparing a new item with a person's earlier ones. */
    public record Earlier(String code, String content) {
    }

    /** The cases sent from {@code email} under exactly this title, oldest first (at most 20). */
    public List<Earlier> fromSenderWithTitle(String email, String title) {
        return jdbc.query("""
                select code, content from case_file where submitter_email_hash = :email and title = :title
                order by received_at limit 20""", new MapSqlParameterSource("email", protector.lookupHash(email))
                .addValue("title", title), (rs, i) -> new Earlier(rs.getString(1), rs.getString(2)));
    }

    /** The earliest other case with the same folded title and text (Đ8.4 duplicate screening). */
    public Optional<String> earlierWithSameContent(String code) {
        return jdbc.queryForList("""
                select o.code from case_file c join case_file o on o.content_fingerprint = c.content_fingerprint
                where c.code = :code and o.code <> c.code and o.received_at <= c.received_at
                order by o.received_at limit 1""", new MapSqlParameterSource("code", code), String.class)
                .stream().findFirst();
    }

    /** The submitters of the cases, decrypted, by case id, in one round trip. */
    Map<UUID, SubmitterDetails> submittersOf(Collection<UUID> caseIds) {
        Map<UUID, SubmitterDetails> found = new HashMap<>();
        jdbc.query("""
                select id, submitter_name_enc, submitter_org_enc, submitter_address_enc, submitter_phone_enc,
                    submitter_email_enc, submitter_id_number_enc from case_file where id = any(cast(:ids as uuid[]))""",
                new MapSqlParameterSource("ids", caseIds.stream().map(UUID::toString).toArray(String[]::new)),
                (RowCallbackHandler) rs -> found.put(rs.getObject(1, UUID.class), new SubmitterDetails(
                        protector.decrypt(rs.getBytes(2)), protector.decrypt(rs.getBytes(3)),
                        protector.decrypt(rs.getBytes(4)), protector.decrypt(rs.getBytes(5)),
                        protector.decrypt(rs.getBytes(6)), protector.decrypt(rs.getBytes(7)))));
        return found;
    }

    /** Cases assigned to an agency; the central office also sees those with no recipient yet (Đ10.4). */
    public List<CaseFile> listForAgency(String agency, boolean centralOffice, CaseState state, int limit, int offset) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("agency", agency)
                .addValue("central", centralOffice).addValue("state", state == null ? null : state.name())
                .addValue("limit", limit).addValue("offset", offset);
        return jdbc.query("select " + COLUMNS + """
                 from case_file
                where (assigned_agency = :agency or (:central and assigned_agency is null))
                  and (cast(:state as text) is null or state = :state)
                order by received_at, code limit :limit offset :offset""", p, CASE);
    }

    /** Vietnamese letters with their marks, and the same letters without (a search finds "thu tuc" in "thủ tục"). */
    private static final String MARKED = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";
    private static final String PLAIN = "aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy";

    /** Which deadlines an inbox shows: a running clock past its due day, or one whose reminder day has come. */
    public enum DeadlineFilter { OVERDUE, DUE_SOON }

    /**
     * What an officer asks of the inbox; any part may be null (no filter).
     *
     * @param words found in the code, title or content, with or without their diacritics
     */
    public record InboxFilter(CaseState state, String field, Channel channel, DeadlineFilter deadline, String words) {
    }

    /** A case in the inbox with the nearest due day of its running clocks (null: none runs). */
    public record InboxLine(CaseFile caseFile, java.time.LocalDate nextDue) {
    }

    /**
     * An officer's inbox, newest first: for the Central Party Office every case (it receives, forwards and
     * supervises them all, Đ21); for a body the cases it leads and those it coordinates ({@code coordinated}).
     * The deadline filter and the due day read the running clocks (sla's case_clock): the inbox is a read
     * model over both, as the officer sees them together.
     */
    public List<InboxLine> inbox(String agency, boolean centralOffice, Collection<String> coordinated, InboxFilter f,
            java.time.LocalDate today, int limit) {
        String folded = f.words() == null || f.words().isBlank() ? null : "%" + fold(f.words().strip()) + "%";
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("agency", agency)
                .addValue("central", centralOffice)
                // an empty IN list is not SQL: a code no case has stands for none
                .addValue("coordinated", coordinated.isEmpty() ? List.of("") : coordinated)
                .addValue("state", f.state() == null ? null : f.state().name())
                .addValue("field", f.field() == null || f.field().isBlank() ? null : f.field())
                .addValue("channel", f.channel() == null ? null : f.channel().name())
                .addValue("deadline", f.deadline() == null ? null : f.deadline().name())
                .addValue("today", java.sql.Date.valueOf(today))
                .addValue("words", folded).addValue("limit", limit)
                // capitals too: the database's lower() may know only ASCII (a C locale)
                .addValue("marked", MARKED + MARKED.toUpperCase(java.util.Locale.ROOT)).addValue("plain", PLAIN + PLAIN);
        return jdbc.query("select " + COLUMNS + """
                , (select min(k.due_on) from case_clock k where k.case_code = c.code and k.stopped_at is null) as next_due
                 from case_file c
                where (:central or assigned_agency = :agency or code in (:coordinated))
                  and (cast(:state as text) is null or state = :state)
                  and (cast(:field as text) is null or field_code = :field)
                  and (cast(:channel as text) is null or channel = :channel)
                  and (cast(:deadline as text) is null
                       or (:deadline = 'OVERDUE' and exists (select 1 from case_clock k where k.case_code = c.code
                             and k.stopped_at is null and k.due_on < :today))
                       or (:deadline = 'DUE_SOON' and exists (select 1 from case_clock k where k.case_code = c.code
                             and k.stopped_at is null and k.warn_on <= :today and k.due_on >= :today)))
                  and (cast(:words as text) is null or translate(lower(code || ' ' || title || ' ' || content), :marked, :plain)
                       like :words)
                order by received_at desc, code desc limit :limit""", p, (rs, i) -> {
                    java.sql.Date due = rs.getDate("next_due");
                    return new InboxLine(mapCase(rs, i), due == null ? null : due.toLocalDate());
                });
    }

    /** The words as the search compares them (the hub's one folding), with LIKE's wildcards taken literally. */
    static String fold(String s) {
        return vn.paknhub.core.text.VietnameseText.fold(s).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static CaseFile mapCase(ResultSet rs, int row) throws SQLException {
        String resume = rs.getString("resume_state");
        int score = rs.getInt("rating_score");
        Integer ratingScore = rs.wasNull() ? null : score;
        boolean agree = rs.getBoolean("rating_agree");
        Boolean ratingAgree = rs.wasNull() ? null : agree;
        return new CaseFile(
                rs.getObject("id", UUID.class), rs.getString("code"), Channel.valueOf(rs.getString("channel")),
                CaseState.valueOf(rs.getString("state")), resume == null ? null : CaseState.valueOf(resume),
                rs.getInt("version"), rs.getString("title"), rs.getString("content"), rs.getString("field_code"),
                rs.getString("addressee"), rs.getString("assigned_agency"), rs.getBoolean("consent_to_publish"),
                rs.getBoolean("appeal_used"), ratingScore, ratingAgree, instant(rs, "received_at"),
                instant(rs, "result_posted_at"), instant(rs, "updated_at"), new ItemFacts(
                        value(ItemKind.class, rs.getString("kind")), value(FactSource.class, rs.getString("kind_source")),
                        value(SubmitterType.class, rs.getString("submitter_type")),
                        value(FactSource.class, rs.getString("submitter_type_source"))));
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
