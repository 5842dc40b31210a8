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
        double confidence, String reasonVi, String reasonEn, List<String> evidence, List<Candidate> candidates) {

    /**
     * A body the item may be for, as the classifier read it: which reading (the form, a "Kính gửi" line, a
     * request in a sentence, a mention), how sure, and the writer's words. A person at the triage desk sees
     * them all.
     */
    public record Candidate(String agency, String reading, double confidence, String evidence) {
    }

    /** The article the decision applies. */
    public enum Rule {
        D10_1("D10.1"), D10_2A("D10.2a"), D10_2B("D10.2b"), D10_3("D10.3"), D10_4("D10.4"), D11_2C("D11.2c"),
        /** the same person's item again after it was answered: the Central Party Office decides (Đ11.2e) */
        D11_2E("D11.2e"),
        /** the classification is too uncertain to act on: a person decides */
        LOW_CONFIDENCE("LOW_CONFIDENCE");

        /**
         * Whether the Central Party Office routes the item because the regulation gives it that duty (Đ10.1,
         * Đ10.4, Đ11.2c) rather than because the machine's reading needs a person's check.
         */
        public boolean centralOfficesDuty() {
            return this == D10_1 || this == D10_4 || this == D11_2C || this == D11_2E;
        }

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
        if (triage) {
            // the two queues of the triage desk: the office's own routing duty, or a reading to check
            d.put("triageKind", rule.centralOfficesDuty() ? "ROUTE" : "CHECK");
            d.put("candidates", candidates.stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("agency", c.agency());
                m.put("reading", c.reading());
                m.put("confidence", c.confidence());
                m.put("evidence", c.evidence());
                return m;
            }).toList());
        }
        return d;
    }
}
