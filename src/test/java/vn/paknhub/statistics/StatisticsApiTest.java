package vn.paknhub.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.paknhub.support.Samples.BKHCN;
import static vn.paknhub.support.Samples.BYT;
import static vn.paknhub.support.Samples.VPTW;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;

/**
 * The Đ14.3 statistics through the API: cases of today counted per body as they are answered on
 * time or late, rated and appealed (as differences, since other tests' cases share the day), each
 * body seeing only its own, in JSON and CSV, and a wrong request answered field by field.
 */
@HubIntegrationTest
class StatisticsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    private HubApi api;
    private final String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

    private JsonNode report(String token, String by) {
        HubApi.Reply r = api.get("/api/v1/statistics?by=" + by + "&from=" + today + "&to=" + today, HubApi.bearer(token));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static long count(JsonNode report, String key, String figure) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("key").asText().equals(key)) {
                return row.path(figure).asLong();
            }
        }
        return 0;
    }

    private String acceptedBy(String agency, String token) {
        String code = Flows.submit(api).path("code").asText();
        Flows.must(api, VPTW, code, "FORWARD", null, agency);
        Flows.must(api, token, code, "ACCEPT", null, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject("select count(*) from case_clock"
                + " where case_code = ? and clock = 'PROCESSING'", Integer.class, code) == 1);
        return code;
    }

    @Test
    void each_body_is_counted_as_it_answers_on_time_or_late_is_rated_and_appealed_and_sees_only_its_own() {
        api = new HubApi(port);
        JsonNode before = report(VPTW, "agency");

        JsonNode receipt = Flows.submit(api);
        String answered = receipt.path("code").asText();
        String[] asSubmitter = {"X-Lookup-Secret", receipt.path("lookupSecret").asText()};
        Flows.must(api, VPTW, answered, "FORWARD", null, "BKHCN");
        Flows.must(api, BKHCN, answered, "ACCEPT", null, null);
        Flows.must(api, BKHCN, answered, "POST_RESULT", "Bộ đã ban hành hướng dẫn thực hiện.", null);
        assertThat(api.postJson("/api/v1/submissions/" + answered + "/rating", Map.of("score", 2, "agree", false),
                asSubmitter).status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/submissions/" + answered + "/appeal",
                Map.of("reason", "Hướng dẫn chưa nêu thời hạn thực hiện."), asSubmitter).status()).isEqualTo(202);
        String late = acceptedBy("BKHCN", BKHCN);
        // fifteen working days have passed for this one
        db.update("update case_clock set due_on = current_date - 1 where case_code = ? and clock = 'PROCESSING'", late);
        acceptedBy("BYT", BYT);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode after = report(VPTW, "agency");
            assertThat(count(after, "BKHCN", "received") - count(before, "BKHCN", "received")).isEqualTo(2);
            assertThat(count(after, "BKHCN", "answered") - count(before, "BKHCN", "answered")).isEqualTo(1);
            assertThat(count(after, "BKHCN", "onTime") - count(before, "BKHCN", "onTime")).isEqualTo(1);
            assertThat(count(after, "BKHCN", "overdue") - count(before, "BKHCN", "overdue")).isEqualTo(1);
            assertThat(count(after, "BKHCN", "rated") - count(before, "BKHCN", "rated")).isEqualTo(1);
            assertThat(count(after, "BKHCN", "disagreed") - count(before, "BKHCN", "disagreed")).isEqualTo(1);
            assertThat(count(after, "BKHCN", "appeals") - count(before, "BKHCN", "appeals")).isEqualTo(1);
            assertThat(count(after, "BYT", "received") - count(before, "BYT", "received")).isEqualTo(1);
            assertThat(after.path("total").path("received").asLong() - before.path("total").path("received").asLong())
                    .isEqualTo(3);
        });

        // a body sees its own cases only
        JsonNode own = report(BKHCN, "agency");
        assertThat(own.path("agency").asText()).isEqualTo("BKHCN");
        assertThat(own.path("rows").findValuesAsText("key")).containsOnly("BKHCN");
        assertThat(own.path("total").path("received").asLong()).isEqualTo(count(own, "BKHCN", "received"));
        JsonNode ownByState = report(BKHCN, "state");
        assertThat(ownByState.path("total").path("received").asLong()).isEqualTo(count(own, "BKHCN", "received"));
        JsonNode rate = own.path("rows").get(0);
        assertThat(rate.path("onTimeRate").asDouble() + rate.path("overdueRate").asDouble()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(0.0002));

        // CSV for a spreadsheet
        HubApi.Reply csv = api.get("/api/v1/statistics?by=agency&format=csv&from=" + today + "&to=" + today,
                HubApi.bearer(BKHCN));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFagency,received,open,closed,answered,on_time,overdue,");
        assertThat(csv.body().lines()).hasSize(3).anyMatch(l -> l.startsWith("BKHCN," + count(own, "BKHCN", "received")
                + ",")).anyMatch(l -> l.startsWith("TOTAL,"));
    }

    @Test
    void a_wrong_request_is_answered_naming_the_parameter() {
        api = new HubApi(port);
        assertThat(api.get("/api/v1/statistics?from=2026-11-01&to=2026-11-30").status()).isEqualTo(401);
        HubApi.Reply by = api.get("/api/v1/statistics?by=province&from=2026-11-01&to=2026-11-30", HubApi.bearer(VPTW));
        assertThat(by.status()).isEqualTo(422);
        assertThat(by.json().path("errors").get(0).path("field").asText()).isEqualTo("by");
        assertThat(by.body()).contains("FIELD, AGENCY, CHANNEL, STATE");
        HubApi.Reply date = api.get("/api/v1/statistics?from=1/11/2026&to=2026-11-30", HubApi.bearer(VPTW));
        assertThat(date.status()).isEqualTo(422);
        assertThat(date.json().path("errors").get(0).path("field").asText()).isEqualTo("from");
        assertThat(date.rules()).containsExactly("date");
        HubApi.Reply backwards = api.get("/api/v1/statistics?from=2026-11-30&to=2026-11-01", HubApi.bearer(VPTW));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().path("errors").get(0).path("field").asText()).isEqualTo("to");
        assertThat(backwards.body()).doesNotContain("Exception");
        // the officers' counts take the same period
        HubApi.Reply tooLong = api.get("/api/v1/statistics/officers?from=2026-01-01&to=2027-01-02", HubApi.bearer(VPTW));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().path("errors").get(0).path("field").asText()).isEqualTo("to");
        assertThat(tooLong.rules()).containsExactly("period");
        HubApi.Reply day = api.get("/api/v1/statistics/officers?from=20/11/2026&to=2026-11-30", HubApi.bearer(VPTW));
        assertThat(day.status()).isEqualTo(422);
        assertThat(day.rules()).containsExactly("date");
    }
}
