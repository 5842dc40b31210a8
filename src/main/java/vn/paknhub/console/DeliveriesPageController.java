package vn.paknhub.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.delivery.ConnectorCatalogue;
import vn.paknhub.delivery.Deliveries;
import vn.paknhub.delivery.Delivery;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * The operators' view of what leaves the hub: deliveries parked (or pending) per system with the reason,
 * replayed once the cause is fixed; the connectors and their problems, reloaded after a file is fixed.
 * The same operations as the deliveries API, by hand.
 */
@Controller
@CentralOfficeOnly
class DeliveriesPageController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final Deliveries deliveries;
    private final ConnectorCatalogue connectors;
    private final ZoneId zone;

    DeliveriesPageController(Deliveries deliveries, ConnectorCatalogue connectors, CaseSettings settings) {
        this.deliveries = deliveries;
        this.connectors = connectors;
        this.zone = settings.timeZone();
    }

    record Row(UUID id, String caseCode, String kind, String agency, String system, int attempts, String lastError,
            String created) {
    }

    @GetMapping("/console/deliveries")
    String list(@RequestParam(defaultValue = "PARKED") String status, Model model) {
        String shown = ApiProblem.oneOf("status", status, List.of(Delivery.PARKED, Delivery.PENDING));
        model.addAttribute("status", shown);
        model.addAttribute("rows", deliveries.withStatus(shown, 200).stream().map(d -> new Row(d.id(), d.caseCode(), d.kind(),
                d.agency(), d.system(), d.attempts(), d.lastError(), WHEN.format(d.createdAt().atZone(zone)))).toList());
        model.addAttribute("connectors", connectors.statuses());
        return "console/deliveries";
    }

    @PostMapping("/console/deliveries/{id}/replay")
    String replay(@PathVariable UUID id, RedirectAttributes flash) {
        if (deliveries.replay(id)) {
            flash.addFlashAttribute("done", id.toString());
        } else {
            flash.addFlashAttribute("refused", id + ": chỉ gửi lại được lần chuyển đang bị giữ (PARKED)");
        }
        return "redirect:/console/deliveries";
    }

    @PostMapping("/console/connectors/reload")
    String reload(RedirectAttributes flash) {
        long broken = connectors.reload().stream().filter(c -> !c.working()).count();
        flash.addFlashAttribute("reloaded", broken);
        return "redirect:/console/deliveries";
    }

}
