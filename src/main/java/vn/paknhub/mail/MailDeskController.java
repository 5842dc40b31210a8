package vn.paknhub.mail;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.console.ConsolePage;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * The operators' mail desk: the quarantine (mails that failed again and again, floods and suspect files held
 * back) and the mails the hub answered nobody for (taken for a robot's) or refused as out of scope; a mail read
 * as it arrived (the read logged under the operator's name), reprocessed after a fix, or opened as a case when
 * a person judges it is one.
 */
@ConsolePage
@CentralOfficeOnly
class MailDeskController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** The views of the desk: the quarantine, and the processed mails that opened no case, by why. */
    static final List<String> VIEWS = List.of(MailInbox.QUARANTINED, MailIntake.Outcome.NOT_ANSWERED.name(),
            MailIntake.Outcome.OUT_OF_SCOPE.name(), MailIntake.Outcome.DUPLICATE.name(),
            MailIntake.Outcome.CASE_OPENED.name());
    private static final int PAGE = 200;

    private final AgencyAccess access;
    private final MailInbox inbox;
    private final MailIntake intake;
    private final ZoneId zone;

    MailDeskController(AgencyAccess access, MailInbox inbox, MailIntake intake, CaseSettings settings) {
        this.access = access;
        this.inbox = inbox;
        this.intake = intake;
        this.zone = settings.timeZone();
    }

    record Row(UUID id, String received, int size, String subject, String outcome, String reason, String caseCode,
            int attempts) {
    }

    /** A view of the desk, narrowed by words of the subject and the sender's address, a page at a time. */
    @GetMapping("/console/mail")
    String list(@RequestParam(defaultValue = MailInbox.QUARANTINED) String view,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String sender,
            @RequestParam(required = false) String cursor, Model model) {
        String shown = ApiProblem.oneOf("view", view, VIEWS);
        boolean quarantine = MailInbox.QUARANTINED.equals(shown);
        MailInbox.Search q = new MailInbox.Search(quarantine ? MailInbox.QUARANTINED : MailInbox.PROCESSED,
                quarantine ? null : shown, blank(sender), blank(subject), null, null);
        MailInbox.Page page = inbox.search(q, PAGE, blank(cursor));
        model.addAttribute("view", shown);
        model.addAttribute("views", VIEWS);
        model.addAttribute("subject", subject == null ? "" : subject);
        model.addAttribute("sender", sender == null ? "" : sender);
        model.addAttribute("next", page.next());
        model.addAttribute("rows", page.mails().stream().map(m -> new Row(m.id(),
                WHEN.format(m.receivedAt().atZoneSameInstant(zone)), m.sizeBytes(), m.subject(), m.outcome(),
                m.outcomeReason() != null ? m.outcomeReason() : m.lastError(), m.caseCode(), m.attempts())).toList());
        return "console/mail-list";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The mail as the hub read it, and byte for byte as it arrived (personal data: the read is logged). */
    @GetMapping("/console/mail/{id}")
    String mail(@PathVariable UUID id, Model model) {
        MailInbox.StoredMail m = inbox.find(id).orElseThrow(() -> ApiProblem.notFound("thư", "mail"));
        byte[] raw = inbox.raw(id, access.actorLabel(), "read in the console");
        model.addAttribute("m", m);
        model.addAttribute("received", WHEN.format(m.receivedAt().atZoneSameInstant(zone)));
        model.addAttribute("read", intake.readStored(raw).orElse(null));
        // raw MIME is 7-bit or UTF-8 in practice; anything else shows as replacement characters, never as markup
        model.addAttribute("raw", new String(raw, StandardCharsets.UTF_8));
        model.addAttribute("openable", m.openableAsCase());
        return "console/mail";
    }

    @PostMapping("/console/mail/{id}/reprocess")
    String reprocess(@PathVariable UUID id, RedirectAttributes flash) {
        try {
            MailIntake.Decision d = intake.reprocess(id, access.actorLabel());
            flash.addFlashAttribute("done", d.outcome().name() + (d.caseCode() == null ? "" : " " + d.caseCode()));
        } catch (ApiProblem p) {
            flash.addFlashAttribute("refused", p.errors().isEmpty() ? p.titleVi() : p.errors().get(0).message());
        }
        return "redirect:/console/mail/" + id;
    }

    @PostMapping("/console/mail/{id}/open")
    String open(@PathVariable UUID id, RedirectAttributes flash) {
        try {
            MailIntake.Decision d = intake.openAsCase(id, access.actorLabel());
            flash.addFlashAttribute("done", d.caseCode());
            return "redirect:/console/cases/" + d.caseCode();
        } catch (ApiProblem p) {
            flash.addFlashAttribute("refused", p.errors().isEmpty() ? p.titleVi() : p.errors().get(0).message());
            return "redirect:/console/mail/" + id;
        }
    }
}
