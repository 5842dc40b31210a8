package vn.paknhub.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.core.crypto.PersonalDataProtector;
import vn.paknhub.support.HubIntegrationTest;

/** What the case store guarantees by itself, below any API. */
@HubIntegrationTest
class CaseStoreTest {

    @Autowired
    CaseService cases;
    @Autowired
    PersonalDataProtector protector;
    @Autowired
    JdbcTemplate db;
    @Autowired
    AttachmentStore attachments;
    @Autowired
    TransactionTemplate tx;

    private CaseFile open(String email, List<IncomingAttachment> attachments) {
        SubmitterDetails who = new SubmitterDetails("Trần Văn Hùng", "Công ty TNHH Sáng Tạo Việt",
                "Số 5 đường Lê Lợi, phường Bến Thành, Thành phố Hồ Chí Minh", "0987654321", email, "079123456789");
        return cases.open(cases.newIdentity(), new NewCase(Channel.WEB, "Kiến nghị về ưu đãi thuế cho doanh nghiệp khởi nghiệp",
                "Đề nghị xem xét mở rộng ưu đãi thuế thu nhập doanh nghiệp cho các công ty khởi nghiệp sáng tạo.",
                "g", null, false, who, attachments, Instant.now()));
    }

    @Test
    void commits_are_durable_before_anything_is_acknowledged() {
        assertThat(db.queryForObject("show fsync", String.class)).isEqualTo("on");
        assertThat(db.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
    }

    /** Two nodes (two repositories on one database) drawing tracking-code numbers from their own blocks. */
    @Test
    void tracking_code_numbers_come_in_blocks_unique_across_nodes() {
        CaseRepository first = new CaseRepository(new NamedParameterJdbcTemplate(db), protector);
        CaseRepository second = new CaseRepository(new NamedParameterJdbcTemplate(db), protector);
        java.util.Set<Long> drawn = new java.util.HashSet<>();
        long sequenceBefore = db.queryForObject("select last_value from case_code_seq", Long.class);
        for (int i = 0; i < 60; i++) {
            assertThat(drawn.add(first.nextCodeNumber())).isTrue();
            assertThat(drawn.add(second.nextCodeNumber())).isTrue();
        }
        // 60 each from blocks of 50: two blocks per node, four draws from the sequence (a few more if the hub
        // itself opened cases meanwhile), where one draw per number would have moved it by 120 blocks
        assertThat(db.queryForObject("select last_value from case_code_seq", Long.class) - sequenceBefore)
                .isBetween(3 * 50L + 1, 10 * 50L);
        assertThat(drawn).hasSize(120).allMatch(n -> n > 0);
    }

    @Test
    void personal_data_is_encrypted_at_rest_and_found_by_keyed_hash() {
        CaseFile c = open("hung.tran@example.vn", List.of());

        var row = db.queryForMap("select * from case_file where id = ?", c.id());
        String everything = row.values().stream().map(v -> v instanceof byte[] b
                ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(v)).reduce("", String::concat);
        assertThat(everything).doesNotContain("Trần Văn Hùng", "hung.tran@example.vn", "0987654321",
                "079123456789", "Lê Lợi", "Sáng Tạo Việt");
        assertThat(db.queryForList("select code from case_file where submitter_email_hash = ?", String.class,
                protector.lookupHash("hung.tran@example.vn"))).containsExactly(c.code());
        assertThat(cases.readSubmitter(c, new Actor(ActorRole.CENTRAL_OFFICE, "VPTW"), "test").idNumber())
                .isEqualTo("079123456789");
    }

    @Test
    void another_master_key_cannot_read_the_data() {
        CaseFile c = open("other@example.vn", List.of());
        byte[] stored = db.queryForObject("select submitter_email_enc from case_file where id = ?", byte[].class, c.id());
        PersonalDataProtector stranger = new PersonalDataProtector(Base64.getEncoder().encodeToString(new byte[32]));

        assertThatThrownBy(() -> stranger.decrypt(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not be decrypted");
        assertThatThrownBy(() -> new PersonalDataProtector("")).hasMessageContaining("HUB_CRYPTO_MASTER_KEY");
        assertThatThrownBy(() -> new PersonalDataProtector("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }

    @Test
    void the_history_cannot_be_rewritten_or_erased() {
        CaseFile c = open("history@example.vn", List.of());

        assertThatThrownBy(() -> db.update("update case_event set reason = 'sửa lại' where case_id = ?", c.id()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.update("delete from case_event where case_id = ?", c.id()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.execute("truncate case_event cascade"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(db.queryForObject("select count(*) from case_event where case_id = ?", Integer.class, c.id()))
                .isEqualTo(1);
    }

    @Test
    void the_same_file_sent_with_two_cases_is_stored_once() {
        byte[] content = "%PDF-1.4\nbáo cáo minh chứng\n%%EOF".getBytes(StandardCharsets.UTF_8);
        IncomingAttachment pdf = new IncomingAttachment("minh-chung.pdf", "application/pdf", content);
        CaseFile first = open("a@example.vn", List.of(pdf));
        CaseFile second = open("b@example.vn", List.of(pdf));

        byte[] sha = vn.paknhub.core.crypto.Digests.sha256(content);
        assertThat(db.queryForObject("select count(*) from attachment_blob where sha256 = ?", Integer.class, sha))
                .isEqualTo(1);
        // encrypted at rest: no trace of the file's bytes in the row
        byte[] stored = db.queryForObject("select content_enc from attachment_blob where sha256 = ?", byte[].class, sha);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF", "%%EOF");
        assertThat(db.queryForObject("select content from attachment_blob where sha256 = ?", byte[].class, sha)).isNull();
        assertThat(attachments.content(cases.attachmentsOf(first).get(0).sha256())).hasValue(content);
        assertThat(cases.attachmentsOf(first)).hasSize(1);
        assertThat(cases.attachmentsOf(second).get(0).sha256()).isEqualTo(cases.attachmentsOf(first).get(0).sha256());
    }

    /**
     * Senders read submitters from many threads at once; the reads share transactions, yet each
     * returns its own case's submitter and leaves its own record, and a read of a case that is gone
     * fails alone.
     */
    @Test
    void reads_of_personal_data_made_together_are_each_recorded_and_answered() throws Exception {
        List<CaseFile> opened = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            opened.add(open("doc" + i + "@example.vn", List.of()));
        }
        CaseFile gone = new CaseFile(UUID.randomUUID(), "SKGP-00000000-999999", Channel.WEB, CaseState.SUBMITTED,
                null, 1, "t", "c", "g", null, null, false, false, null, null, Instant.now(), null, Instant.now(),
                ItemFacts.NONE);
        Actor reader = new Actor(ActorRole.SYSTEM, "delivery");
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> emails = opened.stream()
                    .map(c -> threads.submit(() -> cases.readSubmitter(c, reader, "dispatch " + c.code()).email())).toList();
            Future<String> missing = threads.submit(() -> cases.readSubmitter(gone, reader, "x").email());
            for (int i = 0; i < opened.size(); i++) {
                assertThat(emails.get(i).get()).isEqualTo("doc" + i + "@example.vn");
            }
            assertThatThrownBy(missing::get).hasCauseInstanceOf(DataAccessException.class);
        } finally {
            threads.shutdown();
        }
        for (CaseFile c : opened) {
            assertThat(db.queryForList("""
                    select details->>'detail' from case_event where case_id = ? and action = 'READ_PERSONAL_DATA'
                    and actor_id = 'delivery'""", String.class, c.id())).containsExactly("dispatch " + c.code());
        }
    }

    /** A read inside a caller's transaction sees what it has written, and its record stands or falls with it. */
    @Test
    void a_read_inside_a_transaction_is_recorded_in_that_transaction() {
        UUID[] opened = new UUID[1];
        tx.executeWithoutResult(status -> {
            CaseFile c = open("inside@example.vn", List.of());
            opened[0] = c.id();
            assertThat(cases.readSubmitter(c, new Actor(ActorRole.CENTRAL_OFFICE, "VPTW"), "test").email())
                    .isEqualTo("inside@example.vn");
            assertThat(db.queryForObject("select count(*) from case_event where case_id = ? and action = 'READ_PERSONAL_DATA'",
                    Integer.class, c.id())).isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(db.queryForObject("select count(*) from case_event where case_id = ?", Integer.class, opened[0]))
                .isZero();
    }

    /** Notifications read their batch's cases and the reasons they quote together; a reason comes only with its own case. */
    @Test
    void cases_and_the_reasons_of_their_events_are_read_together() {
        CaseFile a = open("reason-a@example.vn", List.of());
        CaseFile b = open("reason-b@example.vn", List.of());
        Actor delivery = new Actor(ActorRole.SYSTEM, "delivery");
        tx.executeWithoutResult(s -> cases.recordAll(List.of(
                new CaseService.Note(a.code(), "DELIVERY_PARKED", delivery, "Hệ thống của Bộ từ chối: thiếu mã", Map.of()),
                new CaseService.Note(b.code(), "DELIVERED", delivery, null, Map.of()))));
        UUID parked = db.queryForObject("select event_id from case_event where case_id = ? and action = 'DELIVERY_PARKED'",
                UUID.class, a.id());
        UUID delivered = db.queryForObject("select event_id from case_event where case_id = ? and action = 'DELIVERED'",
                UUID.class, b.id());

        assertThat(cases.findAll(List.of(a.code(), b.code(), "SKGP-00000000-999999")))
                .containsOnlyKeys(a.code(), b.code())
                .hasEntrySatisfying(b.code(), c -> assertThat(c.id()).isEqualTo(b.id()));
        assertThat(cases.reasonsOf(Map.of(parked, a.id(), delivered, b.id())))
                .containsExactly(Map.entry(parked, "Hệ thống của Bộ từ chối: thiếu mã"));
        assertThat(cases.reasonsOf(Map.of(parked, b.id()))).isEmpty();
    }
}
