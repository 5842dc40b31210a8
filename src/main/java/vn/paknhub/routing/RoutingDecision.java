package vn.paknhub.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an item goes and why. Either it is sent on to the bodies in {@code destinations} (a lead
 * body and any coordinating bodies, Đ11.2đ), or it waits in the Central Party Office's triage queue
 * ({@code triage}) for a person to classify it.
 */
public record RoutingDecision(Rule rule, boolean triage, String leadAgency, List<Destination> destinations,
        double confidence, String reasonVi, String reasonEn, List<String> evidence) {

    /** The article the decision applies. */
    public enum Rule {
        D10_1("D10.1"), D10_2A("D10.2a"), D10_2B("D10.2b"), D10_3("D10.3"), D10_4("D10.4"), D11_2C("D11.2c"),
        /** the classification is too uncertain to act on: a person decides */
        LOW_CONFIDENCE("LOW_CONFIDENCE");

        private final String label;

        Rule(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Role {
        LEAD, COORDINATING
    }

    /** @param system the connected system that receives it, or null for the hub's agency inbox */
    public record Destination(String agency, String system, Role role) {
    }

    public List<String> coordinatingAgencies() {
        return destinations.stream().filter(d -> d.role() == Role.COORDINATING).map(Destination::agency).toList();
    }

    public String reason() {
        return reasonVi + " / " + reasonEn;
    }

    /** The decision as recorded in the case history. */
    public Map<String, Object> asDetails() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rule", rule.label());
        d.put("triage", triage);
        d.put("leadAgency", leadAgency);
        d.put("destinations", destinations.stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("agency", x.agency());
            m.put("system", x.system() == null ? "inbox" : x.system());
            m.put("role", x.role().name());
            return m;
        }).toList());
        d.put("confidence", confidence);
        d.put("evidence", evidence);
        return d;
    }
}
