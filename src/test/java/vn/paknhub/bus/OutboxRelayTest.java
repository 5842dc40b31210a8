package vn.paknhub.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.support.HubIntegrationTest;

/** Two relays (two hub nodes) never publish the same row, and never reorder the events of one case. */
@HubIntegrationTest
class OutboxRelayTest {

    @Autowired
    OutboxRelay relay;
    @Autowired
    CamelContext camel;
    @Autowired
    JdbcTemplate db;
    @Autowired
    TransactionTemplate tx;

    String caseA;
    String caseB;

    @BeforeEach
    void holdTheRunningRelayAndQueueEvents() throws Exception {
        camel.getRouteController().stopRoute("outbox-relay");
        caseA = "TEST-A-" + UUID.randomUUID();
        caseB = "TEST-B-" + UUID.randomUUID();
        for (String code : List.of(caseA, caseA, caseB, caseA, caseB)) {
            db.update("insert into outbox (event_id, case_code, topic, payload) values (?, ?, 't', '{}'::jsonb)",
                    UUID.randomUUID(), code);
        }
    }

    @AfterEach
    void releaseTheRelay() throws Exception {
        db.update("delete from outbox where case_code in (?, ?)", caseA, caseB);
        camel.getRouteController().startRoute("outbox-relay");
    }

    private List<String> keys(List<Message> batch) {
        return batch.stream().map(m -> m.getHeader(KafkaConstants.KEY, String.class))
                .filter(k -> k.equals(caseA) || k.equals(caseB)).toList();
    }

    @Test
    void a_second_node_skips_rows_locked_by_the_first_and_waits_for_the_earlier_event_of_a_case() throws Exception {
        CountDownLatch firstHasClaimed = new CountDownLatch(1);
        CountDownLatch secondHasClaimed = new CountDownLatch(1);

        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            List<String> claimed = keys(relay.claimBatch(new DefaultExchange(camel)));
            firstHasClaimed.countDown();
            await(secondHasClaimed);
            return claimed;
        }));
        await(firstHasClaimed);
        List<String> second = tx.execute(s -> keys(relay.claimBatch(new DefaultExchange(camel))));
        secondHasClaimed.countDown();

        // the first node holds the first event of each case; every later event of those cases waits for it
        assertThat(first.get(30, TimeUnit.SECONDS)).containsExactlyInAnyOrder(caseA, caseB);
        assertThat(second).isEmpty();
    }

    @Test
    void published_rows_are_removed_and_the_next_events_of_each_case_follow_in_order() {
        List<String> published = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            tx.executeWithoutResult(s -> {
                Exchange exchange = new DefaultExchange(camel);
                List<Message> batch = relay.claimBatch(exchange);
                published.addAll(keys(batch));
                relay.markPublished(exchange.getProperty(OutboxRelay.CLAIMED_IDS, List.class));
            });
        }
        assertThat(published).containsExactly(caseA, caseB, caseA, caseB, caseA);
        assertThat(db.queryForObject("select count(*) from outbox where case_code in (?, ?)", Integer.class,
                caseA, caseB)).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
