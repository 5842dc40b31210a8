package vn.paknhub.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Steps that several tests take to bring a case where they need it, through the public APIs only. */
public final class Flows {

    private Flows() {
    }

    /** Submits a valid item and returns its receipt. */
    public static JsonNode submit(HubApi api) {
        HubApi.Reply r = api.postJson("/api/v1/submissions", Samples.submission());
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json();
    }

    /**
     * An item addressed to {@code addressee} in the writer's words (no field chosen, so the hub
     * classifies it), made unique so that tests never see each other's cases; the 202 receipt.
     */
    public static JsonNode submitAddressedTo(HubApi api, String addressee, String content) {
        Map<String, Object> item = Samples.submission();
        item.remove("field");
        item.put("addressee", addressee);
        item.put("content", content + " Mã tham chiếu " + UUID.randomUUID() + ".");
        HubApi.Reply r = api.postJson("/api/v1/submissions", item);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json();
    }

    /** An item addressed to {@code addressee}, once its system has received it as the lead body's; its code. */
    public static String deliveredTo(HubApi api, JdbcTemplate db, String addressee, String agency, String content) {
        String code = submitAddressedTo(api, addressee, content).path("code").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(db.queryForList(
                "select status from delivery where case_code = ? and agency = ? and role = 'LEAD'", String.class, code,
                agency).stream().findFirst().orElse(null)));
        return code;
    }

    public static HubApi.Reply act(HubApi api, String token, String code, String action, String reason,
            String target) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        if (reason != null) {
            body.put("reason", reason);
        }
        if (target != null) {
            body.put("targetAgency", target);
        }
        return api.postJson("/api/v1/agency/cases/" + code + "/actions", body, HubApi.bearer(token));
    }

    /** Performs an agency action that must succeed. */
    public static void must(HubApi api, String token, String code, String action, String reason, String target) {
        HubApi.Reply r = act(api, token, code, action, reason, target);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    }
}
