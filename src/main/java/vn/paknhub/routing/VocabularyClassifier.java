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

    private final AgencyDirectory directory;
    private final TermIndex<String> addressees;
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

    private FieldFinding field(FoldedText text, String stated) {
        if (stated != null && !stated.isBlank()) {
            return new FieldFinding(stated, 1.0, List.of("lĩnh vực do người gửi chọn / chosen by the submitter"));
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TermIndex.Hit<String> hit : fieldTerms.find(text)) {
            if (seen.add(hit.value())) {
                String code = hit.value().substring(0, hit.value().indexOf('|'));
                scores.merge(code, weights.get(hit.value()), Integer::sum);
                evidence.computeIfAbsent(code, c -> new ArrayList<>()).add(hit.evidence());
            }
        }
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
                AddresseeSource how = lineSource != null ? lineSource
                        : REQUEST_BEFORE.matcher(folded.text().substring(Math.max(0, hit.start() - 20), hit.start())).find()
                                ? AddresseeSource.REQUEST : AddresseeSource.MENTION;
                keep(best, new AddresseeFinding(hit.value(), how.confidence(), how, hit.evidence()));
            }
        }
        List<AddresseeFinding> ordered = new ArrayList<>(best.values());
        // stable: among equals, the order in which the item names them
        ordered.sort(Comparator.comparingDouble(AddresseeFinding::confidence).reversed());
        return ordered;
    }

    private static void keep(Map<String, AddresseeFinding> best, AddresseeFinding f) {
        best.merge(f.agency(), f, (old, neu) -> neu.confidence() > old.confidence() ? neu : old);
    }

}
