package vn.paknhub.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.paknhub.support.Samples.BKHCN;
import static vn.paknhub.support.Samples.BYT;
import static vn.paknhub.support.Samples.VPTW;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

@HubIntegrationTest
class AgencyAccessTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    HubApi api;
    String code;

    @BeforeEach
    void caseForwardedToTheMinistryOfScience() {
        api = new HubApi(port);
        code = Flows.submit(api).path("code").asText();
        Flows.must(api, VPTW, code, "FORWARD", null, "BKHCN");
    }

    private List<String> auditTrail(String action) {
        return db.queryForList("select coalesce(e.actor_id, '') from case_event e join case_file c on c.id = e.case_id"
                + " where c.code = ? and e.action = ? order by e.seq", String.class, code, action);
    }

    @Test
    void the_assigned_agency_reads_the_case_and_the_read_of_personal_data_is_logged() {
        HubApi.Reply r = api.get("/api/v1/agency/cases/" + code, HubApi.bearer(BKHCN));

        assertThat(r.status()).isEqualTo(200);
        JsonNode detail = r.json();
        assertThat(detail.path("submitter").path("email").asText()).isEqualTo("minhthu.nguyen@example.vn");
        assertThat(detail.path("submitter").path("phone").asText()).isEqualTo("0912345678");
        assertThat(detail.path("assignedAgency").asText()).isEqualTo("BKHCN");
        assertThat(detail.path("allowedActions").toString()).contains("ACCEPT", "RETURN_TO_CENTRAL_OFFICE");
        // the delivery and the notifier read it too, on their own time; the agency's read is logged once
        assertThat(auditTrail("READ_PERSONAL_DATA")).containsOnlyOnce("BKHCN");
    }

    @Test
    void another_agency_is_refused_like_an_unknown_case_and_the_attempt_is_logged() {
        HubApi.Reply refused = api.get("/api/v1/agency/cases/" + code, HubApi.bearer(BYT));
        HubApi.Reply unknown = api.get("/api/v1/agency/cases/SKGP-20000101-999999", HubApi.bearer(BYT));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().path("title")).isEqualTo(unknown.json().path("title"));
        assertThat(refused.body()).doesNotContain("minhthu", "BKHCN");
        assertThat(auditTrail("ACCESS_DENIED")).containsExactly("BYT");
        assertThat(auditTrail("READ_PERSONAL_DATA")).isEmpty();

        assertThat(api.get("/api/v1/agency/cases/" + code + "/history", HubApi.bearer(BYT)).status()).isEqualTo(404);
        assertThat(Flows.act(api, BYT, code, "ACCEPT", null, null).status()).isEqualTo(404);
        assertThat(db.queryForObject("select state from case_file where code = ?", String.class, code))
                .isEqualTo("FORWARDED");
    }

    @Test
    void lists_show_only_the_agencys_own_cases_without_personal_data() {
        HubApi.Reply mine = api.get("/api/v1/agency/cases?limit=200&state=FORWARDED", HubApi.bearer(BKHCN));
        HubApi.Reply theirs = api.get("/api/v1/agency/cases?limit=200", HubApi.bearer(BYT));

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().path("items").findValuesAsText("code")).contains(code);
        assertThat(mine.json().path("items").findValuesAsText("assignedAgency")).containsOnly("BKHCN");
        assertThat(mine.body()).doesNotContain("minhthu", "Tràng Tiền");
        assertThat(theirs.json().path("items").findValuesAsText("code")).doesNotContain(code);
    }

    @Test
    void requests_without_a_valid_token_are_unauthorised() {
        assertThat(api.get("/api/v1/agency/cases").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/agency/cases", HubApi.bearer("stolen-or-guessed")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/agency/cases/" + code, "Authorization", "Basic dGVzdDp0ZXN0").status())
                .isEqualTo(401);
    }

    @Test
    void illegal_transitions_are_refused_with_the_rule_and_change_nothing() {
        int version = db.queryForObject("select version from case_file where code = ?", Integer.class, code);

        HubApi.Reply tooEarly = Flows.act(api, BKHCN, code, "POST_RESULT", null, null);
        HubApi.Reply notTheirs = Flows.act(api, BKHCN, code, "PLACE_ON_HOLD", "Cần xác minh nội dung", null);
        HubApi.Reply noReason = Flows.act(api, BKHCN, code, "REJECT", "  ", null);
        HubApi.Reply nowhere = Flows.act(api, BKHCN, code, "FORWARD", null, "KHONGCO");

        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.rules()).containsExactly("illegal-transition");
        assertThat(notTheirs.status()).isEqualTo(409);
        assertThat(notTheirs.rules()).containsExactly("role-not-permitted");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.rules()).containsExactly("reason-required");
        assertThat(nowhere.status()).isEqualTo(422);
        assertThat(nowhere.rules()).containsExactly("unknown-agency");
        assertThat(db.queryForObject("select version from case_file where code = ?", Integer.class, code))
                .isEqualTo(version);
    }

    @Test
    void the_full_history_shows_who_did_what_and_why() {
        Flows.must(api, BKHCN, code, "RETURN_TO_CENTRAL_OFFICE", "Nội dung thuộc thẩm quyền của Bộ Y tế", null);

        JsonNode history = api.get("/api/v1/agency/cases/" + code + "/history", HubApi.bearer(VPTW)).json();

        assertThat(history.findValuesAsText("action")).containsSubsequence("SUBMIT", "FORWARD",
                "RETURN_TO_CENTRAL_OFFICE");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("actor").path("kind").asText()).isEqualTo("AGENCY");
        assertThat(last.path("actor").path("id").asText()).isEqualTo("BKHCN");
        assertThat(last.path("reason").asText()).isEqualTo("Nội dung thuộc thẩm quyền của Bộ Y tế");
        assertThat(last.path("toState").asText()).isEqualTo("RETURNED_TO_CENTRAL_OFFICE");
        assertThat(api.get("/api/v1/agency/cases/" + code, HubApi.bearer(BKHCN)).status()).isEqualTo(404);
    }

    @Test
    void a_coordinating_body_reads_the_case_and_finds_it_in_its_list_but_takes_no_step() {
        String multi = Flows.submitAddressedTo(api, null, "Kính gửi: Bộ Khoa học và Công nghệ\nĐồng kính gửi: Bộ Y tế\n"
                + "Đề xuất dùng chung dữ liệu y sinh cho nghiên cứu trí tuệ nhân tạo.").path("code").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                "select count(*) from delivery where case_code = ? and agency = 'BYT' and role = 'COORDINATING'",
                Integer.class, multi) == 1);

        HubApi.Reply read = api.get("/api/v1/agency/cases/" + multi, HubApi.bearer(BYT));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("assignedAgency").asText()).isEqualTo("BKHCN");
        assertThat(read.json().path("allowedActions")).isEmpty();
        HubApi.Reply list = api.get("/api/v1/agency/cases?role=coordinating&limit=200", HubApi.bearer(BYT));
        assertThat(list.json().path("items").toString()).contains(multi);

        HubApi.Reply act = Flows.act(api, BYT, multi, "ACCEPT", null, null);
        assertThat(act.status()).isEqualTo(403);
        assertThat(act.body()).contains("cơ quan chủ trì");
        assertThat(db.queryForObject("select state from case_file where code = ?", String.class, multi))
                .isEqualTo("FORWARDED");
    }
}
