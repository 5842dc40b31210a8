package vn.paknhub.paper;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.paknhub.core.pdf.TextPages;
import vn.paknhub.notify.NotificationTemplates;

/**
 * The letters posted back to someone who wrote on paper and may have no email, laid out as Vietnamese
 * administrative letters (issuer and national motto side by side, place and date, title, text, signature):
 * the acknowledgement (giấy báo tiếp nhận) with the tracking code and the lookup secret, and the answer to a
 * complaint or denunciation the hub does not handle (Đ1.2), pointing to the competent authority. Their
 * wording is the operators' templates {@code paper-acknowledgement.letter.txt} and
 * {@code paper-out-of-scope.letter.txt}; the fonts must hold Vietnamese (DejaVu, fonts-dejavu-core).
 */
class PaperLetters implements vn.paknhub.notify.LetterPrinter {

    static final String TEMPLATE = "paper-acknowledgement";
    static final String OUT_OF_SCOPE = "paper-out-of-scope";
    static final List<String> HEADING = List.of("Issuer", "Place", "Title", "Subtitle", "Signature");

    private static final Logger LOG = LoggerFactory.getLogger(PaperLetters.class);
    private static final float MARGIN_LEFT = 85; // 30 mm, as administrative documents are set
    private static final float MARGIN_RIGHT = 57; // 20 mm
    private static final float SIZE = 13;
    private static final float LEADING = SIZE * 1.35f;

    private final NotificationTemplates templates;
    /** The public follow-up page a person holding the letter can open, {@code {code}} replaced by the case's code. */
    private final String followUpUrl;
    private final Path fontDir;
    private final String missing;

    PaperLetters(NotificationTemplates templates, String followUpUrl, Path fontDir) {
        this.templates = templates;
        this.followUpUrl = followUpUrl;
        this.fontDir = fontDir;
        List<String> problems = new ArrayList<>(templates.letterProblems(TEMPLATE, HEADING));
        problems.addAll(templates.letterProblems(OUT_OF_SCOPE, HEADING));
        for (Path font : TextPages.missingFonts(fontDir)) {
            problems.add("font " + font + " is missing (apt-get install fonts-dejavu-core, or set HUB_PAPER_LETTER_FONTS)");
        }
        this.missing = problems.isEmpty() ? null : String.join("; ", problems);
        if (missing != null) {
            LOG.error("Acknowledgement letters for paper submitters cannot be printed: {}", missing);
        }
    }

    /** Why letters cannot be made here, or null when they can. */
    String unavailable() {
        return missing;
    }

    /** What the letter tells its writer. */
    record Receipt(String code, String secret, String name, String address, String title, LocalDate receivedOn,
            LocalDate letterDate, String registerNumber) {
    }

    /**
     * What the answer to an out-of-scope letter tells its writer.
     *
     * @param reason the words of the letter that make it a complaint or denunciation, as the clerk states them
     */
    record Refusal(String name, String address, String title, LocalDate receivedOn, LocalDate letterDate,
            String registerNumber, String reason) {
    }

    /** The acknowledgement for {@code r} as a PDF, dated {@code day}. */
    byte[] acknowledgement(Receipt r, LocalDate day) {
        Map<String, String> values = letterOf(r.name(), r.address(), r.title(), r.receivedOn(), r.letterDate(),
                r.registerNumber());
        values.put("code", r.code());
        values.put("secret", r.secret());
        values.put("lookupUrl", followUpUrl.replace("{code}", java.net.URLEncoder.encode(r.code(),
                java.nio.charset.StandardCharsets.UTF_8)));
        return render(TEMPLATE, values, r.code(), day);
    }

    /** The answer to a complaint or denunciation received on paper (Đ1.2), as a PDF dated {@code day}. */
    byte[] outOfScope(Refusal r, LocalDate day) {
        Map<String, String> values = letterOf(r.name(), r.address(), r.title(), r.receivedOn(), r.letterDate(),
                r.registerNumber());
        values.put("reason", r.reason());
        return render(OUT_OF_SCOPE, values, r.registerNumber() == null ? "" : r.registerNumber(), day);
    }

    /** Any letter of the hub's to someone reachable only by post, in the acknowledgement's layout. */
    @Override
    public byte[] letter(String template, Map<String, String> values, String reference, LocalDate day) {
        return render(template, values, reference, day);
    }

    private static Map<String, String> letterOf(String name, String address, String title, LocalDate receivedOn,
            LocalDate letterDate, String registerNumber) {
        DateTimeFormatter dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        Map<String, String> values = new java.util.HashMap<>();
        values.put("name", name == null ? "" : name);
        values.put("address", address == null ? "" : address);
        values.put("title", title == null ? "" : title);
        values.put("date", receivedOn.format(dmy));
        values.put("letterDate", letterDate == null ? "(không ghi ngày)" : letterDate.format(dmy));
        // kept for operators' own templates; the shipped ones say it through {{receipt}}, which leaves it out
        values.put("registerNumber", registerNumber == null ? "" : registerNumber);
        values.put("receipt", receipt(letterDate, registerNumber, receivedOn, dmy));
        return values;
    }

    /**
     * "đề ngày 12/10/2026 (số đến 0412/VPTW, ngày đến 20/11/2026)": the letter's date and its registration, in
     * words. The register number (số đến) is the office's own register's, which the hub cannot give: without one
     * it is left out, never printed as missing.
     */
    static String receipt(LocalDate letterDate, String registerNumber, LocalDate receivedOn, DateTimeFormatter dmy) {
        String dated = letterDate == null ? "không ghi ngày" : "đề ngày " + letterDate.format(dmy);
        String registered = registerNumber == null || registerNumber.isBlank() ? ""
                : "số đến " + registerNumber.strip() + ", ";
        return dated + " (" + registered + "ngày đến " + receivedOn.format(dmy) + ")";
    }

    private byte[] render(String template, Map<String, String> values, String reference, LocalDate day) {
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        NotificationTemplates.Letter letter = templates.renderLetter(template, values);
        Map<String, String> h = letter.heading();
        try (TextPages page = new TextPages(fontDir)) {
            PDDocumentInformation info = page.document().getDocumentInformation();
            info.setTitle((h.get("Title") + " " + reference).strip());
            info.setCreator("PAKN Hub");
            TextPages.Fonts f = page.fonts();
            float width = page.width() - MARGIN_LEFT - MARGIN_RIGHT;
            // the issuer's column on the left, the motto's (wider) on the right, as Decree 30/2020 lays them out
            float left = MARGIN_LEFT - 30;
            float leftWidth = width * 0.42f;
            float right = left + leftWidth;
            float rightWidth = MARGIN_LEFT + width + 10 - right;
            float top = page.y();
            page.centred(f.bold(), 10.5f, h.get("Issuer"), left, leftWidth);
            float afterIssuer = page.y();
            page.y(top);
            page.centred(f.bold(), 10.5f, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right, rightWidth);
            page.centred(f.bold(), 12, "Độc lập - Tự do - Hạnh phúc", right, rightWidth);
            page.y(Math.min(page.y(), afterIssuer) - LEADING);
            page.centred(f.italic(), 12, h.get("Place") + ", ngày " + day.format(DateTimeFormatter.ofPattern("dd"))
                    + " tháng " + day.getMonthValue() + " năm " + day.getYear(), right, rightWidth);
            page.y(page.y() - LEADING);
            page.centred(f.bold(), 14, h.get("Title"), MARGIN_LEFT, width);
            page.centred(f.regular(), 12, h.get("Subtitle"), MARGIN_LEFT, width);
            page.y(page.y() - LEADING / 2);
            for (String paragraph : letter.body().split("\\n\\s*\\n")) {
                for (String line : paragraph.split("\\n")) {
                    page.wrapped(f.regular(), SIZE, line.strip(), MARGIN_LEFT, width);
                }
                page.y(page.y() - LEADING / 2);
            }
            page.y(page.y() - LEADING);
            page.centred(f.bold(), SIZE, h.get("Signature"), right, rightWidth);
            return page.save();
        }
    }
}
