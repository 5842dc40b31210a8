package vn.paknhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.HubIntegrationTest;

/** One node polls a system at a time, and a poll that failed is read again from the same cursor. */
@HubIntegrationTest
class StatusPollsTest {

    @Autowired
    StatusPolls polls;
    @Autowired
    JdbcTemplate db;

    @Test
    void a_held_lease_keeps_other_nodes_out_and_the_cursor_moves_only_when_told() {
        String system = "test-" + UUID.randomUUID().toString().substring(0, 8);

        StatusPolls.Lease first = polls.lease(system, 60).orElseThrow();
        assertThat(first.cursor()).isEmpty();
        assertThat(polls.lease(system, 60)).as("another node, while the lease is held").isEmpty();

        polls.release(first, null);
        StatusPolls.Lease second = polls.lease(system, 60).orElseThrow();
        assertThat(second.cursor()).as("a failed poll moves nothing").isEmpty();
        polls.release(second, "42");
        assertThat(polls.lease(system, 60).orElseThrow().cursor()).isEqualTo("42");

        // a node that died holding the lease: once it expires, another node takes over
        db.update("update status_poll set lease_until = now() - interval '1 second' where system = ?", system);
        assertThat(polls.lease(system, 60)).isPresent();
    }
}
