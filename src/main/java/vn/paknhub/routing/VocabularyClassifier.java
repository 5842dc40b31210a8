package vn.paknhub.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.agency.AgencyDirectory.Agency;
import vn.paknhub.agency.AgencyKind;
import vn.paknhub.core.text.CsvTable;
import vn.paknhub.core.text.FoldedText;
import vn.paknhub.core.text.VietnameseText;
import vn.paknhub.routing.Classification.AddresseeFinding;
import vn.paknhub.routing.Classification.AddresseeSource;
import vn.paknhub.routing.Classification.FieldFinding;
import vn.paknhub.routing.Classification.ProcedureFinding;

/**
 * Classifies by vocabulary: weighted terms per Đ6 field (reference/field-vocabulary.csv), the
 * national administrative-procedure code format, and the names of the bodies in the agency
 * registry with their common forms (reference/agency-aliases.csv, "UBND tỉnh …").
 */
public final class VocabularyClassifier implements Classifier {

    /**
     * How sure the words must be of another field to file an item away from the field its submitter picked: one
     * strong term with no rival (0.75) or more.
     */
    static final double RECLASSIFY_CONFIDENCE = 0.75;

    /** Field b of Đ6.1: administrative procedures. Its vocabulary is the procedure vocabulary. */
    static final String PROCEDURE_FIELD = "b";

    /** 1.000656, 2.000908, 1.000656.000.00.00.H29, 1.000948.H38 (reference/notes.md §4.3). */
    private static final Pattern PROCEDURE_CODE = Pattern.compile(
            "(?<![\\d.])[1-3]\\.\\d{6}(?:\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}|\\.[A-Z]\\d{2})?(?![\\d]|\\.\\d)");

    /** A salutation line: "Kính gửi:", "Đồng kính gửi:", "Gửi:" (folded). */
    private static final Pattern SALUTATION = Pattern.compile("^(?:[-*•\\s]*)(dong )?(?:kinh )?gui\\b");

    private static final Pattern BULLET = Pattern.compile("^[-+*•]");

    /** A request to a body that follows directly: "đề nghị Bộ Y tế", "kính đề nghị UBND tỉnh …". */
    private static final Pattern REQUEST_BEFORE = Pattern.compile(
            "(?:de nghi|kien nghi|de xuat|mong|yeu cau|kinh mong|xin) (?:voi )?$");

    /**
     * Words that make a province's name part of another body's name (folded, just before it): a steering
     * committee of the province, or its People's Council, is not its People's Committee (folded).
     */
    private static final Pattern STEERING_BEFORE = Pattern.compile("ban chi dao\\b[^.;:]*$");
    private static final Pattern COUNCIL_BEFORE = Pattern.compile("(?:hoi dong nhan dan|hdnd)\\s*$");
    /**
     * The writer speaking of themselves ("tôi là nông dân ở tỉnh Đồng Tháp", "trú tại …", "quê …"): a place
     * named there is where they live, not whom they write to.
     */
    private static final Pattern SELF_BEFORE = Pattern.compile(
            "(?:toi (?:la|ten|o|song|dang song|sinh song|cu tru|lam viec|cong tac)|tru tai|thuong tru|cu tru tai|dia chi"
                    + "|que(?: quan)?|sinh song (?:tai|o)|den tu|nguoi dan|cu dan|nong dan|doanh nghiep (?:tai|o))"
                    + "[^.;!?]*$");
    /** A provincial department ("Sở Khoa học và Công nghệ [tỉnh] Gia Lai"): the province's own body (folded). */
    private static final Pattern DEPARTMENT = Pattern.compile("(?<![a-z0-9])so (?=[a-z&])");

    private final AgencyDirectory directory;
    private final TermIndex<String> addressees;
    /** A province by its bare name ("gia lai", "ho chi minh"), read only after a department's name. */
    private final TermIndex<String> places;
    private final TermIndex<String> fieldTerms;
    private final Map<String, Integer> weights = new HashMap<>();

    public VocabularyClassifier(AgencyDirectory directory, InputStream fieldVocabulary, InputStream aliases) {
        this.directory = directory;
        Map<String, String> names = new LinkedHashMap<>();
        for (Agency a : directory.all()) {
            commonForms(a).forEach(form -> names.putIfAbsent(form, a.code()));
        }
        for (CsvTable.Row r : CsvTable.read(aliases, "agency aliases", List.of("code", "alias"))) {
            String code = directory.find(r.get(0)).map(Agency::code).orElseThrow(() -> new IllegalArgumentException(
                    "agency aliases: line " + r.line() + ": unknown agency " + r.get(0)));
            names.put(r.get(1), code);
        }
        this.addressees = new TermIndex<>(names);
        Map<String, String> bare = new LinkedHashMap<>();
        for (Agency a : directory.all()) {
            if (a.kind() == AgencyKind.PROVINCE) {
                bare.put(a.nameVi().replaceFirst("^(Tỉnh|Thành phố) ", ""), a.code());
            }
        }
        this.places = new TermIndex<>(bare);
        Map<String, String> terms = new LinkedHashMap<>();
        for (CsvTable.Row r : CsvTable.read(fieldVocabulary, "field vocabulary", List.of("field", "term", "weight"))) {
            String key = TermIndex.key(r.get(1));
            terms.put(r.get(1), r.get(0) + "|" + key);
            weights.put(r.get(0) + "|" + key, Integer.parseInt(r.get(2)));
        }
        this.fieldTerms = new TermIndex<>(terms);
    }

    public static VocabularyClassifier fromResources(AgencyDirectory directory, ClassLoader loader) {
        try (InputStream vocabulary = loader.getResourceAsStream("reference/field-vocabulary.csv");
                InputStream aliases = loader.getResourceAsStream("reference/agency-aliases.csv")) {
            return new VocabularyClassifier(directory, vocabulary, aliases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ways a body's name is written: its official name and, for a province, its People's Committee. */
    private static List<String> commonForms(Agency a) {
        List<String> forms = new ArrayList<>(List.of(a.nameVi()));
        if (a.kind() == AgencyKind.PROVINCE) {
            String place = a.nameVi().replaceFirst("^(Tỉnh|Thành phố) ", "");
            String unit = a.nameVi().startsWith("Thành phố") ? "thành phố" : "tỉnh";
            for (String committee : List.of("UBND", "Ủy ban nhân dân")) {
                forms.add(committee + " " + unit + " " + place);
                forms.add(committee + " " + place);
            }
            if (unit.equals("thành phố")) {
                forms.add("UBND TP " + place);
            }
        }
        return forms;
    }

    @Override
    public Classification classify(String title, String content, String statedFieldCode, String statedAddressee) {
        String text = (title == null ? "" : title) + "\n" + (content == null ? "" : content);
        FoldedText folded = VietnameseText.foldTracked(text);
        FieldFinding field = field(folded, statedFieldCode);
        return new Classification(field, procedure(text, folded, field, statedFieldCode),
                addressees(text, statedAddressee));
    }

    /**
     * The item's Đ6 field: the submitter's choice stands, but is checked against the words: when they clearly
     * speak of another field, the finding says so and is less sure (staff see both); otherwise the field the
     * words point to.
     */
    private FieldFinding field(FoldedText text, String stated) {
        FieldFinding read = fieldOfWords(text);
        if (stated == null || stated.isBlank()) {
            return read;
        }
        String chosen = "lĩnh vực do người gửi chọn / chosen by the submitter";
        // classifying is the receiving side's duty (Đ11.2): a field the words never speak of, where they clearly
        // speak of another, was picked by mistake; the item is filed under the words' field, the pick is kept in
        // its submission and named here
        if (read.fieldCode() != null && !read.fieldCode().equals(stated) && read.confidence() >= RECLASSIFY_CONFIDENCE
                && scores(text).getOrDefault(stated, 0) == 0) {
            List<String> evidence = new ArrayList<>(List.of("người gửi chọn lĩnh vực " + stated + ", nội dung không nói"
                    + " về lĩnh vực đó / the submitter chose field " + stated + ", which the words never speak of"));
            evidence.addAll(read.evidence());
            return new FieldFinding(read.fieldCode(), read.confidence(), evidence);
        }
        if (read.fieldCode() != null && !read.fieldCode().equals(stated) && read.confidence() >= 0.6) {
            List<String> evidence = new ArrayList<>(List.of(chosen, "nội dung nghiêng về lĩnh vực " + read.fieldCode()
                    + " / the words point to field " + read.fieldCode()));
            evidence.addAll(read.evidence());
            return new FieldFinding(stated, Confidence.round(1 - read.confidence()), evidence);
        }
        return new FieldFinding(stated, 1.0, List.of(chosen));
    }

    /** The weight of evidence for each field the words speak of. */
    private Map<String, Integer> scores(FoldedText text) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        evidenceByField(text, scores);
        return scores;
    }

    private Map<String, List<String>> evidenceByField(FoldedText text, Map<String, Integer> scores) {
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TermIndex.Hit<String> hit : fieldTerms.find(text)) {
            if (seen.add(hit.value())) {
                String code = hit.value().substring(0, hit.value().indexOf('|'));
                scores.merge(code, weights.get(hit.value()), Integer::sum);
                evidence.computeIfAbsent(code, c -> new ArrayList<>()).add(hit.evidence());
            }
        }
        return evidence;
    }

    private FieldFinding fieldOfWords(FoldedText text) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        Map<String, List<String>> evidence = evidenceByField(text, scores);
        List<Map.Entry<String, Integer>> ranked = scores.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
        if (ranked.isEmpty()) {
            return new FieldFinding(null, 0, List.of());
        }
        int top = ranked.get(0).getValue();
        int second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        // One strong term alone is 0.75; a rival field with as much evidence brings it under 0.5.
        double confidence = top / (top + second + 1.0);
        String code = ranked.get(0).getKey();
        return new FieldFinding(code, Confidence.round(confidence), evidence.get(code));
    }

    private ProcedureFinding procedure(String text, FoldedText folded, FieldFinding field, String statedField) {
        List<String> evidence = new ArrayList<>();
        double confidence = 0;
        String procedureCode = null;
        Matcher code = PROCEDURE_CODE.matcher(text);
        if (code.find()) {
            procedureCode = code.group();
            evidence.add(procedureCode);
            confidence = 0.95;
        }
        if (PROCEDURE_FIELD.equals(statedField)) {
            evidence.add("lĩnh vực b do người gửi chọn / field b chosen by the submitter");
            confidence = Math.max(confidence, 0.9);
        }
        int weight = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (TermIndex.Hit<String> hit : fieldTerms.find(folded)) {
            if (hit.value().startsWith(PROCEDURE_FIELD + "|") && seen.add(hit.value())) {
                weight += weights.get(hit.value());
                evidence.add(hit.evidence());
            }
        }
        // "thủ tục hành chính" alone (weight 3) is 0.75; "hồ sơ" plus "giấy phép" (2) is 0.5.
        confidence = Math.max(confidence, Math.min(0.85, weight * 0.25));
        return new ProcedureFinding(procedureCode, Confidence.round(confidence), evidence);
    }

    private List<AddresseeFinding> addressees(String text, String stated) {
        Map<String, AddresseeFinding> best = new LinkedHashMap<>();
        if (stated != null && !stated.isBlank()) {
            String whole = directory.find(stated.strip()).map(Agency::code).orElseGet(() -> addressees.whole(stated));
            if (whole != null) {
                keep(best, new AddresseeFinding(whole, AddresseeSource.STATED.confidence(), AddresseeSource.STATED, stated));
            } else {
                for (TermIndex.Hit<String> hit : addressees.find(VietnameseText.foldTracked(stated))) {
                    keep(best, new AddresseeFinding(hit.value(), AddresseeSource.STATED.confidence(),
                            AddresseeSource.STATED, hit.evidence()));
                }
            }
        }
        AddresseeSource listSource = null;
        for (String line : text.split("\n")) {
            FoldedText folded = VietnameseText.foldTracked(line);
            Matcher salutation = SALUTATION.matcher(folded.text());
            // "Kính gửi:" may head a list of bodies, one per bulleted line
            AddresseeSource lineSource = salutation.find()
                    ? salutation.group(1) != null ? AddresseeSource.COPY_SALUTATION : AddresseeSource.SALUTATION
                    : BULLET.matcher(folded.text()).find() ? listSource : null;
            listSource = lineSource;
            for (TermIndex.Hit<String> hit : addressees.find(folded)) {
                String before = folded.text().substring(Math.max(0, hit.start() - 80), hit.start());
                AddresseeSource how = lineSource != null ? lineSource
                        : REQUEST_BEFORE.matcher(before.substring(Math.max(0, before.length() - 20))).find()
                                ? AddresseeSource.REQUEST : AddresseeSource.MENTION;
                String agency = bodyNamed(hit.value(), before, how == AddresseeSource.MENTION);
                if (agency == null || (lineSource == null && headCapitalisedOnly(hit.evidence()))) {
                    continue;
                }
                keep(best, new AddresseeFinding(agency, how.confidence(), how, hit.evidence()));
            }
            departments(folded, lineSource, best);
        }
        List<AddresseeFinding> ordered = new ArrayList<>(best.values());
        // stable: among equals, the order in which the item names them
        ordered.sort(Comparator.comparingDouble(AddresseeFinding::confidence).reversed());
        return ordered;
    }

    /**
     * "Đề nghị Bộ xây dựng nền tảng …" is "the Ministry [already addressed] to build …", not the Ministry of
     * Construction: a ministry's name capitalises the word after "Bộ" ("Bộ Xây dựng", "Bộ Y tế"), so in running text
     * "Bộ" followed by a lower-case word is the ministry the item speaks to and the sentence's own verb. (All in
     * lower case, "bộ xây dựng", the writer uses no capitals at all and the name is taken as written.)
     */
    static boolean headCapitalisedOnly(String written) {
        String[] words = written.strip().split("\\s+");
        return words.length > 1 && words[0].equals("Bộ") && Character.isLowerCase(words[1].charAt(0));
    }

    /**
     * The body a name found in the text stands for, read with the words before it, or null when it names no
     * body of the catalogue: a province's name inside a steering committee's is that committee's (when the
     * catalogue has it), inside its People's Council's is none, and merely mentioned in the writer's words
     * about themselves (not on a "Kính gửi" line, not in a request) is where they live.
     */
    private String bodyNamed(String agency, String before, boolean merelyMentioned) {
        if (directory.find(agency).map(a -> a.kind() != AgencyKind.PROVINCE).orElse(true)) {
            return agency;
        }
        if (STEERING_BEFORE.matcher(before).find()) {
            return directory.find("BCD-" + agency).map(Agency::code).orElse(null);
        }
        if (COUNCIL_BEFORE.matcher(before).find()) {
            return null;
        }
        return merelyMentioned && SELF_BEFORE.matcher(before).find() ? null : agency;
    }

    /**
     * A provincial department named with its province's bare name ("Sở Y tế Gia Lai", "Sở KH&CN TP Hồ Chí
     * Minh"): addressed, the item is the province's (its People's Committee), whose department it is.
     */
    private void departments(FoldedText line, AddresseeSource lineSource, Map<String, AddresseeFinding> best) {
        String text = line.text();
        Matcher department = DEPARTMENT.matcher(TermIndex.searchable(text));
        while (department.find()) {
            // "Sở" itself, not "số" (a number), which folds alike
            if (!line.sourceSpan(department.start(), department.start() + 2).toLowerCase(java.util.Locale.ROOT)
                    .startsWith("sở")) {
                continue;
            }
            String rest = text.substring(department.end(), Math.min(text.length(), department.end() + 120));
            for (TermIndex.Hit<String> place : places.find(VietnameseText.foldTracked(rest))) {
                String between = rest.substring(0, place.start());
                // the department's own name runs up to its place: a few words, no punctuation between
                if (between.isBlank() || (between.split(" ").length <= 10 && !between.matches(".*[.,;:()].*"))) {
                    String before = text.substring(Math.max(0, department.start() - 20), department.start());
                    AddresseeSource how = lineSource != null ? lineSource
                            : REQUEST_BEFORE.matcher(before).find() ? AddresseeSource.REQUEST : AddresseeSource.MENTION;
                    keep(best, new AddresseeFinding(place.value(), how.confidence(), how,
                            line.sourceSpan(department.start(), department.end() + place.start() + place.term().length())));
                }
                break;
            }
        }
    }

    private static void keep(Map<String, AddresseeFinding> best, AddresseeFinding f) {
        best.merge(f.agency(), f, (old, neu) -> neu.confidence() > old.confidence() ? neu : old);
    }

}
