package vn.paknhub.routing;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * The Central Party Office's triage queue over the API (the console has the same desk): items that rules
 * 10.1 and 10.4 give it, items returned to it (Đ11.2c), and items the classifier was not sure enough about.
 */
@RestController
@CentralOfficeOnly
@RequestMapping("/api/v1/triage")
class TriageController {

    private final AgencyAccess access;
    private final TriageDesk desk;

    TriageController(AgencyAccess access, TriageDesk desk) {
        this.access = access;
        this.desk = desk;
    }

    @GetMapping
    List<Map<String, Object>> queue() {
        return desk.queue(200);
    }

    @PostMapping("/{code}/dispatch")
    TriageDesk.Dispatched dispatch(@PathVariable String code, @RequestBody TriageDesk.HandClassification hand) {
        String staff = access.actorLabel();
        return desk.dispatch(code, hand, staff, new Actor(ActorRole.CENTRAL_OFFICE, staff));
    }
}
