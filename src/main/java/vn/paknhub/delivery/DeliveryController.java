package vn.paknhub.delivery;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * Operating the deliveries (Central Party Office only): see what is parked and why, replay a
 * delivery once its cause is fixed, see the connectors' health and reload their files.
 */
@RestController
@CentralOfficeOnly
class DeliveryController {

    private static final List<String> STATUSES = List.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.PARKED);

    private final Deliveries deliveries;
    private final ConnectorCatalogue connectors;

    DeliveryController(Deliveries deliveries, ConnectorCatalogue connectors) {
        this.deliveries = deliveries;
        this.connectors = connectors;
    }

    @GetMapping("/api/v1/deliveries")
    List<Delivery> list(@RequestParam(defaultValue = "PARKED") String status, @RequestParam(required = false) String caseCode) {
        if (caseCode != null) {
            return deliveries.ofCase(caseCode);
        }
        return deliveries.withStatus(ApiProblem.oneOf("status", status, STATUSES), 500);
    }

    @PostMapping("/api/v1/deliveries/{id}/replay")
    Delivery replay(@PathVariable UUID id) {
        Delivery d = deliveries.find(id).orElseThrow(() -> ApiProblem.notFound("lần chuyển", "delivery"));
        if (!deliveries.replay(id)) {
            throw ApiProblem.invalid("$", "not-parked", "Chỉ gửi lại được lần chuyển đang bị giữ (PARKED), lần này là "
                    + d.status() + ".", "Only a parked delivery can be replayed; this one is " + d.status() + ".");
        }
        return deliveries.find(id).orElseThrow();
    }

    @GetMapping("/api/v1/connectors")
    List<ConnectorCatalogue.ConnectorStatus> connectors(
            ) {
        return connectors.statuses();
    }

    @PostMapping("/api/v1/connectors/reload")
    List<ConnectorCatalogue.ConnectorStatus> reload(
            ) {
        return connectors.reload();
    }
}
