package vn.paknhub.mail;

import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * Operating the email channel (Central Party Office only): the mails kept and what became of them,
 * the quarantine (mails that failed again and again, floods held back), reading a stored mail as it
 * arrived (logged), reprocessing one after a fix, and opening a case from one set aside.
 */
@RestController
@CentralOfficeOnly
class MailController {

    private final AgencyAccess access;
    private final MailInbox inbox;
    private final MailIntake intake;

    MailController(AgencyAccess access, MailInbox inbox, MailIntake intake) {
        this.access = access;
        this.inbox = inbox;
        this.intake = intake;
    }

    @GetMapping("/api/v1/mail")
    List<MailInbox.StoredMail> list(@RequestParam(defaultValue = MailInbox.QUARANTINED) String status) {
        return inbox.withStatus(ApiProblem.oneOf("status", status,
                List.of(MailInbox.RECEIVED, MailInbox.PROCESSED, MailInbox.QUARANTINED)), 500);
    }

    @GetMapping("/api/v1/mail/{id}")
    MailInbox.StoredMail one(@PathVariable UUID id) {
        return inbox.find(id).orElseThrow(() -> ApiProblem.notFound("thư", "mail"));
    }

    /** The mail byte for byte as it arrived (personal data: the read is logged). */
    @GetMapping("/api/v1/mail/{id}/raw")
    ResponseEntity<byte[]> raw(@PathVariable UUID id) {
        String operator = access.actorLabel();
        inbox.find(id).orElseThrow(() -> ApiProblem.notFound("thư", "mail"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
                .body(inbox.raw(id, operator, "read"));
    }

    @PostMapping("/api/v1/mail/{id}/reprocess")
    MailIntake.Decision reprocess(@PathVariable UUID id) {
        return intake.reprocess(id, access.actorLabel());
    }

    /**
     * An operator's judgement that a mail the hub set aside is an item after all (held in quarantine, taken for a
     * robot's, refused as out of scope, answered as a resend): a case opens from it as from a mail just read, the
     * operator named in its history; the same as "open as a case" on the console's mail desk.
     */
    @PostMapping("/api/v1/mail/{id}/open-as-case")
    MailIntake.Decision openAsCase(@PathVariable UUID id) {
        return intake.openAsCase(id, access.actorLabel());
    }
}
