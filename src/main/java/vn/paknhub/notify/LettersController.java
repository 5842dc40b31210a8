package vn.paknhub.notify;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseEvent;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * The Central Party Office's mail room: letters to post to submitters reachable only by post, each printable as
 * a PDF (the read of the name and address it carries is written in the case's history, Đ17), and marked posted.
 */
@RestController
@CentralOfficeOnly
class LettersController {

    private final Letters letters;
    private final AgencyAccess access;
    private final CaseService cases;

    LettersController(Letters letters, AgencyAccess access, CaseService cases) {
        this.letters = letters;
        this.access = access;
        this.cases = cases;
    }

    @GetMapping("/api/v1/letters")
    List<Letters.Waiting> list(@RequestParam(defaultValue = "false") boolean posted,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiProblem.invalid("query:limit", "range", "limit phải từ 1 đến 500.", "limit must be 1–500.");
        }
        return letters.list(posted, limit);
    }

    @GetMapping("/api/v1/letters/{id}")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        Letters.Waiting w = letters.find(id).orElseThrow(() -> ApiProblem.notFound("thư", "letter"));
        cases.find(w.caseCode()).ifPresent(c -> cases.recordAccess(c, CaseEvent.READ_PERSONAL_DATA,
                new Actor(ActorRole.CENTRAL_OFFICE, access.actorLabel()), "letter " + w.template() + " " + id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + w.caseCode() + "-" + w.template() + ".pdf\"")
                .body(letters.pdf(id));
    }

    @PostMapping("/api/v1/letters/{id}/posted")
    Map<String, Object> posted(@PathVariable UUID id) {
        letters.find(id).orElseThrow(() -> ApiProblem.notFound("thư", "letter"));
        boolean now = letters.posted(id, access.actorLabel());
        return Map.of("id", id, "posted", true, "alreadyPosted", !now);
    }
}
