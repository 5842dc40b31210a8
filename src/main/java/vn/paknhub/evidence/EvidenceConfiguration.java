package vn.paknhub.evidence;

import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Seals history written before events were sealed, at start-up; signs checkpoints on a timer. */
@Configuration
class EvidenceConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceConfiguration.class);

    /**
     * Before the hub takes any work (this runs while the context is made, before routes and the web
     * server start), so that a case's old events are sealed ahead of its new ones.
     */
    @Bean
    InitializingBean sealHistoryWrittenBefore(Seals seals, TransactionTemplate tx) {
        return () -> {
            long total = 0;
            for (Integer n = tx.execute(s -> seals.sealUnsealed(1000)); n != null && n > 0;
                    n = tx.execute(s -> seals.sealUnsealed(1000))) {
                total += n;
            }
            if (total > 0) {
                LOG.info("Sealed {} case events written before the history was sealed", total);
            }
        };
    }

    @Bean
    RouteBuilder evidenceRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:evidence-checkpoint?delay={{hub.evidence.checkpoint-interval-ms}}"
                        + "&period={{hub.evidence.checkpoint-interval-ms}}")
                        .routeId("evidence-checkpoint")
                        .autoStartup("{{hub.evidence.checkpoints-enabled}}")
                        .bean(Checkpoints.class, "checkpoint");
            }
        };
    }
}
