package vn.paknhub.sla;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.console.ConsolePage;

/**
 * The deadlines board: a body's officers see their own body's; the Central Party Office's people (supervisors
 * first) see every body's, or one body's when they pick it.
 */
@ConsolePage
class DeadlineBoardController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AgencyAccess access;
    private final DeadlineBoard board;
    private final CaseSettings settings;
    private final java.time.Clock time;

    DeadlineBoardController(AgencyAccess access, DeadlineBoard board, CaseSettings settings, java.time.Clock time) {
        this.access = access;
        this.board = board;
        this.settings = settings;
        this.time = time;
    }

    @GetMapping("/console/deadlines")
    String deadlines(@RequestParam(required = false) String body, Model model) {
        String agency = access.authenticate();
        String shown = access.isCentralOffice(agency)
                ? (body == null || body.isBlank() ? null : body.strip().toUpperCase(Locale.ROOT)) : agency;
        LocalDate today = time.instant().atZone(settings.timeZone()).toLocalDate();
        model.addAttribute("board", board.board(shown, today, 500));
        model.addAttribute("body", shown);
        model.addAttribute("today", DAY.format(today));
        model.addAttribute("standings", DeadlineBoard.Standing.values());
        return "console/deadlines";
    }
}
