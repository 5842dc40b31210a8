package vn.paknhub.mail;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
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

    /** Statuses to filter by; ANY: every status (the default when an outcome is asked for). */
    static final List<String> STATUSES = List.of(MailInbox.RECEIVED, MailInbox.PROCESSED, MailInbox.QUARANTINED, "ANY");

    /**
     * The mails, newest first, {@code limit} a page (at most 500), filtered by status (the quarantine when nothing
     * else is asked), outcome, sender's exact address, words of the subject and time of receipt. The next page is
     * named by the {@code Link: <…>; rel="next"} header (RFC 8288), absent on the last page.
     */
    @GetMapping("/api/v1/mail")
    ResponseEntity<List<MailInbox.StoredMail>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String sender,
            @RequestParam(required = false) String subject, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime until, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String cursor) {
        MailInbox.Search q = search(status, outcome, sender, subject, since, until);
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiProblem.invalid("limit", "limit", "Số thư mỗi trang từ 1 đến " + MAX_PAGE + ".",
                    "The page size is between 1 and " + MAX_PAGE + ".");
        }
        MailInbox.Page page = inbox.search(q, limit, blank(cursor));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (page.next() != null) {
            answer.header(HttpHeaders.LINK, "<" + ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", page.next()).build().toUriString() + ">; rel=\"next\"");
        }
        return answer.body(page.mails());
    }

    private static final int MAX_PAGE = 500;

    /** The filters as asked, checked: unknown statuses and outcomes are named, blank ones are no filter. */
    static MailInbox.Search search(String status, String outcome, String sender, String subject, OffsetDateTime since,
            OffsetDateTime until) {
        String o = blank(outcome) == null ? null : ApiProblem.oneOf("outcome", outcome.strip(),
                Arrays.stream(MailIntake.Outcome.values()).map(Enum::name).toList());
        String st = blank(status) == null ? (o == null ? MailInbox.QUARANTINED : null)
                : ApiProblem.oneOf("status", status.strip(), STATUSES);
        return new MailInbox.Search("ANY".equals(st) ? null : st, o, blank(sender), blank(subject), since, until);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
