package vn.paknhub.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.core.calendar.WorkingCalendar;
import vn.paknhub.sla.CaseClocks;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/** Đ16: a window announced through the API is published, mailed to the bodies, and moves running deadlines at once. */
@HubIntegrationTest
class MaintenanceEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    WorkingCalendar calendar;
    @Autowired
    CaseClocks clocks;
    @Autowired
    vn.paknhub.agency.AgencyDirectory mailboxes;

    /** The windows announced here would move other tests' deadlines: they go, and the clocks are counted again. */
    @AfterEach
    void withdraw() {
        db.update("delete from maintenance_notice where source = 'API'");
    }

    private static String at(LocalDate day, LocalTime time, WorkingCalendar calendar) {
        return day.atTime(time).atZone(calendar.zone()).toOffsetDateTime().toString();
    }

    @Test
    void a_window_announced_through_the_api_moves_a_running_deadline() {
        HubApi api = new HubApi(port);
        String code = Flows.submit(api).path("code").asText();
        await().atMost(PATIENCE).until(() -> clocks.of(code).stream().anyMatch(c -> c.clock().equals("CLASSIFICATION")));
        CaseClocks.CaseClockView before = clocks.of(code).get(0);
        Instant received = before.startedAt().toInstant();
        LocalDate dayZero = calendar.dayZero(received);
        assertThat(before.dueOn()).isEqualTo(calendar.workingDaysAfter(dayZero, 5).day());

        // the fourth working day, all its office hours: more than 3 working days of notice, so a planned window
        LocalDate fourth = calendar.workingDaysAfter(dayZero, 4).day();
        HubApi.Reply announced = api.postJson("/api/v1/maintenance", Map.of("startsAt", at(fourth, LocalTime.of(7, 0),
                calendar), "endsAt", at(fourth, LocalTime.of(18, 0), calendar), "titleVi", "Nâng cấp cơ sở dữ liệu",
                "messageVi", "Hệ thống tạm dừng để nâng cấp cơ sở dữ liệu."), HubApi.bearer(Samples.VPTW));
        assertThat(announced.status()).as(announced.body()).isEqualTo(201);
        assertThat(announced.json().path("notice").asText()).isEqualTo("PLANNED");

        // no restart: the running clock's due day moved by the lost day, at once
        assertThat(clocks.of(code).get(0).dueOn()).isEqualTo(calendar.workingDaysAfter(dayZero, 6).day());

        // published, and each body with a mailbox is told once
        JsonNode published = api.get("/api/public/v1/maintenance").json();
        assertThat(published.findValuesAsText("id")).contains(announced.json().path("id").asText());
        int bodies = db.queryForObject("select count(*) from notification where template = 'maintenance-notice'"
                + " and created_at >= ?", Integer.class, java.sql.Timestamp.from(received));
        assertThat(bodies).isEqualTo(mailboxes.withMailbox().size()).isGreaterThan(0);
        // and the mails go out (rendered from the operators' template)
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from notification where template ="
                + " 'maintenance-notice' and sent_at is not null and created_at >= ?", Integer.class,
                java.sql.Timestamp.from(received)) == bodies);
    }

    @Test
    void a_window_with_less_notice_than_the_regulation_asks_is_refused_unless_marked_urgent() {
        HubApi api = new HubApi(port);
        Instant now = Instant.now();
        LocalDate tomorrow = calendar.nextWorkingDay(LocalDate.now(calendar.zone()));
        Map<String, Object> planned = Map.of("startsAt", at(tomorrow, LocalTime.of(20, 0), calendar),
                "endsAt", at(tomorrow, LocalTime.of(22, 0), calendar), "titleVi", "Bảo trì", "messageVi", "Bảo trì máy chủ.");
        HubApi.Reply refused = api.postJson("/api/v1/maintenance", planned, HubApi.bearer(Samples.VPTW));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.rules()).contains("D16.2-notice");
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("startsAt");

        // urgent work needs 24 hours; a cyber-security emergency none
        Map<String, Object> soon = new java.util.HashMap<>(planned);
        soon.put("startsAt", now.plus(Duration.ofHours(2)).toString());
        soon.put("endsAt", now.plus(Duration.ofHours(3)).toString());
        soon.put("notice", "URGENT");
        assertThat(api.postJson("/api/v1/maintenance", soon, HubApi.bearer(Samples.VPTW)).rules()).contains("D16.2-notice");
        soon.put("notice", "SECURITY");
        assertThat(api.postJson("/api/v1/maintenance", soon, HubApi.bearer(Samples.VPTW)).status()).isEqualTo(201);

        // a body's token may not announce, nor may anyone without one
        assertThat(api.postJson("/api/v1/maintenance", planned, HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/maintenance", planned).status()).isEqualTo(401);
    }

    @Test
    void an_incident_is_announced_as_it_happens_and_published_without_moving_deadlines() {
        HubApi api = new HubApi(port);
        HubApi.Reply incident = api.postJson("/api/v1/maintenance", Map.of("kind", "INCIDENT",
                "startsAt", Instant.now().minus(Duration.ofMinutes(20)).toString(), "titleVi", "Sự cố gửi thư",
                "messageVi", "Thư xác nhận có thể đến chậm; hồ sơ vẫn được tiếp nhận."), HubApi.bearer(Samples.VPTW));
        assertThat(incident.status()).as(incident.body()).isEqualTo(201);
        HubApi.Reply published = api.get("/api/public/v1/maintenance");
        assertThat(published.raw().headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("max-age=60"));
        JsonNode shown = java.util.stream.StreamSupport.stream(published.json().spliterator(), false)
                .filter(n -> n.path("id").asText().equals(incident.json().path("id").asText())).findFirst().orElseThrow();
        assertThat(shown.path("kind").asText()).isEqualTo("INCIDENT");
        assertThat(shown.path("endsAt").isNull()).isTrue();
        assertThat(shown.path("textVi").asText()).contains("đang khắc phục");
        assertThat(calendar.maintenance()).noneMatch(w -> w.end() == null);
    }
}
