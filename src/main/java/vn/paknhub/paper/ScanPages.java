package vn.paknhub.paper;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The pages of a scan and their text: a PDF page's own text layer when it has one (no OCR), else
 * the page as an image for the OCR engine; TIFF (several pages), PNG and JPEG. The kind of file is
 * judged by its content, not its name.
 */
final class ScanPages {

    /** Where a page's text came from; BLANK: a page without ink (a duplex scan's back side), not read. */
    enum Source { TEXT_LAYER, OCR, BLANK }

    record Page(int number, Source source, String text, double confidence, String problem) {
    }

    /** A file that is not a scan the channel can read, with the reason in words for the clerk. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason);
        }
    }

    /** A PDF page with fewer letters than this in its text layer is an image of a page (a scan saved as PDF). */
    private static final int TEXT_LAYER_MIN_LETTERS = 40;

    private ScanPages() {
    }

    static String mediaType(byte[] b) throws Unreadable {
        if (starts(b, '%', 'P', 'D', 'F')) {
            return "application/pdf";
        }
        if (starts(b, 'I', 'I', 42, 0) || starts(b, 'M', 'M', 0, 42)) {
            return "image/tiff";
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        throw new Unreadable("không phải bản quét PDF, TIFF, PNG hoặc JPEG / not a PDF, TIFF, PNG or JPEG scan");
    }

    /** Every page's text, read by {@code ocr} where the file has no text of its own. */
    static List<Page> read(byte[] scan, int maxPages, int renderDpi, Tesseract ocr) throws Unreadable {
        return read(scan, maxPages, renderDpi, ocr, PageCleanup.CHOSEN);
    }

    /** The same with other clean-up steps, to measure them against each other. */
    static List<Page> read(byte[] scan, int maxPages, int renderDpi, Tesseract ocr, PageCleanup.Steps steps)
            throws Unreadable {
        String type = mediaType(scan);
        if (type.equals("application/pdf")) {
            return pdf(scan, maxPages, renderDpi, ocr, steps);
        }
        List<Page> pages = new ArrayList<>();
        int count = imageCount(scan, maxPages);
        try (Tesseract.Batch batch = ocr.batch(steps)) {
            for (int i = 0; i < count; i++) {
                batch.add(image(scan, i, renderDpi));
            }
            List<Tesseract.PageText> texts = batch.read();
            for (int i = 0; i < count; i++) {
                pages.add(page(i + 1, texts.get(i)));
            }
        }
        return pages;
    }

    private static Page page(int number, Tesseract.PageText t) {
        return t.blank() ? new Page(number, Source.BLANK, "", 0, null)
                : new Page(number, Source.OCR, t.text(), t.confidence(), t.problem());
    }

    /** Page {@code index} (from 0) as an image, for the OCR engine or for a person to look at. */
    static BufferedImage image(byte[] scan, int index, int renderDpi) throws Unreadable {
        String type = mediaType(scan);
        if (type.equals("application/pdf")) {
            return withPdf(scan, pdf -> {
                try {
                    // in colour: a seal's colour is what lets the clean-up take it off the text under it
                    return new PDFRenderer(pdf).renderImageWithDPI(index, renderDpi, ImageType.RGB);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        TiffPredictor.Prepared prepared = type.equals("image/tiff") ? TiffPredictor.prepare(scan)
                : new TiffPredictor.Prepared(scan, java.util.Set.of());
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(prepared.bytes()))) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in);
                BufferedImage page = reader.read(index);
                return prepared.differenced().contains(index) ? TiffPredictor.undo(page) : page;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("ảnh quét bị hỏng / the scan is damaged: " + e.getMessage());
        }
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int imageCount(byte[] scan, int maxPages) throws Unreadable {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(scan))) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in);
                int n = reader.getNumImages(true);
                if (n > maxPages) {
                    throw new Unreadable("bản quét có " + n + " trang, quá giới hạn " + maxPages + " / the scan has " + n
                            + " pages, more than " + maxPages);
                }
                return n; // a damaged page fails when it is decoded for OCR, once
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("ảnh quét bị hỏng / the scan is damaged: " + e.getMessage());
        }
    }

    private static ImageReader reader(ImageInputStream in) throws IOException {
        Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new IOException("no image reader for this file");
        }
        return readers.next();
    }

    private static List<Page> pdf(byte[] scan, int maxPages, int renderDpi, Tesseract ocr, PageCleanup.Steps steps)
            throws Unreadable {
        return withPdf(scan, pdf -> {
            if (pdf.getNumberOfPages() > maxPages) {
                throw new IllegalArgumentException("bản quét có " + pdf.getNumberOfPages() + " trang, quá giới hạn "
                        + maxPages + " / the scan has " + pdf.getNumberOfPages() + " pages, more than " + maxPages);
            }
            Page[] pages = new Page[pdf.getNumberOfPages()];
            List<Integer> scanned = new ArrayList<>();
            try (Tesseract.Batch batch = ocr.batch(steps)) {
                PDFTextStripper stripper = new PDFTextStripper();
                PDFRenderer renderer = new PDFRenderer(pdf);
                for (int i = 1; i <= pages.length; i++) {
                    stripper.setStartPage(i);
                    stripper.setEndPage(i);
                    String text = Normalizer.normalize(stripper.getText(pdf), Normalizer.Form.NFC);
                    if (text.codePoints().filter(Character::isLetter).count() >= TEXT_LAYER_MIN_LETTERS) {
                        pages[i - 1] = new Page(i, Source.TEXT_LAYER, text.strip(), 100, null);
                    } else {
                        batch.add(renderer.renderImageWithDPI(i - 1, renderDpi, ImageType.RGB));
                        scanned.add(i);
                    }
                }
                List<Tesseract.PageText> texts = batch.read();
                for (int k = 0; k < scanned.size(); k++) {
                    pages[scanned.get(k) - 1] = page(scanned.get(k), texts.get(k));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return List.of(pages);
        });
    }

    private static <T> T withPdf(byte[] scan, java.util.function.Function<PDDocument, T> work) throws Unreadable {
        try (PDDocument pdf = Loader.loadPDF(scan)) {
            return work.apply(pdf);
        } catch (IllegalArgumentException limit) {
            throw new Unreadable(limit.getMessage());
        } catch (IOException | IllegalStateException e) {
            throw new Unreadable("tệp PDF bị hỏng / the PDF is damaged: " + (e.getCause() != null ? e.getCause().getMessage()
                    : e.getMessage()));
        }
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
