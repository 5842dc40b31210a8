package vn.paknhub.console;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import vn.paknhub.identity.OfficerSignIn;
import vn.paknhub.sla.CaseClocks;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.casefile.ActionInput;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.SimilarItems;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.text.VietnameseText;

/**
 * One case as an officer works it (Đ5.3): the item, the submitter (the read is written in the history
 * under the officer's name), the files, the history, and the steps the state machine allows this body now,
 * each with the reason it needs. A step taken here is recorded as the officer's own, not the body's.
 */
@ConsolePage
class CasePageController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AgencyAccess access;
    private final AgencyDirectory directory;
    private final CaseService cases;
    private final CaseSettings settings;
    private final CaseClocks clocks;
    private final SimilarItems similar;
    private final java.time.Clock clock;
    private final vn.paknhub.publication.Publications publications;

    CasePageController(AgencyAccess access, AgencyDirectory directory, CaseService cases, CaseSettings settings,
            CaseClocks clocks, SimilarItems similar, java.time.Clock clock,
            vn.paknhub.publication.Publications publications) {
        this.publications = publications;
        this.similar = similar;
        this.clock = clock;
        this.access = access;
        this.directory = directory;
        this.cases = cases;
        this.settings = settings;
        this.clocks = clocks;
    }

    /** A deadline of the case as the officer reads it: what, by when, on which article, and whether it runs. */
    record DeadlineRow(String what, int round, int workingDays, String from, String due, String legalBasis, boolean running,
            boolean late) {
    }

    record EventRow(long seq, String at, String action, String states, String actor, String reason) {
    }

    record ActionChoice(String name, String label, boolean reasonRequired, String legalBasis) {
    }

    /** The officer acting, by name: the actor recorded in the case history. */
    private Actor officer(AgencyAccess.Access a) {
        return new Actor(a.actor().role(), access.actorLabel());
    }

    @GetMapping("/console/cases/{code}")
    String casePage(@PathVariable String code, @AuthenticationPrincipal OidcUser person, Model model, Locale locale) {
        AgencyAccess.Access a = access.access(access.authenticate(), code);
        CaseFile c = a.caseFile();
        boolean english = "en".equals(locale.getLanguage());
        SubmitterDetails submitter = cases.readSubmitter(c, officer(a), "console case page");
        model.addAttribute("c", c);
        model.addAttribute("state", english ? c.state().labelEn() : c.state().labelVi());
        model.addAttribute("received", WHEN.format(c.receivedAt().atZone(settings.timeZone())));
        model.addAttribute("assigned", c.assignedAgency() == null ? "—" : directory.find(c.assignedAgency())
                .map(x -> english ? x.nameEn() : x.nameVi()).orElse(c.assignedAgency()));
        model.addAttribute("submitter", submitter);
        model.addAttribute("kind", c.facts().kindLine(english));
        model.addAttribute("submitterType", c.facts().submitterTypeLine(english));
        model.addAttribute("files", cases.attachmentsOf(c));
        model.addAttribute("history", cases.fullHistory(c).stream().map(e -> new EventRow(e.seq(),
                WHEN.format(e.occurredAt().atZone(settings.timeZone())), e.action(),
                e.fromState() == null ? String.valueOf(e.toState()) : e.fromState() + " → " + e.toState(),
                e.actorKind() + (e.actorId() == null ? "" : " " + e.actorId()), e.reason())).toList());
        LocalDate today = clock.instant().atZone(settings.timeZone()).toLocalDate();
        model.addAttribute("deadlines", clocks.of(c.code()).stream().map(k -> new DeadlineRow(
                vn.paknhub.sla.Clock.valueOf(k.clock()).labelVi(), k.round(), k.workingDays(), DATE.format(k.dayZero()),
                DATE.format(k.dueOn()), k.legalBasis(), k.running(), k.running() && k.dueOn().isBefore(today))).toList());
        String agency = access.authenticate();
        model.addAttribute("similar", similar.visibleTo(c.code(), agency, access.isCentralOffice(agency), 5));
        // a supervisor reads; steps are a clerk's or a body officer's (the filter chain refuses the rest too)
        boolean acts = ConsoleBar.has(person, OfficerSignIn.Role.CLERK) || ConsoleBar.has(person, OfficerSignIn.Role.OFFICER);
        model.addAttribute("actions", a.coordinating() || !acts ? List.of() : cases.allowedActions(c, a.actor().role()).stream()
                .sorted().map(x -> new ActionChoice(x.name(), english ? x.labelEn() : x.labelVi(), x.reasonRequired(),
                        x.legalBasis())).toList());
        return "console/case";
    }

    /** A file of the case, downloaded by the officer (the read is written in the case's history under their name). */
    @GetMapping("/console/cases/{code}/files/{id}")
    ResponseEntity<byte[]> file(@PathVariable String code, @PathVariable long id) {
        AgencyAccess.Access a = access.access(access.authenticate(), code);
        return cases.download(a.caseFile(), cases.attachmentOf(a.caseFile(), id), officer(a)).response();
    }

    /** A step on the case: done and shown (post, redirect, get), or refused with the rule that refuses it. */
    @PostMapping("/console/cases/{code}/actions")
    String act(@PathVariable String code, @RequestParam String action, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String targetAgency, RedirectAttributes flash) {
        AgencyAccess.Access a = access.access(access.authenticate(), code).toAct();
        CaseAction step;
        try {
            step = CaseAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("action", "enum", "Thao tác không hợp lệ.", "Not an action.");
        }
        String target = targetAgency == null || targetAgency.isBlank() ? null : targetAgency.trim().toUpperCase(Locale.ROOT);
        try {
            String why = reason == null || reason.isBlank() ? null : VietnameseText.normalize(reason);
            if (step == CaseAction.PUBLISH) {
                // the same publication as the API's: redaction recorded, public row written with the step
                publications.publish(a.caseFile().code(), officer(a), why, null);
            } else {
                cases.apply(a.caseFile().code(), step, officer(a), why, ActionInput.forwardTo(target, Map.of()));
            }
            flash.addFlashAttribute("done", step.labelVi());
        } catch (ApiProblem refused) {
            flash.addFlashAttribute("refused", refused.titleVi());
        } catch (vn.paknhub.casefile.TransitionRefused refused) {
            flash.addFlashAttribute("refused", refused.messageVi() + " (" + refused.rule() + ")");
        }
        return "redirect:/console/cases/" + a.caseFile().code();
    }

}
