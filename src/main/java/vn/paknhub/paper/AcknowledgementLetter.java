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
 * The printable acknowledgement (giấy báo tiếp nhận) posted back to someone who wrote on paper and
 * may have no email: the tracking code and the lookup secret, laid out as a Vietnamese
 * administrative letter (issuer and national motto side by side, place and date, title, text,
 * signature). Its wording is the operators' template {@code paper-acknowledgement.letter.txt}; the
 * fonts must hold Vietnamese (DejaVu, Debian package fonts-dejavu-core).
 */
class AcknowledgementLetter {

    static final String TEMPLATE = "paper-acknowledgement";
    static final List<String> HEADING = List.of("Issuer", "Place", "Title", "Subtitle", "Signature");

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementLetter.class);
    private static final float MARGIN_LEFT = 85; // 30 mm, as administrative documents are set
    private static final float MARGIN_RIGHT = 57; // 20 mm
    private static final float SIZE = 13;
    private static final float LEADING = SIZE * 1.35f;

    private final NotificationTemplates templates;
    private final String lookupUrl;
    private final Path fontDir;
    private final String missing;

    AcknowledgementLetter(NotificationTemplates templates, String lookupUrl, Path fontDir) {
        this.templates = templates;
        this.lookupUrl = lookupUrl;
        this.fontDir = fontDir;
        List<String> problems = new ArrayList<>(templates.letterProblems(TEMPLATE, HEADING));
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

    /** The letter for {@code r} as a PDF, dated {@code day}. */
    byte[] render(Receipt r, LocalDate day) {
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        DateTimeFormatter dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        Map<String, String> values = new java.util.HashMap<>();
        values.put("code", r.code());
        values.put("secret", r.secret());
        values.put("name", r.name());
        values.put("address", r.address() == null ? "" : r.address());
        values.put("title", r.title());
        values.put("date", r.receivedOn().format(dmy));
        values.put("letterDate", r.letterDate() == null ? "(không ghi ngày)" : r.letterDate().format(dmy));
        values.put("registerNumber", r.registerNumber() == null ? "(chưa ghi)" : r.registerNumber());
        values.put("lookupUrl", lookupUrl.replace("{code}", r.code()));
        NotificationTemplates.Letter letter = templates.renderLetter(TEMPLATE, values);
        Map<String, String> h = letter.heading();
        try (TextPages page = new TextPages(fontDir)) {
            PDDocumentInformation info = page.document().getDocumentInformation();
            info.setTitle(h.get("Title") + " " + values.get("code"));
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
