package vn.paknhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;

/**
 * A poll of a status topic is applied as one batch: the cases are read and locked once, changed in
 * memory and written together. Each update must still see its case as the updates before it in the
 * same poll left it, and one refused update must change nothing of the others.
 */
@HubIntegrationTest
class StatusBatchTest {

    private static final String SYSTEM = "lamdong-kafka";

    @LocalServerPort
    int port;
    @Autowired
    StatusUpdates updates;
    @Autowired
    JdbcTemplate db;

    private final ObjectMapper json = new ObjectMapper();

    private StatusUpdates.Received update(String code, long sequence, String status, String reason, UUID messageId) {
        ObjectNode m = json.createObjectNode().put("schema", "pakn-hub/status-update/v1")
                .put("messageId", messageId.toString()).put("caseCode", code).put("system", SYSTEM).put("agency", "68")
                .put("sequence", sequence).put("status", status).put("occurredAt", "2026-12-03T10:00:00+07:00");
        if (reason != null) {
            m.put("reason", reason);
        }
        return new StatusUpdates.Received("{\"as\": \"sent\"}", m.toString());
    }

    private StatusUpdates.Received update(String code, long sequence, String status, String reason) {
        return update(code, sequence, status, reason, UUID.randomUUID());
    }

    private int version(String code) {
        return db.queryForObject("select version from case_file where code = ?", Integer.class, code);
    }

    private List<String> statusActions(String code) {
        return db.queryForList("select e.action from case_event e join case_file f on f.id = e.case_id where f.code = ?"
                + " and e.details ->> 'messageId' is not null order by e.seq", String.class, code);
    }

    private JsonNode lastDetails(String code) throws Exception {
        return json.readTree(db.queryForObject("select e.details::text from case_event e join case_file f on f.id = e.case_id"
                + " where f.code = ? and e.details ->> 'messageId' is not null order by e.seq desc limit 1", String.class, code));
    }

    @Test
    void each_update_of_a_poll_sees_its_case_as_the_earlier_ones_left_it_and_a_refused_one_changes_nothing() throws Exception {
        HubApi api = new HubApi(port);
        String first = Flows.deliveredTo(api, db, "UBND tỉnh Lâm Đồng", "68", "Đề xuất sàn giao dịch công nghệ của tỉnh.");
        String second = Flows.deliveredTo(api, db, "UBND tỉnh Lâm Đồng", "68", "Đề xuất quỹ đổi mới sáng tạo cấp tỉnh.");
        int firstVersion = version(first);
        int secondVersion = version(second);
        UUID accepted = UUID.randomUUID();

        List<StatusOutcome> outcomes = updates.applyAll(SYSTEM, StatusUpdates.Via.KAFKA, List.of(
                update(first, 1, "ACCEPTED", null, accepted),
                update(second, 1, "ACCEPTED", null),
                update(first, 2, "IN_PROGRESS", null),
                update(second, 2, "APPEAL_ANSWERED", "Trả lời khiếu nại."),
                update(first, 4, "PROGRESS_UPDATE", "Đang lấy ý kiến chuyên gia."),
                update(second, 3, "IN_PROGRESS", null),
                update(first, 1, "ACCEPTED", null),
                update(first, 1, "ACCEPTED", null, accepted),
                update("SKGP-20261203-999999", 1, "ACCEPTED", null)));

        assertThat(outcomes).extracting(StatusOutcome::kind).containsExactly(StatusOutcome.Kind.APPLIED,
                StatusOutcome.Kind.APPLIED, StatusOutcome.Kind.APPLIED, StatusOutcome.Kind.REFUSED,
                StatusOutcome.Kind.APPLIED, StatusOutcome.Kind.APPLIED, StatusOutcome.Kind.STALE,
                StatusOutcome.Kind.DUPLICATE, StatusOutcome.Kind.REFUSED);
        assertThat(outcomes.get(3).code()).isEqualTo("illegal-transition");
        assertThat(outcomes.get(8).code()).isEqualTo("NOT_HANDLED_HERE");

        assertThat(db.queryForObject("select state from case_file where code = ?", String.class, first))
                .isEqualTo("IN_PROGRESS");
        assertThat(version(first)).isEqualTo(firstVersion + 3);
        assertThat(statusActions(first)).containsExactly("ACCEPT", "START_PROCESSING", "PROGRESS_UPDATE");
        assertThat(lastDetails(first).path("missingSequences").asText()).isEqualTo("3");

        assertThat(db.queryForObject("select state from case_file where code = ?", String.class, second))
                .isEqualTo("IN_PROGRESS");
        assertThat(version(second)).isEqualTo(secondVersion + 2);
        assertThat(statusActions(second)).containsExactly("ACCEPT", "START_PROCESSING");
        assertThat(lastDetails(second).has("missingSequences")).as("the refused update used its number").isFalse();

        assertThat(db.queryForList("select case_code || '=' || last_sequence from status_sequence where system = ?"
                + " and case_code in (?, ?) order by case_code = ? desc", String.class, SYSTEM, first, second, first))
                .containsExactly(first + "=4", second + "=3");
        assertThat(db.queryForList("select o.outcome from status_update o where o.case_code in (?, ?) order by o.received_at,"
                + " o.case_code = ? desc, o.sequence", String.class, first, second, first)).hasSize(7)
                .containsOnly("APPLIED", "REFUSED", "STALE");
        assertThat(db.queryForObject("select count(*) from status_sequence where case_code = ?", Integer.class,
                "SKGP-20261203-999999")).as("no sequence kept for a case that does not exist").isZero();
    }
}
