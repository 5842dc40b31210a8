package vn.paknhub.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private final Map<String, ParkedWork> kinds = new TreeMap<>();

    ParkedWorkController(AgencyAccess access, List<ParkedWork> kinds) {
        this.access = access;
        kinds.forEach(k -> this.kinds.put(k.kind(), k));
    }

    @GetMapping("/api/v1/parked")
    List<ParkedWork.Item> list(@RequestParam(required = false) String kind, @RequestParam(defaultValue = "100") int limit) {
        int bounded = Math.max(1, Math.min(limit, 500));
        List<ParkedWork.Item> items = new ArrayList<>();
        for (ParkedWork k : kind == null ? kinds.values() : List.of(kindOf(kind))) {
            items.addAll(k.parked(bounded));
        }
        return items;
    }

    @PostMapping("/api/v1/parked/{kind}/{id}/replay")
    Map<String, String> replay(@PathVariable String kind, @PathVariable String id) {
        String operator = access.actorLabel();
        if (!kindOf(kind).replay(id, operator)) {
            throw ApiProblem.notFound("mục đang bị giữ này", "parked item of this kind");
        }
        return Map.of("kind", kind, "id", id, "replayed", "true");
    }

    private ParkedWork kindOf(String kind) {
        ParkedWork k = kinds.get(kind);
        if (k == null) {
            throw ApiProblem.invalid("kind", "one-of", "«kind» phải là một trong: " + String.join(", ", kinds.keySet()) + ".",
                    "'kind' must be one of: " + String.join(", ", kinds.keySet()) + ".");
        }
        return k;
    }
}
