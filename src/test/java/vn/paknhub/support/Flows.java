package vn.paknhub.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

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
