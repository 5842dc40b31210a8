package vn.paknhub.routing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.agency.AgencyDirectory.Agency;
import vn.paknhub.agency.AgencyKind;
import vn.paknhub.routing.Classification.AddresseeFinding;
import vn.paknhub.routing.Classification.AddresseeSource;
import vn.paknhub.routing.RoutingDecision.Candidate;
import vn.paknhub.routing.RoutingDecision.Destination;
import vn.paknhub.routing.RoutingDecision.Role;
import vn.paknhub.routing.RoutingDecision.Rule;

/**
 * Đ10 rules 1–4, returns to the Central Party Office (Đ11.2c) and multi-body items (Đ11.2đ), as a
 * pure function of a classification. Nothing is guessed: what the rules cannot decide with enough
 * confidence goes to the Central Party Office's triage queue, which is also where rules 1 and 4 send
 * items ("VPTW classifies, receives and forwards").
 */
public final class RoutingPolicy {

    /** Bodies of Đ10.2: ministries, ministry-level and government agencies, provincial People's Committees. */
    private static final Set<AgencyKind> STATE_BODIES = EnumSet.of(AgencyKind.MINISTRY, AgencyKind.MINISTRY_LEVEL,
            AgencyKind.GOV_AGENCY, AgencyKind.PROVINCE);

    private final AgencyDirectory directory;
    private final RoutingSettings settings;
    private final String centralOffice;

    public RoutingPolicy(AgencyDirectory directory, RoutingSettings settings, String centralOffice) {
        this.directory = directory;
        this.settings = settings;
        this.centralOffice = centralOffice;
    }

    public RoutingDecision decide(Classification c) {
        List<AddresseeFinding> addressed = new ArrayList<>();
        List<AddresseeFinding> doubtful = new ArrayList<>();
        for (AddresseeFinding f : c.addressees()) {
            (f.confidence() >= settings.addresseeMinConfidence() ? addressed : doubtful).add(f);
        }
        List<Candidate> candidates = c.addressees().stream().map(f -> new Candidate(f.agency(), f.how().name(),
                f.confidence(), f.evidence())).toList();
        if (addressed.isEmpty()) {
            if (!doubtful.isEmpty()) {
                AddresseeFinding named = doubtful.get(0);
                return triage(Rule.LOW_CONFIDENCE, named.confidence(),
                        "Nội dung nhắc tới " + nameVi(named.agency()) + " nhưng không rõ là nơi nhận; Văn phòng Trung ương Đảng phân loại (Điều 10.4)",
                        "The item mentions " + nameEn(named.agency()) + " but does not clearly address it; the Central Party Office classifies it (Art. 10.4)",
                        List.of(named.evidence()), candidates);
            }
            return triage(Rule.D10_4, 1.0, "Không xác định được cơ quan nhận (Điều 10.4)",
                    "No recipient could be determined (Art. 10.4)", List.of(), candidates);
        }
        // Đ10.1 first: an item to the Party's leadership goes through the Central Party Office, whatever other
        // body it also names
        for (AddresseeFinding f : addressed) {
            Agency body = directory.find(f.agency()).orElseThrow();
            // the office too: it is the Central Steering Committee's standing body (Cơ quan Thường trực), which
            // Đ10.1 names, wherever the item names it
            if (receivedByCentralOffice(body)) {
                return triage(Rule.D10_1, f.confidence(),
                        "Gửi " + body.nameVi() + ": Văn phòng Trung ương Đảng phân loại, tiếp nhận và chuyển (Điều 10.1)",
                        "Addressed to " + body.nameEn() + ": the Central Party Office classifies, receives and "
                                + "forwards it (Art. 10.1)", addressed.stream().map(AddresseeFinding::evidence).toList(),
                        candidates);
            }
        }
        Optional<RoutingDecision> contradiction = contradiction(addressed, candidates);
        if (contradiction.isPresent()) {
            return contradiction.get();
        }
        AddresseeFinding lead = addressed.get(0);
        Agency leadBody = directory.find(lead.agency()).orElseThrow();
        List<String> evidence = new ArrayList<>(List.of(lead.evidence()));
        Rule rule;
        double confidence = lead.confidence();
        String reasonVi;
        String reasonEn;
        if (STATE_BODIES.contains(leadBody.kind())) {
            double procedure = c.procedure().confidence();
            if (procedure >= settings.procedureMinConfidence()) {
                rule = Rule.D10_2A;
                confidence = Math.min(confidence, procedure);
                evidence.addAll(c.procedure().evidence());
                reasonVi = "Gửi " + leadBody.nameVi() + ", nội dung về thủ tục hành chính: chuyển Hệ thống PAKN của "
                        + "Cổng Dịch vụ công quốc gia (Điều 10.2a)";
                reasonEn = "Addressed to " + leadBody.nameEn() + " about an administrative procedure: sent to the PAKN "
                        + "system of the National Public Service Portal (Art. 10.2a)";
            } else if (procedure >= settings.procedureDoubtConfidence()) {
                List<String> doubt = new ArrayList<>(evidence);
                doubt.addAll(c.procedure().evidence());
                return triage(Rule.LOW_CONFIDENCE, Math.min(confidence, 1 - procedure),
                        "Gửi " + leadBody.nameVi() + " nhưng không rõ có phải về thủ tục hành chính (Điều 10.2a hay 10.2b)",
                        "Addressed to " + leadBody.nameEn() + " but unclear whether about an administrative "
                                + "procedure (Art. 10.2a or 10.2b)", doubt, candidates);
            } else {
                rule = Rule.D10_2B;
                confidence = Math.min(confidence, 1 - procedure);
                reasonVi = "Gửi " + leadBody.nameVi() + ", không về thủ tục hành chính: chuyển " + reach(leadBody, true)
                        + " (Điều 10.2b)";
                reasonEn = "Addressed to " + leadBody.nameEn() + ", not about an administrative procedure: sent to "
                        + reach(leadBody, false) + " (Art. 10.2b)";
            }
        } else {
            rule = Rule.D10_3;
            reasonVi = "Gửi " + leadBody.nameVi() + ": cơ quan này phân loại, tiếp nhận và xử lý, qua "
                    + reach(leadBody, true) + " (Điều 10.3)";
            reasonEn = "Addressed to " + leadBody.nameEn() + ": that body classifies, receives and handles it, through "
                    + reach(leadBody, false) + " (Art. 10.3)";
        }
        List<Destination> destinations = new ArrayList<>();
        destinations.add(new Destination(leadBody.code(), systemFor(leadBody, rule), Role.LEAD));
        Set<String> coordinating = new LinkedHashSet<>();
        for (AddresseeFinding other : addressed.subList(1, addressed.size())) {
            Agency body = directory.find(other.agency()).orElseThrow();
            if (!receivedByCentralOffice(body) && coordinating.add(body.code())) {
                destinations.add(new Destination(body.code(), systemFor(body, rule), Role.COORDINATING));
                evidence.add(other.evidence());
            }
        }
        if (!coordinating.isEmpty()) {
            reasonVi += "; " + leadBody.nameVi() + " chủ trì, phối hợp với " + coordinating.size() + " cơ quan (Điều 11.2đ)";
            reasonEn += "; " + leadBody.nameEn() + " leads, with " + coordinating.size() + " coordinating bodies (Art. 11.2đ)";
        }
        return new RoutingDecision(rule, false, leadBody.code(), List.copyOf(destinations), Confidence.round(confidence),
                reasonVi, reasonEn, List.copyOf(evidence), candidates);
    }

    /**
     * A body sent the item back because it cannot find the competent body (Đ11.2c): the Central
     * Party Office decides again.
     */
    public RoutingDecision returned(String byAgency, String reason) {
        return triage(Rule.D11_2C, 1.0, nameVi(byAgency) + " trả lại Văn phòng Trung ương Đảng (Điều 11.2c): " + reason,
                nameEn(byAgency) + " returned the item to the Central Party Office (Art. 11.2c): " + reason,
                List.of(reason), List.of());
    }

    /**
     * The same person sent the same item again after it was answered (Đ11.2e): the Central Party Office
     * decides whether it is new, rather than the body that answered it once.
     */
    public RoutingDecision repeatAfterAnswer(String earlier, double similarity, List<Candidate> candidates) {
        return triage(Rule.D11_2E, 1.0, "Người gửi đã gửi nội dung tương tự (" + earlier + ", độ giống " + similarity
                        + ") và đã được trả lời: Văn phòng Trung ương Đảng xem xét (Điều 11.2e)",
                "The same person sent a similar item (" + earlier + ", similarity " + similarity + ") that was already"
                        + " answered: the Central Party Office decides (Art. 11.2e)", List.of(earlier), candidates);
    }

    /** Where a coordinating body receives a 10.2a item: state bodies through the portal too. */
    private String systemFor(Agency body, Rule rule) {
        return rule == Rule.D10_2A && STATE_BODIES.contains(body.kind()) ? settings.nationalPortalSystem()
                : body.system();
    }

    private boolean receivedByCentralOffice(Agency body) {
        return body.kind() == AgencyKind.PARTY_LEADERSHIP || body.code().equals(centralOffice)
                || settings.centralSteeringBodies().contains(body.code());
    }

    /**
     * Two readings of the addressee that cannot both hold, which the regulation leaves to a person (Đ10.4):
     * the form names one body and the letter's "Kính gửi" another; or the bodies the item is addressed to
     * fall under different branches of Đ10 (a ministry or province, Đ10.2, and a body that handles items
     * itself, Đ10.3), so that no one rule applies. Both readings go to the triage desk.
     */
    private Optional<RoutingDecision> contradiction(List<AddresseeFinding> addressed, List<Candidate> candidates) {
        Set<String> stated = codes(addressed, AddresseeSource.STATED);
        Set<String> saluted = codes(addressed, AddresseeSource.SALUTATION);
        if (!stated.isEmpty() && !saluted.isEmpty() && java.util.Collections.disjoint(stated, saluted)) {
            return Optional.of(triage(Rule.LOW_CONFIDENCE, 0.5,
                    "Nơi nhận trên biểu mẫu (" + names(stated, true) + ") khác nơi nhận ghi trong thư «Kính gửi» ("
                            + names(saluted, true) + "); Văn phòng Trung ương Đảng xác định (Điều 10.4)",
                    "The form's addressee (" + names(stated, false) + ") differs from the letter's salutation ("
                            + names(saluted, false) + "); the Central Party Office decides (Art. 10.4)",
                    evidenceOf(addressed, AddresseeSource.STATED, AddresseeSource.SALUTATION), candidates));
        }
        Set<String> primary = new LinkedHashSet<>(stated);
        primary.addAll(saluted);
        Set<Boolean> branches = new java.util.HashSet<>();
        for (String code : primary) {
            branches.add(STATE_BODIES.contains(directory.find(code).orElseThrow().kind()));
        }
        if (branches.size() > 1) {
            return Optional.of(triage(Rule.LOW_CONFIDENCE, 0.5,
                    "Gửi đồng thời cơ quan thuộc Điều 10.2 và cơ quan tự tiếp nhận, xử lý theo Điều 10.3 ("
                            + names(primary, true) + "); Văn phòng Trung ương Đảng xác định cơ quan chủ trì",
                    "Addressed both to bodies of Art. 10.2 and to bodies that handle items themselves under Art. 10.3 ("
                            + names(primary, false) + "); the Central Party Office decides the lead",
                    evidenceOf(addressed, AddresseeSource.STATED, AddresseeSource.SALUTATION), candidates));
        }
        return Optional.empty();
    }

    private static Set<String> codes(List<AddresseeFinding> findings, AddresseeSource how) {
        Set<String> codes = new LinkedHashSet<>();
        findings.stream().filter(f -> f.how() == how).forEach(f -> codes.add(f.agency()));
        return codes;
    }

    private static List<String> evidenceOf(List<AddresseeFinding> findings, AddresseeSource... how) {
        Set<AddresseeSource> wanted = EnumSet.copyOf(List.of(how));
        return findings.stream().filter(f -> wanted.contains(f.how())).map(f -> f.how().name() + ": " + f.evidence())
                .toList();
    }

    private String names(Set<String> codes, boolean vietnamese) {
        return String.join(", ", codes.stream().map(code -> vietnamese ? nameVi(code) : nameEn(code)).toList());
    }

    private RoutingDecision triage(Rule rule, double confidence, String vi, String en, List<String> evidence,
            List<Candidate> candidates) {
        return new RoutingDecision(rule, true, centralOffice, List.of(), Confidence.round(confidence), vi, en,
                List.copyOf(evidence), candidates);
    }

    private static String reach(Agency body, boolean vietnamese) {
        if (body.hasConnectedSystem()) {
            return vietnamese ? "hệ thống " + body.system() + " của cơ quan" : "its system " + body.system();
        }
        return vietnamese ? "hộp tiếp nhận của cơ quan trên Hub" : "its inbox on the hub";
    }

    private String nameVi(String code) {
        return directory.find(code).map(Agency::nameVi).orElse(code);
    }

    private String nameEn(String code) {
        return directory.find(code).map(Agency::nameEn).orElse(code);
    }

}
