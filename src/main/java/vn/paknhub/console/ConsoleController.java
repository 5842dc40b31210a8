package vn.paknhub.console;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.agency.CaseParticipation;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseRepository;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.CaseState;
import vn.paknhub.intake.FieldCatalogue;
import vn.paknhub.casefile.Channel;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The officers' console (Đ5.3), server-rendered: the body's inbox first. An officer sees the cases of the
 * body the identity provider names for them (the cases it leads and those it coordinates); the Central Party
 * Office's people see every case it handles or supervises, forwarded ones included.
 */
@ConsolePage
class ConsoleController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AgencyAccess access;
    private final CaseRepository cases;
    private final CaseParticipation participation;
    private final FieldCatalogue fields;
    private final CaseSettings settings;
    private final Clock clock;

    ConsoleController(AgencyAccess access, CaseRepository cases, CaseParticipation participation, FieldCatalogue fields,
            CaseSettings settings, Clock clock) {
        this.access = access;
        this.cases = cases;
        this.participation = participation;
        this.fields = fields;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One line of the inbox: no personal data (the submitter is read on the case page, and that read is logged).
     *
     * @param late the nearest due day has passed
     */
    record InboxRow(String code, String title, String state, String field, String channel, String received, String due,
            boolean late) {
    }

    @GetMapping({"/console", "/console/"})
    String inbox(@RequestParam(required = false) CaseState state, @RequestParam(required = false) String field,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) CaseRepository.DeadlineFilter deadline,
            @RequestParam(required = false) String q, Model model, Locale locale) {
        String agency = access.authenticate();
        boolean english = "en".equals(locale.getLanguage());
        boolean central = access.isCentralOffice(agency);
        LocalDate today = clock.instant().atZone(settings.timeZone()).toLocalDate();
        List<String> coordinated = central ? List.of() : participation.coordinatedBy(agency, 1000, 0);
        List<InboxRow> rows = cases.inbox(agency, central, coordinated,
                new CaseRepository.InboxFilter(state, field, channel, deadline, q), today, 50).stream()
                .map(line -> row(line, today, english)).toList();
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("rows", rows);
        model.addAttribute("states", CaseState.values());
        model.addAttribute("state", state);
        model.addAttribute("fields", fields.all());
        model.addAttribute("field", field);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("channel", channel);
        model.addAttribute("deadlines", CaseRepository.DeadlineFilter.values());
        model.addAttribute("deadline", deadline);
        return "console/inbox";
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

    private InboxRow row(CaseRepository.InboxLine line, LocalDate today, boolean english) {
        CaseFile c = line.caseFile();
        return new InboxRow(c.code(), c.title(), english ? c.state().labelEn() : c.state().labelVi(),
                c.fieldCode() == null ? "—" : c.fieldCode(), c.channel().name(),
                DAY.format(c.receivedAt().atZone(settings.timeZone())),
                line.nextDue() == null ? "—" : DATE.format(line.nextDue()),
                line.nextDue() != null && line.nextDue().isBefore(today));
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
