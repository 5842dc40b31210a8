package vn.paknhub.reconcile;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Runs the reconciliation of every system with an export address, every
 * {@code hub.reconciliation.interval-ms} (a day by default). Each node runs it; that is safe because a
 * re-send only moves a delivery still marked DELIVERED (one node wins) and a drift has one open row per
 * case and kind (a unique index), so a second node's run finds the same and changes nothing more.
 */
@Component
class ReconciliationSchedule extends RouteBuilder {

    private final Reconciliation reconciliation;

    ReconciliationSchedule(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public void configure() {
        from("timer:reconciliation?delay={{hub.reconciliation.interval-ms:86400000}}"
                + "&period={{hub.reconciliation.interval-ms:86400000}}")
                .routeId("reconciliation")
                .process(e -> reconciliation.runAll());
    }
}
