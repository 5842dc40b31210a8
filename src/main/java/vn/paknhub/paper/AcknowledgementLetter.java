package vn.paknhub.paper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final Path regular;
    private final Path bold;
    private final Path italic;
    private final String missing;

    AcknowledgementLetter(NotificationTemplates templates, String lookupUrl, Path fontDir) {
        this.templates = templates;
        this.lookupUrl = lookupUrl;
        this.regular = fontDir.resolve("DejaVuSerif.ttf");
        this.bold = fontDir.resolve("DejaVuSerif-Bold.ttf");
        this.italic = fontDir.resolve("DejaVuSerif-Italic.ttf");
        List<String> problems = new ArrayList<>(templates.letterProblems(TEMPLATE, HEADING));
        for (Path font : List.of(regular, bold, italic)) {
            if (!Files.isReadable(font)) {
                problems.add("font " + font + " is missing (apt-get install fonts-dejavu-core, or set HUB_PAPER_LETTER_FONTS)");
            }
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
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(h.get("Title") + " " + values.get("code"));
            info.setCreator("PAKN Hub");
            Fonts f = new Fonts(PDType0Font.load(pdf, regular.toFile()), PDType0Font.load(pdf, bold.toFile()),
                    PDType0Font.load(pdf, italic.toFile()));
            Page page = new Page(pdf);
            float width = page.width() - MARGIN_LEFT - MARGIN_RIGHT;
            // the issuer's column on the left, the motto's (wider) on the right, as Decree 30/2020 lays them out
            float left = MARGIN_LEFT - 30;
            float leftWidth = width * 0.42f;
            float right = left + leftWidth;
            float rightWidth = MARGIN_LEFT + width + 10 - right;
            float top = page.y;
            page.centred(f.bold, 10.5f, h.get("Issuer"), left, leftWidth);
            float afterIssuer = page.y;
            page.y = top;
            page.centred(f.bold, 10.5f, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right, rightWidth);
            page.centred(f.bold, 12, "Độc lập - Tự do - Hạnh phúc", right, rightWidth);
            page.y = Math.min(page.y, afterIssuer) - LEADING;
            page.centred(f.italic, 12, h.get("Place") + ", ngày " + day.format(DateTimeFormatter.ofPattern("dd"))
                    + " tháng " + day.getMonthValue() + " năm " + day.getYear(), right, rightWidth);
            page.y -= LEADING;
            page.centred(f.bold, 14, h.get("Title"), MARGIN_LEFT, width);
            page.centred(f.regular, 12, h.get("Subtitle"), MARGIN_LEFT, width);
            page.y -= LEADING / 2;
            for (String paragraph : letter.body().split("\\n\\s*\\n")) {
                for (String line : paragraph.split("\\n")) {
                    page.wrapped(f.regular, SIZE, line.strip(), MARGIN_LEFT, width);
                }
                page.y -= LEADING / 2;
            }
            page.y -= LEADING;
            page.centred(f.bold, SIZE, h.get("Signature"), right, rightWidth);
            page.close();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Fonts(PDFont regular, PDFont bold, PDFont italic) {
    }

    /** Writes down an A4 page, starting a new one when the text reaches the bottom margin. */
    private static final class Page {
        private final PDDocument pdf;
        private PDPageContentStream text;
        private float y;

        Page(PDDocument pdf) throws IOException {
            this.pdf = pdf;
            next();
        }

        float width() {
            return PDRectangle.A4.getWidth();
        }

        private void next() throws IOException {
            if (text != null) {
                text.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            text = new PDPageContentStream(pdf, page);
            y = PDRectangle.A4.getHeight() - 57;
        }

        void centred(PDFont font, float size, String line, float left, float width) throws IOException {
            for (String part : lines(font, size, line, width)) {
                show(font, size, part, left + (width - font.getStringWidth(part) / 1000 * size) / 2);
            }
        }

        void wrapped(PDFont font, float size, String line, float left, float width) throws IOException {
            for (String part : lines(font, size, line, width)) {
                show(font, size, part, left);
            }
        }

        private void show(PDFont font, float size, String line, float x) throws IOException {
            if (y < 70) {
                next();
            }
            text.beginText();
            text.setFont(font, size);
            text.newLineAtOffset(x, y);
            text.showText(line);
            text.endText();
            y -= size * 1.35f;
        }

        /** {@code line} broken between words so that each part fits {@code width}. */
        private static List<String> lines(PDFont font, float size, String line, float width) throws IOException {
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : line.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                    out.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            out.add(current.toString());
            return out;
        }

        void close() throws IOException {
            text.close();
        }
    }
}
