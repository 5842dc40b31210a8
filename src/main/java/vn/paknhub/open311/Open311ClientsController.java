package vn.paknhub.open311;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.text.VietnameseText;
import vn.paknhub.identity.CentralOfficeOnly;

/** The operators issue and revoke the API keys of Open311 client applications (Central Party Office only). */
@RestController
@CentralOfficeOnly
@RequestMapping("/api/v1/open311/clients")
class Open311ClientsController {

    private final Open311Clients clients;
    private final AgencyAccess access;

    Open311ClientsController(Open311Clients clients, AgencyAccess access) {
        this.clients = clients;
        this.access = access;
    }

    record IssueRequest(String name) {
    }

    @GetMapping
    List<Open311Clients.Client> list() {
        return clients.list();
    }

    @PostMapping
    ResponseEntity<Open311Clients.Issued> issue(@RequestBody IssueRequest request) {
        String name = request.name() == null ? "" : VietnameseText.singleLine(request.name()).strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ApiProblem.invalid("name", "length", "Cần tên ứng dụng (1–200 ký tự).",
                    "The application's name (1–200 characters) is required.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(clients.issue(name, access.actorLabel()));
    }

    @PostMapping("/{id}/revoke")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        if (!clients.revoke(id, access.actorLabel())) {
            throw ApiProblem.notFound("khoá ứng dụng đang dùng", "an active application key");
        }
        return ResponseEntity.noContent().build();
    }
}
