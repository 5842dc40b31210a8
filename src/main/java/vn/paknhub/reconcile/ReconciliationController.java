package vn.paknhub.reconcile;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * The operators' view of reconciliation (Central Party Office only): the drifts open now, and a run on
 * demand for one system (the schedule runs every system, {@code hub.reconciliation.interval-ms}).
 */
@RestController
@CentralOfficeOnly
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @GetMapping("/api/v1/reconciliation/drift")
    List<Reconciliation.Drift> drift(@RequestParam(required = false) String system) {
        return reconciliation.open(system);
    }

    @PostMapping("/api/v1/reconciliation/{system}/run")
    Reconciliation.Run run(@PathVariable String system) throws Exception {
        if (!reconciliation.sources().containsKey(system)) {
            throw ApiProblem.notFound("nguồn đối soát của hệ thống «" + system + "»", "reconciliation source of system '"
                    + system + "'");
        }
        return reconciliation.run(system);
    }
}
