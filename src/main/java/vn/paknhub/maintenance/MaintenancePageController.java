package vn.paknhub.maintenance;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.console.ConsolePage;
import vn.paknhub.core.calendar.WorkingCalendar;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * The operators' desk for Đ16 notices: the notices announced, and a form doing what
 * {@code POST /api/v1/maintenance} does, in the operator's name (times typed in Vietnam's local time).
 */
@ConsolePage
@CentralOfficeOnly
class MaintenancePageController {

    private final MaintenanceAnnouncements announcements;
    private final MaintenanceController api;
    private final AgencyAccess access;
    private final WorkingCalendar calendar;

    MaintenancePageController(MaintenanceAnnouncements announcements, MaintenanceController api, AgencyAccess access,
            WorkingCalendar calendar) {
        this.announcements = announcements;
        this.api = api;
        this.access = access;
        this.calendar = calendar;
    }

    @GetMapping("/console/maintenance")
    String page(Model model) {
        model.addAttribute("notices", api.current());
        if (!model.containsAttribute("v")) {
            model.addAttribute("v", Map.of());
        }
        return "console/maintenance";
    }

    @PostMapping("/console/maintenance")
    String announce(@RequestParam Map<String, String> form, RedirectAttributes flash) {
        try {
            MaintenanceNotices.Announced n = announcements.announce(MaintenanceController.checked(
                    new MaintenanceController.AnnounceRequest(form.get("kind"), form.get("notice"), offset(form.get("startsAt")),
                            offset(form.get("endsAt")), form.get("titleVi"), form.get("messageVi"), form.get("messageEn"))),
                    access.actorLabel());
            flash.addFlashAttribute("done", n.titleVi() + (n.kind() == MaintenanceNotices.Kind.MAINTENANCE
                    ? ". Thời hạn xử lý đã được tính lại." : "."));
        } catch (ApiProblem problem) {
            flash.addFlashAttribute("refused", problem.errors().stream().map(e -> e.message())
                    .reduce((a, b) -> a + " " + b).orElse(problem.titleVi()));
            flash.addFlashAttribute("v", new LinkedHashMap<>(form));
        }
        return "redirect:/console/maintenance";
    }

    /** A {@code datetime-local} value as an instant with Vietnam's offset; anything else passes through to be refused. */
    private String offset(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(calendar.zone()).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }
}
