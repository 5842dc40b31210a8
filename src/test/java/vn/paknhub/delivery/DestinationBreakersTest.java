package vn.paknhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-partner breaker: a run of failures holds one system back, the others go on, a trial decides. */
class DestinationBreakersTest {

    @Test
    void a_run_of_failures_holds_only_that_system_back_until_a_trial_succeeds() {
        DestinationBreakers breakers = new DestinationBreakers(3, 200);
        breakers.failed("bkhcn-api");
        breakers.failed("bkhcn-api");
        breakers.succeeded("byt-soap");
        assertThat(breakers.open()).as("two failures are not yet a run").isEmpty();

        breakers.failed("bkhcn-api");
        assertThat(breakers.open()).containsExactly("bkhcn-api");

        // the wait is over: deliveries resume on trial, and a success closes the circuit
        await().atMost(Duration.ofSeconds(5)).until(() -> breakers.open().isEmpty());
        breakers.succeeded("bkhcn-api");
        breakers.failed("bkhcn-api");
        assertThat(breakers.open()).as("one failure after the trial succeeded").isEmpty();
    }

    @Test
    void a_failed_trial_opens_the_circuit_again() {
        DestinationBreakers breakers = new DestinationBreakers(2, 200);
        breakers.failed("dvcqg-pakn");
        breakers.failed("dvcqg-pakn");
        assertThat(breakers.open()).containsExactly("dvcqg-pakn");
        await().atMost(Duration.ofSeconds(5)).until(() -> breakers.open().isEmpty());
        breakers.failed("dvcqg-pakn");
        assertThat(breakers.open()).containsExactly("dvcqg-pakn");
    }

    @Test
    void a_success_between_failures_breaks_the_run() {
        DestinationBreakers breakers = new DestinationBreakers(3, 60_000);
        breakers.failed("lamdong-kafka");
        breakers.failed("lamdong-kafka");
        breakers.succeeded("lamdong-kafka");
        breakers.failed("lamdong-kafka");
        assertThat(breakers.open()).isEmpty();
    }
}
