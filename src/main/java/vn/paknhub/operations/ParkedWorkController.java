package vn.paknhub.operations;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.core.ParkedWork;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.identity.CentralOfficeOnly;

/** Everything parked, of every kind, listed and taken up again the same way (Central Party Office only). */
@RestController
@CentralOfficeOnly
class ParkedWorkController {

    private final AgencyAccess access;
    private final ParkedWorkDesk desk;

    ParkedWorkController(AgencyAccess access, ParkedWorkDesk desk) {
        this.access = access;
        this.desk = desk;
    }

    @GetMapping("/api/v1/parked")
    List<ParkedWork.Item> list(@RequestParam(required = false) String kind, @RequestParam(defaultValue = "100") int limit) {
        return desk.list(kind, limit);
    }

    @PostMapping("/api/v1/parked/{kind}/{id}/replay")
    Map<String, String> replay(@PathVariable String kind, @PathVariable String id) {
        if (!desk.replay(kind, id, access.actorLabel())) {
            throw ApiProblem.notFound("mục đang bị giữ này", "parked item of this kind");
        }
        return Map.of("kind", kind, "id", id, "replayed", "true");
    }
}
