package vn.paknhub.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.bus.CaseEventMessage;
import vn.paknhub.core.calendar.WorkingCalendar;
import vn.paknhub.devstack.EmbeddedMailServer;
import vn.paknhub.sandbox.Sandboxes;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/** The deadlines of a case follow its steps, on the working-day calendar, each with its legal basis. */
@HubIntegrationTest
class DeadlinesEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    WorkingCalendar calendar;

    private LocalDate dueAfter(String code, String action, int workingDays) {
        Timestamp at = db.queryForObject("select e.occurred_at from case_event e join case_file f on f.id = e.case_id"
                + " where f.code = ? and e.action = ? order by e.seq desc limit 1", Timestamp.class, code, action);
        return calendar.workingDaysAfter(calendar.dayZero(at.toInstant()), workingDays).day();
    }

    @Test
    void classification_then_processing_clocks_run_with_their_due_days_and_legal_basis() {
        HubApi api = new HubApi(port);
        String code = Flows.deliveredTo(api, db, "Bộ Khoa học và Công nghệ", "BKHCN",
                "Đề xuất cơ chế đặt hàng nhiệm vụ khoa học theo kết quả đầu ra.");
        // received, then forwarded to the ministry: a fresh classification clock for the body
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from case_clock where case_code = ?",
                Integer.class, code) == 2);
        assertThat(api.postJson("/api/v1/agency/cases/" + code + "/actions", Map.of("action", "ACCEPT"),
                HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from case_clock where case_code = ?",
                Integer.class, code) == 3);

        HubApi.Reply reply = api.get("/api/v1/agency/cases/" + code + "/deadlines", HubApi.bearer(Samples.BKHCN));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode clocks = reply.json();
        assertThat(clocks).hasSize(3);
        JsonNode received = clocks.get(0);
        JsonNode forwarded = clocks.get(1);
        JsonNode processing = clocks.get(2);
        assertThat(received.path("clock").asText()).isEqualTo("CLASSIFICATION");
        assertThat(received.path("running").asBoolean()).isFalse();
        assertThat(received.path("dueOn").asText()).isEqualTo(dueAfter(code, "SUBMIT", 5).toString());
        assertThat(received.path("warnOn").asText()).isEqualTo(dueAfter(code, "SUBMIT", 2).toString());
        assertThat(forwarded.path("clock").asText()).isEqualTo("CLASSIFICATION");
        assertThat(forwarded.path("dueOn").asText()).isEqualTo(dueAfter(code, "FORWARD", 5).toString());
        assertThat(forwarded.path("running").asBoolean()).isFalse();
        assertThat(processing.path("clock").asText()).isEqualTo("PROCESSING");
        assertThat(processing.path("running").asBoolean()).isTrue();
        assertThat(processing.path("workingDays").asInt()).isEqualTo(15);
        assertThat(processing.path("legalBasis").asText()).isEqualTo("Đ13.1");
        assertThat(processing.path("dueOn").asText()).isEqualTo(dueAfter(code, "ACCEPT", 15).toString());
        assertThat(calendar.isWorkingDay(LocalDate.parse(processing.path("dueOn").asText()))).isTrue();

        // another body does not see this case's deadlines
        assertThat(api.get("/api/v1/agency/cases/" + code + "/deadlines", HubApi.bearer(Samples.BYT)).status())
                .isIn(403, 404);
    }

    @Autowired
    CaseClocks clocks;

    @Test
    void an_event_naming_a_state_this_hub_does_not_know_leaves_the_clocks_alone_and_does_not_stop_the_bus() {
        String code = "SKGP-20261123-" + (100000 + (int) (Math.random() * 899999));
        clocks.apply(new CaseEventMessage(CaseEventMessage.SCHEMA, UUID.randomUUID(), code, 1, "SUBMIT", null,
                "SUBMITTED", "WEB", null, null, "SUBMITTER", null, OffsetDateTime.now()));
        clocks.apply(new CaseEventMessage(CaseEventMessage.SCHEMA, UUID.randomUUID(), code, 2, "FUTURE_STEP", "SUBMITTED",
                "SOME_FUTURE_STATE", "WEB", null, null, "SYSTEM", null, OffsetDateTime.now()));
        assertThat(clocks.of(code)).singleElement().satisfies(c -> {
            assertThat(c.clock()).isEqualTo("CLASSIFICATION");
            assertThat(c.running()).isTrue();
        });
    }

    @Autowired
    DeadlineScan scan;

    /** The test profile's files: field q has 30 working days of processing; Wednesday 10/3/2027 is a maintenance day. */
    @Test
    void a_field_with_a_longer_period_and_a_maintenance_day_move_the_processing_deadline() {
        String code = "TEST-" + UUID.randomUUID();
        OffsetDateTime monday = OffsetDateTime.parse("2027-03-01T09:00+07:00");
        clocks.apply(new CaseEventMessage(CaseEventMessage.SCHEMA, UUID.randomUUID(), code, 5, "ACCEPT", "FORWARDED",
                "ACCEPTED", "WEB", "q", "BKHCN", "AGENCY", "BKHCN", monday));
        assertThat(clocks.of(code)).singleElement().satisfies(c -> {
            assertThat(c.clock()).isEqualTo("PROCESSING");
            assertThat(c.workingDays()).isEqualTo(30);
            assertThat(c.legalBasis()).isEqualTo("Đ13.1; 30 ngày làm việc cho lĩnh vực q (test: a field with a longer"
                    + " processing period)");
            assertThat(c.dayZero()).isEqualTo(LocalDate.of(2027, 3, 1));
            // 30 working days end on Monday 12/4; the maintenance day does not count, so Tuesday 13/4
            assertThat(c.dueOn()).isEqualTo(LocalDate.of(2027, 4, 13));
            assertThat(c.warnOn()).isEqualTo(LocalDate.of(2027, 4, 8));
        });
    }

    private Map<String, Object> postResult(String resultDate) {
        return Map.of("action", "POST_RESULT", "reason", "Bộ đã ban hành văn bản hướng dẫn.", "resultDate", resultDate);
    }

    /** Đ13.3: the result is posted within 2 working days of the day it exists; the body says which day that was. */
    @Test
    void a_result_posted_more_than_two_working_days_after_it_was_decided_is_recorded_as_late() {
        HubApi api = new HubApi(port);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        String late = Flows.submit(api).path("code").asText();
        JsonNode receipt = Flows.submit(api);
        String onTime = receipt.path("code").asText();
        for (String code : List.of(late, onTime)) {
            Flows.must(api, "test-token-vptw", code, "FORWARD", null, "BKHCN");
            Flows.must(api, "test-token-bkhcn", code, "ACCEPT", null, null);
        }
        HubApi.Reply future = api.postJson("/api/v1/agency/cases/" + late + "/actions",
                postResult(today.plusDays(1).toString()), HubApi.bearer("test-token-bkhcn"));
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().path("errors").get(0).path("field").asText()).isEqualTo("resultDate");
        assertThat(api.postJson("/api/v1/agency/cases/" + late + "/actions", Map.of("action", "PROGRESS_UPDATE",
                "reason", "Đang lấy ý kiến.", "resultDate", today.toString()), HubApi.bearer("test-token-bkhcn")).status())
                .as("a result's date goes with POST_RESULT only").isEqualTo(422);

        // decided three weeks ago, posted today: late; decided today: in time
        assertThat(api.postJson("/api/v1/agency/cases/" + late + "/actions", postResult(today.minusDays(21).toString()),
                HubApi.bearer("test-token-bkhcn")).status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/agency/cases/" + onTime + "/actions", postResult(today.toString()),
                HubApi.bearer("test-token-bkhcn")).status()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from case_clock where clock = 'RESULT_POSTING'"
                + " and case_code in (?, ?)", Integer.class, late, onTime) == 2);
        assertThat(db.queryForObject("select overdue_at is not null from case_clock where clock = 'RESULT_POSTING'"
                + " and case_code = ?", Boolean.class, late)).isTrue();
        assertThat(db.queryForObject("select overdue_at is not null from case_clock where clock = 'RESULT_POSTING'"
                + " and case_code = ?", Boolean.class, onTime)).isFalse();
        assertThat(clocks.of(onTime)).filteredOn(c -> c.clock().equals("RESULT_POSTING")).singleElement().satisfies(c -> {
            assertThat(c.legalBasis()).isEqualTo("Đ13.3");
            assertThat(c.running()).isFalse();
            assertThat(c.dueOn()).isAfter(today.minusDays(1));
        });
        // the appeal window runs as before
        assertThat(clocks.of(onTime)).anySatisfy(c -> {
            assertThat(c.clock()).isEqualTo("APPEAL_WINDOW");
            assertThat(c.running()).isTrue();
        });

        // the sender sees the same deadlines with the lookup secret, and nobody else does
        await().atMost(PATIENCE).until(() -> clocks.of(onTime).stream().anyMatch(c -> c.clock().equals("APPEAL_WINDOW")));
        HubApi.Reply mine = api.get("/api/v1/submissions/" + onTime + "/deadlines", "X-Lookup-Secret",
                receipt.path("lookupSecret").asText());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().findValuesAsText("clock")).containsExactlyElementsOf(
                clocks.of(onTime).stream().map(CaseClocks.CaseClockView::clock).toList());
        assertThat(mine.json().findValuesAsText("legalBasis")).contains("Đ13.1", "Đ13.3", "Đ14.1");
        assertThat(api.get("/api/v1/submissions/" + onTime + "/deadlines", "X-Lookup-Secret", "sai").status())
                .isEqualTo(404);
    }

    @Test
    void a_window_announced_after_a_clock_started_moves_its_due_day_when_the_hub_counts_again() {
        String code = "TEST-" + UUID.randomUUID();
        // started before the window was in the file: 15 working days from Monday 1/3/2027 counted without it
        db.update("insert into case_clock (case_code, clock, started_by, started_at, day_zero, due_on, warn_on, legal_basis,"
                + " round, working_days) values (?, 'PROCESSING', ?, '2027-03-01T09:00+07:00', '2027-03-01', '2027-03-22',"
                + " '2027-03-17', 'Đ13.1', 1, 15)", code, UUID.randomUUID());
        assertThat(clocks.recount()).isGreaterThanOrEqualTo(1);
        assertThat(clocks.of(code)).singleElement().satisfies(c -> {
            assertThat(c.dueOn()).isEqualTo(LocalDate.of(2027, 3, 23));
            assertThat(c.warnOn()).isEqualTo(LocalDate.of(2027, 3, 18));
        });
        assertThat(clocks.recount()).as("counted again, nothing more moves").isZero();
    }

    private long events(String code, String action) {
        return db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id"
                + " where f.code = ? and e.action = ?", Long.class, code, action);
    }

    private String state(String code) {
        return db.queryForObject("select state from case_file where code = ?", String.class, code);
    }

    /** Moves a running clock's day into the past, as if the days had gone by. */
    private void daysGoBy(String code, String clock, String column) {
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from case_clock where case_code = ?"
                + " and clock = ? and stopped_at is null", Integer.class, code, clock) == 1);
        db.update("update case_clock set " + column + " = current_date - 3 where case_code = ? and clock = ?"
                + " and stopped_at is null", code, clock);
    }

    @Test
    void a_supplement_not_given_in_time_suspends_the_item_once_whatever_the_number_of_scans() {
        HubApi api = new HubApi(port);
        String code = Flows.deliveredTo(api, db, "Bộ Khoa học và Công nghệ", "BKHCN",
                "Đề xuất hỗ trợ đăng ký sáng chế cho sinh viên các trường đại học.");
        assertThat(api.postJson("/api/v1/agency/cases/" + code + "/actions", Map.of("action", "REQUEST_SUPPLEMENT",
                "reason", "Đề nghị bổ sung số liệu sáng chế của sinh viên."), HubApi.bearer(Samples.BKHCN)).status())
                .isEqualTo(200);
        daysGoBy(code, "SUPPLEMENT", "due_on");

        scan.scan();
        scan.scan();
        assertThat(state(code)).isEqualTo("SUSPENDED");
        assertThat(events(code, "DEADLINE_PASSED")).isOne();
        assertThat(events(code, "SUSPEND")).isOne();
        JsonNode suspended = null;
        for (JsonNode e : api.get("/api/v1/agency/cases/" + code + "/history", HubApi.bearer(Samples.VPTW)).json()) {
            suspended = e.path("action").asText().equals("SUSPEND") ? e : suspended;
        }
        assertThat(suspended).isNotNull();
        assertThat(suspended.path("reason").asText()).contains("10 ngày làm việc").contains("Đ11.2b");
        assertThat(suspended.path("actor").path("id").asText()).isEqualTo("sla");
        // the supplement was the submitter's to give: the ministry hears of the suspension, not of a deadline of its own
        await().atMost(PATIENCE).until(() -> statusesToldToSystem(code, "UPDATE").contains("SUSPENDED"));
        assertThat(statusesToldToSystem(code, "NOTICE")).isEmpty();
    }

    @Test
    void processing_past_its_limit_makes_the_case_overdue_and_a_late_first_response_gets_one_reminder() {
        HubApi api = new HubApi(port);
        String code = Flows.deliveredTo(api, db, "Bộ Khoa học và Công nghệ", "BKHCN",
                "Đề xuất cơ chế thử nghiệm thiết bị bay không người lái trong nông nghiệp.");
        daysGoBy(code, "CLASSIFICATION", "warn_on");
        scan.scan();
        scan.scan();
        assertThat(events(code, "DEADLINE_REMINDER")).isOne();
        assertThat(state(code)).isEqualTo("FORWARDED");
        // the ministry is reminded once, by mail and through its system
        await().atMost(PATIENCE).until(() -> statusesToldToSystem(code, "NOTICE").equals(List.of("DEADLINE_REMINDER")));
        await().atMost(PATIENCE).until(() -> mailTo("pakn@bkhcn.sandbox.paknskgp.local", code).size() == 1);
        assertThat(mailTo("pakn@bkhcn.sandbox.paknskgp.local", code).get(0)).contains("Nhắc hạn");

        assertThat(api.postJson("/api/v1/agency/cases/" + code + "/actions", Map.of("action", "ACCEPT"),
                HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(200);
        daysGoBy(code, "PROCESSING", "due_on");
        scan.scan();
        assertThat(state(code)).isEqualTo("OVERDUE");
        assertThat(events(code, "MARK_OVERDUE")).isOne();
        // progress updates are now due (Đ13.2); a later scan does not mark the case overdue again
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from case_clock where case_code = ?"
                + " and clock = 'OVERDUE_UPDATE' and stopped_at is null", Integer.class, code) == 1);
        scan.scan();
        assertThat(events(code, "MARK_OVERDUE")).isOne();
    }

    private List<String> mailTo(String address, String code) {
        return EmbeddedMailServer.received().stream().filter(m -> {
            try {
                return m.getSubject().contains(code) && java.util.Arrays.stream(m.getAllRecipients())
                        .anyMatch(r -> r.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<String> statusesToldToSystem(String code, String kind) {
        return db.queryForList("select routing ->> 'status' from delivery where case_code = ? and kind = ?"
                + " and status = 'DELIVERED' order by created_at", String.class, code, kind);
    }

    @Test
    void overdue_ladder_three_progress_update_periods_then_escalation_with_the_body_and_the_office_told() {
        HubApi api = new HubApi(port);
        String code = Flows.deliveredTo(api, db, "Bộ Khoa học và Công nghệ", "BKHCN",
                "Đề xuất xây dựng nền tảng dữ liệu mở về kết quả nghiên cứu khoa học.");
        assertThat(api.postJson("/api/v1/agency/cases/" + code + "/actions", Map.of("action", "ACCEPT"),
                HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(200);
        daysGoBy(code, "PROCESSING", "due_on");
        LocalDate processingDue = db.queryForObject("select due_on from case_clock where case_code = ?"
                + " and clock = 'PROCESSING'", LocalDate.class, code);
        scan.scan();
        assertThat(state(code)).isEqualTo("OVERDUE");

        // the first period runs 5 working days from the missed deadline, not from the day it was noticed
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from case_clock where case_code = ?"
                + " and clock = 'OVERDUE_UPDATE' and stopped_at is null", Integer.class, code) == 1);
        assertThat(db.queryForObject("select day_zero from case_clock where case_code = ? and clock = 'OVERDUE_UPDATE'",
                LocalDate.class, code)).isEqualTo(processingDue);
        assertThat(db.queryForObject("select due_on from case_clock where case_code = ? and clock = 'OVERDUE_UPDATE'",
                LocalDate.class, code)).isEqualTo(calendar.workingDaysAfter(processingDue, 5).day());

        for (int period = 1; period <= 3; period++) {
            assertThat(api.postJson("/api/v1/agency/cases/" + code + "/actions", Map.of("action", "PROGRESS_UPDATE",
                    "reason", "Đang lấy ý kiến chuyên gia, lần " + period), HubApi.bearer(Samples.BKHCN)).status())
                    .isEqualTo(200);
            assertThat(state(code)).isEqualTo("OVERDUE");
            int round = period;
            await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from case_clock where case_code = ?"
                    + " and clock = 'OVERDUE_UPDATE' and round = ? and stopped_at is null", Integer.class, code, round) == 1);
            db.update("update case_clock set due_on = current_date - 1 where case_code = ? and clock = 'OVERDUE_UPDATE'"
                    + " and round = ?", code, round);
            scan.scan();
            scan.scan();
        }
        assertThat(state(code)).isEqualTo("ESCALATED");
        assertThat(events(code, "ESCALATE")).isOne();
        assertThat(events(code, "PROGRESS_UPDATE")).isEqualTo(3);
        assertThat(events(code, "DEADLINE_PASSED")).isEqualTo(4);
        assertThat(db.queryForList("select round from case_clock where case_code = ? and clock = 'OVERDUE_UPDATE'"
                + " order by round", Integer.class, code)).containsExactly(1, 2, 3);
        // each later period counts from the previous one's due day
        List<Map<String, Object>> rounds = db.queryForList("select day_zero, due_on from case_clock where case_code = ?"
                + " and clock = 'OVERDUE_UPDATE' order by round", code);
        assertThat(rounds.get(1).get("day_zero").toString()).isEqualTo(LocalDate.now().minusDays(1).toString());
        // an escalated case runs no clock: it is the Steering Committee's to follow
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from case_clock where case_code = ?"
                + " and stopped_at is null", Integer.class, code) == 0);

        // the ministry heard of each passed deadline by mail and through its system, and of the steps the hub took
        await().atMost(PATIENCE).until(() -> mailTo("pakn@bkhcn.sandbox.paknskgp.local", code).size() == 4);
        assertThat(mailTo("pakn@bkhcn.sandbox.paknskgp.local", code)).allMatch(s -> s.contains("quá hạn"));
        await().atMost(PATIENCE).until(() -> statusesToldToSystem(code, "NOTICE").size() == 4);
        assertThat(statusesToldToSystem(code, "NOTICE")).containsOnly("DEADLINE_PASSED");
        await().atMost(PATIENCE).until(() -> statusesToldToSystem(code, "UPDATE").containsAll(List.of("OVERDUE",
                "ESCALATED")));
        // the Central Party Office is asked to report to the Steering Committee, once
        await().atMost(PATIENCE).until(() -> mailTo("vanthu@vptw.sandbox.paknskgp.local", code).size() == 1);
        assertThat(mailTo("vanthu@vptw.sandbox.paknskgp.local", code).get(0)).contains("Ban Chỉ đạo");
        String lastNotice = sandboxes.partner(Sandboxes.JSON_MINISTRY).receivedFor(code).stream()
                .filter(r -> r.body().contains("DEADLINE_PASSED")).reduce((a, b) -> b).orElseThrow().body();
        assertThat(lastNotice).contains("Cập nhật tiến độ khi quá hạn lần 3/3").contains("Đ13.2");
    }

    @Autowired
    Sandboxes sandboxes;

    @Test
    void two_scanners_at_the_same_moment_take_each_overdue_step_once() throws Exception {
        HubApi api = new HubApi(port);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String code = Flows.deliveredTo(api, db, "Bộ Khoa học và Công nghệ", "BKHCN",
                    "Đề xuất số " + i + " về phòng thí nghiệm trọng điểm dùng chung cho doanh nghiệp.");
            assertThat(api.postJson("/api/v1/agency/cases/" + code + "/actions", Map.of("action", "ACCEPT"),
                    HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(200);
            daysGoBy(code, "PROCESSING", "due_on");
            codes.add(code);
        }
        // two nodes' scans, started together on two connections
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            var first = nodes.submit(() -> {
                start.await();
                return scan.scan();
            });
            var second = nodes.submit(() -> {
                start.await();
                return scan.scan();
            });
            start.countDown();
            first.get();
            second.get();
        } finally {
            nodes.shutdown();
        }
        for (String code : codes) {
            assertThat(events(code, "DEADLINE_PASSED")).as(code).isOne();
            assertThat(events(code, "MARK_OVERDUE")).as(code).isOne();
            assertThat(state(code)).isEqualTo("OVERDUE");
        }
    }
}
