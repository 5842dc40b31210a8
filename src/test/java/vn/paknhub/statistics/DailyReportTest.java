package vn.paknhub.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.paknhub.support.Samples.BKHCN;
import static vn.paknhub.support.Samples.VPTW;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.devstack.EmbeddedMailServer;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;

/**
 * Each body's daily report: not before half past three, made once per body and day even when two
 * nodes look at the same moment, with the day's figures of the body's cases, mailed to its officers
 * once, and readable by API (a body its own, the Central Party Office every body's).
 */
@HubIntegrationTest
class DailyReportTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    DailyReports reports;
    @Autowired
    AgencyDirectory agencies;

    private static String text(MimeMessage m) {
        try {
            return m.getSubject() + "\n" + m.getContent();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean to(MimeMessage m, String address) {
        try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void each_body_gets_its_report_once_a_day_from_half_past_three_by_mail_and_by_api() throws Exception {
        HubApi api = new HubApi(port);
        LocalDate today = LocalDate.now(VIETNAM);
        db.update("delete from daily_report where day = ?", today);
        DailyReports.Figures before = reports.figures("BKHCN", today);

        String accepted = Flows.submit(api).path("code").asText();
        Flows.must(api, VPTW, accepted, "FORWARD", null, "BKHCN");
        Flows.must(api, BKHCN, accepted, "ACCEPT", null, null);
        String waiting = Flows.submit(api).path("code").asText();
        Flows.must(api, VPTW, waiting, "FORWARD", null, "BKHCN");
        Flows.must(api, BKHCN, waiting, "REQUEST_SUPPLEMENT", "Đề nghị bổ sung số điện thoại liên hệ", null);

        assertThat(reports.makeDue(today.atTime(15, 29).atZone(VIETNAM).toInstant())).as("too early").isZero();
        assertThat(api.get("/api/v1/reports/daily", HubApi.bearer(BKHCN)).json().get(0).path("status").asText())
                .isEqualTo("NOT_MADE_YET");

        // two nodes look at the same moment: each body's report is made once
        Instant halfPastThree = today.atTime(15, 31).atZone(VIETNAM).toInstant();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> one = nodes.submit(() -> reports.makeDue(halfPastThree));
            Future<Integer> other = nodes.submit(() -> reports.makeDue(halfPastThree));
            assertThat(one.get() + other.get()).isEqualTo(agencies.withMailbox().size());
        } finally {
            nodes.shutdown();
        }
        assertThat(db.queryForObject("select count(*) from daily_report where day = ?", Integer.class, today))
                .isEqualTo(agencies.withMailbox().size());
        assertThat(reports.makeDue(halfPastThree.plusSeconds(600))).isZero();

        List<JsonNode> own = List.of(api.get("/api/v1/reports/daily?day=" + today, HubApi.bearer(BKHCN)).json());
        JsonNode report = own.get(0).get(0);
        assertThat(own.get(0).size()).as("a body sees its own report only").isOne();
        assertThat(report.path("agency").asText()).isEqualTo("BKHCN");
        assertThat(report.path("status").asText()).isEqualTo("PENDING");
        JsonNode figures = report.path("figures");
        assertThat(figures.path("received").asLong()).isEqualTo(before.received() + 2);
        assertThat(figures.path("accepted").asLong()).isEqualTo(before.accepted() + 1);
        assertThat(figures.path("awaitingSupplement").asLong()).isEqualTo(before.awaitingSupplement() + 1);
        assertThat(api.get("/api/v1/reports/daily?day=" + today, HubApi.bearer(VPTW)).json().findValuesAsText("agency"))
                .containsExactlyInAnyOrderElementsOf(agencies.withMailbox());
        HubApi.Reply badDay = api.get("/api/v1/reports/daily?day=hom-nay", HubApi.bearer(BKHCN));
        assertThat(badDay.status()).isEqualTo(422);
        assertThat(badDay.json().path("errors").get(0).path("field").asText()).isEqualTo("day");

        // mailed to each body's officers, once
        assertThat(reports.sendDue()).isEqualTo(agencies.withMailbox().size());
        assertThat(reports.sendDue()).isZero();
        String date = today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        await().atMost(Duration.ofSeconds(30)).until(() -> EmbeddedMailServer.received().stream()
                .filter(m -> to(m, "pakn@bkhcn.sandbox.paknskgp.local") && text(m).contains("ngày " + date)
                        && text(m).contains("Báo cáo")).count() == 1);
        String mail = EmbeddedMailServer.received().stream().filter(m -> to(m, "pakn@bkhcn.sandbox.paknskgp.local")
                && text(m).contains("Báo cáo")).map(DailyReportTest::text).reduce((a, b) -> b).orElseThrow();
        assertThat(mail).contains("Kính gửi Bộ Khoa học và Công nghệ", "Tiếp nhận mới trong ngày: " + figures.path("received")
                .asLong(), "Đang chờ người gửi bổ sung thông tin: " + figures.path("awaitingSupplement").asLong());
        assertThat(db.queryForObject("select count(*) from daily_report where day = ? and status = 'SENT'", Integer.class,
                today)).isEqualTo(agencies.withMailbox().size());
    }
}
