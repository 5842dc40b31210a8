package vn.paknhub.sync;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * Operating inbound status sync (Central Party Office only): the updates the hub kept, parked ones
 * first, and reprocessing a parked update after its system's mapping is fixed or by hand.
 */
@RestController
@CentralOfficeOnly
class StatusUpdateController {

    /**
     * An operator's decision: the status (and, where the status needs one, the reason) to apply;
     * without a status, what the system sent is mapped again.
     */
    record Reprocess(String status, String reason) {
    }

    private final AgencyAccess access;
    private final StatusUpdateRecords records;

    StatusUpdateController(AgencyAccess access, StatusUpdateRecords records) {
        this.access = access;
        this.records = records;
    }

    @GetMapping("/api/v1/status-updates")
    List<StatusUpdateRecord> list(@RequestParam(defaultValue = "PARKED") String outcome, @RequestParam(required = false) String system,
            @RequestParam(required = false) String caseCode) {
        // the outcomes a record is kept with (a duplicate or an invalid message leaves none)
        return records.list(ApiProblem.oneOf("outcome", outcome, List.of("APPLIED", "RECORDED", "STALE", "REFUSED",
                "PARKED")), system, caseCode, 500);
    }

    @GetMapping("/api/v1/status-updates/{messageId}")
    StatusUpdateRecord one(@PathVariable UUID messageId) {
        return records.find(messageId).orElseThrow(() -> ApiProblem.notFound("cập nhật trạng thái", "status update"));
    }

    @PostMapping("/api/v1/status-updates/{messageId}/reprocess")
    StatusOutcome reprocess(@PathVariable UUID messageId, @RequestBody(required = false) Reprocess decision) {
        String operator = access.actorLabel();
        return records.reprocess(messageId, decision == null ? new Reprocess(null, null) : decision, operator);
    }
}
