package vn.paknhub.console;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseRepository;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.CaseState;
import vn.paknhub.identity.OfficerSignIn;

/**
 * The officers' console (Đ5.3), server-rendered: the body's inbox first. An officer sees the cases of the
 * body the identity provider names for them; the Central Party Office's clerks see every case it handles.
 */
@Controller
class ConsoleController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final AgencyAccess access;
    private final AgencyDirectory directory;
    private final CaseRepository cases;
    private final CaseSettings settings;

    ConsoleController(AgencyAccess access, AgencyDirectory directory, CaseRepository cases, CaseSettings settings) {
        this.access = access;
        this.directory = directory;
        this.cases = cases;
        this.settings = settings;
    }

    /** One line of the inbox: no personal data (the submitter is read on the case page, and that read is logged). */
    record InboxRow(String code, String title, String state, String field, String channel, String received) {
    }

    @GetMapping({"/console", "/console/"})
    String inbox(@AuthenticationPrincipal OidcUser officer, @RequestParam(required = false) CaseState state,
            @RequestParam(required = false) String q, Model model, Locale locale) {
        String agency = access.authenticate();
        boolean english = "en".equals(locale.getLanguage());
        List<InboxRow> rows = cases.inbox(agency, access.isCentralOffice(agency), state, q, 50).stream()
                .map(c -> row(c, english)).toList();
        model.addAttribute("q", q == null ? "" : q);
        // the pages of the Central Party Office's roles (the filter chain checks the same roles)
        boolean central = access.isCentralOffice(agency);
        model.addAttribute("clerk", central && has(officer, OfficerSignIn.Role.CLERK));
        model.addAttribute("operator", central && has(officer, OfficerSignIn.Role.OPERATOR));
        model.addAttribute("officer", officer.getFullName() != null ? officer.getFullName() : officer.getSubject());
        model.addAttribute("agency", directory.find(agency).map(a -> english ? a.nameEn() : a.nameVi()).orElse(agency));
        model.addAttribute("rows", rows);
        model.addAttribute("states", CaseState.values());
        model.addAttribute("state", state);
        return "console/inbox";
    }

    private static boolean has(OidcUser officer, OfficerSignIn.Role role) {
        return officer.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }

    /** A page of another role: said in words, with the way back. */
    @GetMapping("/console/forbidden")
    String forbidden(Model model, Locale locale) {
        return forbidden(model);
    }

    /** The forbidden page, also shown when method security refuses a page (ConsoleProblems). */
    static String forbidden(Model model) {
        model.addAttribute("title", "Trang này dành cho vai trò khác");
        model.addAttribute("titleEn", "This page is for another role");
        return "console/problem";
    }

    private InboxRow row(CaseFile c, boolean english) {
        return new InboxRow(c.code(), c.title(), english ? c.state().labelEn() : c.state().labelVi(),
                c.fieldCode() == null ? "—" : c.fieldCode(), c.channel().name(),
                DAY.format(c.receivedAt().atZone(settings.timeZone())));
    }

    @GetMapping("/console/signed-out")
    String signedOut() {
        return "console/signed-out";
    }

    /** A sign-in the hub refused: the reason in words, and the way back. */
    @GetMapping("/console/refused")
    String refused(@RequestParam(defaultValue = "error") String reason, Model model) {
        model.addAttribute("reason", java.util.Set.of(vn.paknhub.identity.OfficerSignIn.SECOND_FACTOR_REQUIRED,
                vn.paknhub.identity.OfficerSignIn.NO_BODY).contains(reason) ? reason : "error");
        return "console/refused";
    }
}
