package vn.paknhub.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.delivery.ConnectorCatalogue;
import vn.paknhub.delivery.Deliveries;
import vn.paknhub.delivery.Delivery;
import vn.paknhub.operations.ParkedWorkDesk;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * The operators' view of what leaves the hub and what partners send back: deliveries waiting or parked per
 * system, each with the reason, replayed once the cause is fixed; the latest delivered with the partner's
 * own answer (HTTP status, signature verdict); the other parked work (partners' status updates the mapping did
 * not understand, notifications, daily reports, mail) taken up again; the connectors and their problems,
 * reloaded after a file is fixed. The same operations as the deliveries and parked-work APIs, by hand.
 */
@ConsolePage
@CentralOfficeOnly
class DeliveriesPageController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final List<String> STATUSES = List.of(Delivery.PARKED, Delivery.PENDING, Delivery.DELIVERED);
    private static final List<String> KINDS = List.of(Delivery.DISPATCH, Delivery.UPDATE, "NOTICE");

    private final AgencyAccess access;
    private final Deliveries deliveries;
    private final ConnectorCatalogue connectors;
    private final ParkedWorkDesk parked;
    private final ZoneId zone;

    DeliveriesPageController(AgencyAccess access, Deliveries deliveries, ConnectorCatalogue connectors,
            ParkedWorkDesk parked, CaseSettings settings) {
        this.access = access;
        this.deliveries = deliveries;
        this.connectors = connectors;
        this.parked = parked;
        this.zone = settings.timeZone();
    }

    /** @param answer the partner's answer in a line (HTTP status, signature verdict, digest), or null */
    record Row(UUID id, String caseCode, String kind, String agency, String system, int attempts, String lastError,
            String created, String answer) {
    }

    @GetMapping("/console/deliveries")
    String list(@RequestParam(defaultValue = "PARKED") String status, @RequestParam(required = false) String kind,
            Model model) {
        String shown = ApiProblem.oneOf("status", status, STATUSES);
        String ofKind = kind == null || kind.isBlank() ? null : ApiProblem.oneOf("kind", kind, KINDS);
        model.addAttribute("status", shown);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("kind", ofKind);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("backlog", deliveries.backlog());
        model.addAttribute("rows", deliveries.withStatus(shown, ofKind, 200).stream().map(a -> {
            Delivery d = a.delivery();
            return new Row(d.id(), d.caseCode(), d.kind(), d.agency(), d.system(), d.attempts(), d.lastError(),
                    WHEN.format(d.createdAt().atZone(zone)), answer(a.partnerAnswer()));
        }).toList());
        // deliveries are above; the rest of what is parked (status updates from partners first) below
        model.addAttribute("otherParked", parked.list(null, 100).stream().filter(i -> !"delivery".equals(i.kind())).toList());
        model.addAttribute("connectors", connectors.statuses());
        return "console/deliveries";
    }

    static String answer(Map<String, Object> kept) {
        if (kept == null) {
            return null;
        }
        Object sha = kept.get("sha256");
        return "HTTP " + kept.get("httpStatus") + ", " + kept.get("signatureCheck") + (sha == null ? ""
                : ", sha256 " + String.valueOf(sha).substring(0, Math.min(12, String.valueOf(sha).length())) + "…");
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

    /** Any other parked item taken up again, in the operator's name. */
    @PostMapping("/console/parked/{kind}/{id}/replay")
    String replayParked(@PathVariable String kind, @PathVariable String id, RedirectAttributes flash) {
        if (parked.replay(kind, id, access.actorLabel())) {
            flash.addFlashAttribute("done", kind + " " + id);
        } else {
            flash.addFlashAttribute("refused", kind + " " + id + ": không còn bị giữ / no longer parked");
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
