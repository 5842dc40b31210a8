package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.HubIntegrationTest;

@HubIntegrationTest
class IdempotencyStoreTest {

    @Autowired
    IdempotencyStore store;
    @Autowired
    JdbcTemplate db;
    @Autowired
    CamelContext camel;

    private String remember(String age) {
        String key = "housekeeping-" + UUID.randomUUID();
        db.update("insert into idempotency_key (scope, key, request_hash, case_code, response_enc, created_at)"
                + " values ('WEB', ?, '\\x00', 'SKGP-X', '\\x00', now() - cast(? as interval))", key, age);
        return key;
    }

    @Test
    void keys_past_their_retention_are_forgotten_and_recent_ones_kept() {
        String old = remember("25 hours");
        String recent = remember("23 hours");

        assertThat(store.forgetExpired()).isGreaterThanOrEqualTo(1);

        assertThat(db.queryForList("select key from idempotency_key where key in (?, ?)", String.class, old, recent))
                .containsExactly(recent);
        assertThat(camel.getRoute("idempotency-housekeeping")).isNotNull();
    }
}
