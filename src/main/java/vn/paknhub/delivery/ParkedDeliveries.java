package vn.paknhub.delivery;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.paknhub.core.ParkedWork;

/** Deliveries a partner kept refusing (or refused for good), sent again with the same idempotency key. */
@Component
class ParkedDeliveries implements ParkedWork {

    private final Deliveries deliveries;

    ParkedDeliveries(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public String kind() {
        return "delivery";
    }

    @Override
    public List<Item> parked(int limit) {
        return deliveries.withStatus("PARKED", limit).stream().map(d -> new Item(kind(), d.id().toString(), d.caseCode(),
                d.kind().toLowerCase() + " to " + d.system() + " (" + d.agency() + ")", d.attempts(), d.lastError())).toList();
    }

    @Override
    public boolean replay(String id, String operator) {
        return ParkedWork.uuid(id).map(deliveries::replay).orElse(false);
    }
}
