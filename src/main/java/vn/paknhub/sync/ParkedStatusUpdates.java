package vn.paknhub.sync;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.paknhub.core.ParkedWork;

/**
 * Status updates a partner sent in words its mapping does not know, mapped again (after the mapping was
 * fixed). Deciding the status by hand stays with {@code /api/v1/status-updates/{id}/reprocess}.
 */
@Component
class ParkedStatusUpdates implements ParkedWork {

    private final StatusUpdateRecords records;

    ParkedStatusUpdates(StatusUpdateRecords records) {
        this.records = records;
    }

    @Override
    public String kind() {
        return "status-update";
    }

    @Override
    public List<Item> parked(int limit) {
        return records.list("PARKED", null, null, limit).stream().map(r -> new Item(kind(), r.messageId().toString(),
                r.caseCode(), "'" + r.externalStatus() + "' from " + r.system(), 1, r.reason())).toList();
    }

    @Override
    public boolean replay(String id, String operator) {
        return ParkedWork.uuid(id).filter(u -> records.find(u).filter(r -> "PARKED".equals(r.outcome())).isPresent())
                .map(u -> records.reprocess(u, new StatusUpdateController.Reprocess(null, null), operator) != null)
                .orElse(false);
    }
}
