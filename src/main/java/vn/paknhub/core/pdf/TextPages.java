package vn.paknhub.core.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text written down A4 pages in a Unicode font (Vietnamese needs one: the PDF standard fonts have no
 * "ư" or "ệ"), a new page begun when the text reaches the bottom margin; for the documents the hub
 * prints (a paper submitter's acknowledgement, a case's evidence report).
 */
public final class TextPages implements AutoCloseable {

    /** The DejaVu Serif faces the hub prints with (Debian: fonts-dejavu-core). */
    public record Fonts(PDFont regular, PDFont bold, PDFont italic) {
    }

    /** The font files in {@code dir} that are missing, empty when all three are there. */
    public static List<Path> missingFonts(Path dir) {
        return fontFiles(dir).stream().filter(f -> !Files.isReadable(f)).toList();
    }

    private static List<Path> fontFiles(Path dir) {
        return List.of(dir.resolve("DejaVuSerif.ttf"), dir.resolve("DejaVuSerif-Bold.ttf"), dir.resolve("DejaVuSerif-Italic.ttf"));
    }

    private final PDDocument pdf = new PDDocument();
    private final Fonts fonts;
    private PDPageContentStream text;
    private float y;

    public TextPages(Path fontDir) {
        try {
            List<Path> files = fontFiles(fontDir);
            this.fonts = new Fonts(PDType0Font.load(pdf, files.get(0).toFile()), PDType0Font.load(pdf, files.get(1).toFile()),
                    PDType0Font.load(pdf, files.get(2).toFile()));
            next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PDDocument document() {
        return pdf;
    }

    public Fonts fonts() {
        return fonts;
    }

    public float width() {
        return PDRectangle.A4.getWidth();
    }

    public float y() {
        return y;
    }

    public void y(float y) {
        this.y = y;
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

    public void centred(PDFont font, float size, String line, float left, float width) {
        for (String part : lines(font, size, line, width)) {
            show(font, size, part, left + (width - textWidth(font, size, part)) / 2);
        }
    }

    public void wrapped(PDFont font, float size, String line, float left, float width) {
        for (String part : lines(font, size, line, width)) {
            show(font, size, part, left);
        }
    }

    private void show(PDFont font, float size, String line, float x) {
        try {
            if (y < 70) {
                next();
            }
            text.beginText();
            text.setFont(font, size);
            text.newLineAtOffset(x, y);
            text.showText(line);
            text.endText();
            y -= size * 1.35f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float textWidth(PDFont font, float size, String s) {
        try {
            return font.getStringWidth(s) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code line} broken between words (or inside a word longer than the line, such as a hash) to fit {@code width}. */
    private static List<String> lines(PDFont font, float size, String line, float width) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            while (textWidth(font, size, word) > width && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && textWidth(font, size, word.substring(0, cut)) > width) {
                    cut--;
                }
                if (!current.isEmpty()) {
                    out.add(current.toString());
                    current = new StringBuilder();
                }
                out.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && textWidth(font, size, candidate) > width) {
                out.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        out.add(current.toString());
        return out;
    }

    /** The finished document's bytes. */
    public byte[] save() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            text.close();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            pdf.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
