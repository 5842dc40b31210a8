package vn.paknhub.statistics;

import java.time.Clock;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import vn.paknhub.bus.CaseEventBus;

@Component
class StatisticsRoutes extends RouteBuilder {

    private final DailyReports dailyReports;
    private final Clock clock;

    StatisticsRoutes(DailyReports dailyReports, Clock clock) {
        this.dailyReports = dailyReports;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from(CaseEventBus.batchConsumerUri(CaseEventTally.CONSUMER))
                .routeId("statistics-tally")
                .bean(CaseEventTally.class, "apply")
                .process(CaseEventBus::commitBatch);

        from("timer:daily-report?delay=5000&period={{hub.reports.check-interval-ms}}")
                .routeId("daily-report")
                .autoStartup("{{hub.reports.daily-enabled}}")
                .process(e -> {
                    dailyReports.makeDue(clock.instant());
                    dailyReports.sendDue();
                });
    }
}
