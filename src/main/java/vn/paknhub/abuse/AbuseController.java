package vn.paknhub.abuse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.identity.CentralOfficeOnly;

/** Operators' measures against abuse (Đ19): Central Party Office only, each recorded with who took it. */
@RestController
@CentralOfficeOnly
class AbuseController {

    private final AgencyAccess access;
    private final AbuseMeasures measures;

    AbuseController(AgencyAccess access, AbuseMeasures measures) {
        this.access = access;
        this.measures = measures;
    }

    @GetMapping("/api/v1/abuse/measures")
    List<AbuseMeasures.Measure> list(@RequestParam(name = "inForce", defaultValue = "true") boolean inForce) {
        return measures.list(inForce);
    }

    @PostMapping("/api/v1/abuse/measures")
    @ResponseStatus(HttpStatus.CREATED)
    AbuseMeasures.Measure take(@RequestBody AbuseMeasures.NewMeasure measure) {
        return measures.take(measure, access.actorLabel());
    }

    @PostMapping("/api/v1/abuse/measures/{id}/lift")
    AbuseMeasures.Measure lift(@PathVariable String id, @RequestBody Map<String, String> body) {
        String operator = access.actorLabel();
        UUID measure;
        try {
            measure = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("biện pháp này", "measure");
        }
        return measures.lift(measure, body.get("reason"), operator);
    }
}
