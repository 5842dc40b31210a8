package vn.paknhub.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.text.VietnameseText;

/**
 * The operators' hand on machine credentials: issue a token for a body's system, rotate it with a grace
 * period, revoke it at once — no restart. Central Party Office only; every call is in the access log and
 * the credential store keeps who issued and who revoked what.
 */
@RestController
@CentralOfficeOnly
@RequestMapping("/api/v1/credentials")
class CredentialsController {

    private final MachineCredentials credentials;
    private final AgencyAccess access;
    private final AgencyDirectory directory;

    CredentialsController(MachineCredentials credentials, AgencyAccess access, AgencyDirectory directory) {
        this.credentials = credentials;
        this.access = access;
        this.directory = directory;
    }

    record IssueRequest(String agency, String label, String expiresAt) {
    }

    record RevokeRequest(String reason) {
    }

    record RotateRequest(Integer graceHours) {
    }

    @GetMapping
    List<MachineCredentials.Credential> list(@RequestParam(required = false) String agency) {
        return credentials.list(agency == null ? null : agency.toUpperCase(Locale.ROOT));
    }

    @PostMapping
    ResponseEntity<MachineCredentials.Issued> issue(@RequestBody IssueRequest request) {
        String operator = access.actorLabel();
        String agency = request.agency() == null ? "" : request.agency().trim().toUpperCase(Locale.ROOT);
        if (directory.find(agency).isEmpty()) {
            throw ApiProblem.invalid("agency", "unknown-agency", "Không có cơ quan mã «" + agency + "».",
                    "No agency with code '" + agency + "'.");
        }
        String label = request.label() == null ? "" : VietnameseText.singleLine(request.label()).strip();
        if (label.isEmpty() || label.length() > 200) {
            throw ApiProblem.invalid("label", "length", "Cần ghi tên gợi nhớ (1–200 ký tự), ví dụ hệ thống dùng mã này.",
                    "A label of 1–200 characters is required, e.g. the system using the token.");
        }
        Instant expires = null;
        if (request.expiresAt() != null && !request.expiresAt().isBlank()) {
            try {
                expires = OffsetDateTime.parse(request.expiresAt()).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalid("expiresAt", "date-time", "«expiresAt» phải là thời điểm RFC 3339, ví dụ"
                        + " 2027-06-30T17:00:00+07:00.", "'expiresAt' must be an RFC 3339 date-time.");
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(credentials.issue(agency, label, expires, operator));
    }

    @PostMapping("/{id}/revoke")
    MachineCredentials.Credential revoke(@PathVariable long id, @RequestBody(required = false) RevokeRequest request) {
        String operator = access.actorLabel();
        requireExisting(id);
        credentials.revoke(id, operator, request == null || request.reason() == null ? null
                : VietnameseText.singleLine(request.reason()));
        return credentials.list(null).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @PostMapping("/{id}/rotate")
    ResponseEntity<MachineCredentials.Issued> rotate(@PathVariable long id,
            @RequestBody(required = false) RotateRequest request) {
        String operator = access.actorLabel();
        requireExisting(id);
        int hours = request == null || request.graceHours() == null ? 24 : request.graceHours();
        if (hours < 0 || hours > 24 * 30) {
            throw ApiProblem.invalid("graceHours", "range", "«graceHours» từ 0 đến 720 giờ.", "'graceHours' is 0–720.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(credentials.rotate(id, Duration.ofHours(hours), operator));
    }

    private void requireExisting(long id) {
        if (!credentials.exists(id)) {
            throw ApiProblem.notFound("mã truy cập", "credential");
        }
    }
}
