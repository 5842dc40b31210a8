package vn.paknhub.operations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.paknhub.delivery.ConnectorCatalogue;
import vn.paknhub.delivery.DeliveryDispatcher;

/**
 * Health of each part of the hub that can fail on its own, so that readiness says which one is down:
 * the bus (Kafka), the mailbox (IMAP/POP3), the scanning station's SFTP server, and each partner
 * system's connector (its file, and its circuit breaker). A part that is down makes the hub
 * {@link #DEGRADED}, not DOWN: items are still taken and kept (the outbox, the mailbox, the deliveries
 * wait), so a load balancer must keep sending them here. Only the database makes it DOWN.
 */
@Configuration(proxyBeanMethods = false)
class PartsHealth {

    /** Serving, with a part down: alert on it, keep routing to it (HTTP 200). */
    static final Status DEGRADED = new Status("DEGRADED");

    @Bean
    HealthIndicator busHealthIndicator(BusProbe bus) {
        return () -> {
            BusProbe.Reading r = bus.last();
            return r.reachable() ? Health.up().build()
                    : Health.status(DEGRADED).withDetail("problem", "Kafka không phản hồi / Kafka unreachable: " + r.problem())
                            .build();
        };
    }

    @Bean
    HealthIndicator mailboxHealthIndicator(CamelContext camel) {
        return () -> consumer(camel, "mail-intake");
    }

    @Bean
    HealthIndicator paperSftpHealthIndicator(CamelContext camel) {
        return () -> consumer(camel, "paper-sftp");
    }

    /** One entry per partner system: UP, or DEGRADED when its file is broken or its breaker holds it back. */
    @Bean
    HealthContributor connectorsHealthContributor(ConnectorCatalogue catalogue, DeliveryDispatcher dispatcher) {
        return new CompositeHealthContributor() {
            @Override
            public HealthContributor getContributor(String system) {
                return catalogue.statuses().stream().anyMatch(s -> s.system().equals(system))
                        ? (HealthIndicator) () -> connector(catalogue, dispatcher, system) : null;
            }

            @Override
            public Iterator<NamedContributor<HealthContributor>> iterator() {
                if (!catalogue.loaded()) {
                    // not ready before the connector files are read: nothing could be delivered yet
                    return List.of(NamedContributor.<HealthContributor>of("files",
                            (HealthIndicator) () -> Health.outOfService().withDetail("files", "loading").build())).iterator();
                }
                return catalogue.statuses().stream()
                        .map(s -> NamedContributor.<HealthContributor>of(s.system(),
                                (HealthIndicator) () -> connector(catalogue, dispatcher, s.system())))
                        .iterator();
            }
        };
    }

    private static Health connector(ConnectorCatalogue catalogue, DeliveryDispatcher dispatcher, String system) {
        if (!catalogue.isWorking(system)) {
            return Health.status(DEGRADED).withDetail("problem", catalogue.whyNotWorking(system)).build();
        }
        if (dispatcher.heldBack().contains(system)) {
            return Health.status(DEGRADED).withDetail("problem",
                    "hệ thống không phản hồi, tạm ngừng gửi / system failing, deliveries held back").build();
        }
        return Health.up().build();
    }

    /** A polling route's health as Camel's consumer check sees it; a channel switched off has no route. */
    private static Health consumer(CamelContext camel, String routeId) {
        if (camel.getRoute(routeId) == null) {
            return Health.up().withDetail("channel", "off").build();
        }
        Optional<HealthCheck.Result> result = HealthCheckHelper.invoke(camel, "consumer:" + routeId, Map.of());
        if (result.isPresent() && result.get().getState() == HealthCheck.State.DOWN) {
            Map<String, Object> details = new LinkedHashMap<>();
            result.get().getMessage().ifPresent(m -> details.put("problem", m));
            result.get().getError().ifPresent(e -> details.put("error", e.getClass().getSimpleName() + ": " + e.getMessage()));
            return Health.status(DEGRADED).withDetails(details).build();
        }
        return Health.up().build();
    }
}
