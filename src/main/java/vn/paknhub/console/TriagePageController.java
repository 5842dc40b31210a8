package vn.paknhub.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
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
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.routing.TriageDesk;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * The Central Party Office's triage queue in the console: each item with the router's rule, reason and
 * evidence; the clerk chooses the lead body, the coordinating bodies, whether it concerns an administrative
 * procedure, and sends it on. The dispatch is recorded under the clerk's name.
 */
@ConsolePage
@CentralOfficeOnly
class TriagePageController {

    private final AgencyAccess access;
    private final TriageDesk desk;
    private final AgencyDirectory directory;
    private final ObjectMapper json;

    TriagePageController(AgencyAccess access, TriageDesk desk, AgencyDirectory directory, ObjectMapper json) {
        this.access = access;
        this.desk = desk;
        this.directory = directory;
        this.json = json;
    }

    /**
     * @param kind       ROUTE: the office routes it by duty (Đ10.1, Đ10.4, Đ11.2c); CHECK: the machine's reading
     *                   needs a person (older records have none: CHECK)
     * @param candidates the bodies the item may be for, each reading with its source and the writer's words
     */
    record Item(String code, String title, String since, String rule, String reason, List<String> evidence, String kind,
            List<String> candidates) {
    }

    record Body(String code, String name) {
    }

    /** The queue a clerk works through on one page, oldest first (the office's own routing duty shown first). */
    private static final int QUEUE_SHOWN = 500;

    @GetMapping("/console/triage")
    String queue(Model model, Locale locale) throws Exception {
        boolean english = "en".equals(locale.getLanguage());
        List<Item> items = new java.util.ArrayList<>();
        for (Map<String, Object> row : desk.queue(QUEUE_SHOWN)) {
            JsonNode d = json.readTree(String.valueOf(row.get("decision")));
            List<String> evidence = new java.util.ArrayList<>();
            d.path("evidence").forEach(e -> evidence.add(e.asText()));
            List<String> candidates = new java.util.ArrayList<>();
            d.path("candidates").forEach(c -> candidates.add(c.path("agency").asText() + " — "
                    + directory.find(c.path("agency").asText()).map(a -> english ? a.nameEn() : a.nameVi()).orElse("?")
                    + " (" + c.path("reading").asText() + ", " + c.path("confidence").asText() + "): «"
                    + c.path("evidence").asText() + "»"));
            items.add(new Item(String.valueOf(row.get("code")), String.valueOf(row.get("title")), String.valueOf(row.get("since")),
                    d.path("rule").asText(), d.path(english ? "reasonEn" : "reasonVi").asText(), evidence,
                    d.path("triageKind").asText("CHECK"), candidates));
        }
        // the office's own routing duty first, then the readings to check
        items.sort(java.util.Comparator.comparing(i -> "ROUTE".equals(i.kind()) ? 0 : 1));
        model.addAttribute("items", items);
        model.addAttribute("bodies", directory.all().stream().map(a -> new Body(a.code(), english ? a.nameEn() : a.nameVi()))
                .sorted(java.util.Comparator.comparing(Body::name)).toList());
        return "console/triage";
    }

    @PostMapping("/console/triage/{code}/dispatch")
    String dispatch(@PathVariable String code, @RequestParam String leadAgency,
            @RequestParam(required = false) String coordinatingAgencies, @RequestParam(required = false) Boolean procedure,
            @RequestParam(required = false) String note, RedirectAttributes flash) {
        String staff = access.actorLabel();
        List<String> coordinating = coordinatingAgencies == null || coordinatingAgencies.isBlank() ? List.of()
                : Arrays.stream(coordinatingAgencies.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        try {
            TriageDesk.Dispatched done = desk.dispatch(code, new TriageDesk.HandClassification(leadAgency, coordinating,
                    procedure, null, note == null || note.isBlank() ? null : note), staff,
                    new Actor(ActorRole.CENTRAL_OFFICE, access.actorLabel()));
            flash.addFlashAttribute("done", code + " → " + done.leadAgency() + " (" + done.rule() + ")");
        } catch (ApiProblem refused) {
            flash.addFlashAttribute("refused", code + ": " + refused.titleVi()
                    + refused.errors().stream().map(e -> " " + e.message()).reduce("", String::concat));
        }
        return "redirect:/console/triage";
    }

}
