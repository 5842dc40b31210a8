package vn.paknhub.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OCR engine when it is not what it should be: missing, without its Vietnamese model, failing,
 * or too slow. Each is played by a small stand-in command; a page it cannot read comes back for a
 * person to read, with the reason, and never holds the channel up.
 */
class TesseractTest {

    @TempDir
    Path dir;

    private static final BufferedImage PAGE = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);

    /** A stand-in for tesseract: lists the given languages, then does {@code ocr} when asked to read. */
    private String engine(String languages, String ocr) throws IOException {
        Path script = dir.resolve("tesseract");
        Files.writeString(script, "#!/bin/sh\nif [ \"$1\" = \"--list-langs\" ]; then\n  echo 'List of available languages:'\n"
                + "  printf '%s\\n' " + languages + "\n  exit 0\nfi\n" + ocr + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    @Test
    void a_missing_engine_is_named_at_start_up_and_every_page_is_left_to_a_person() {
        Tesseract ocr = new Tesseract(OcrSettings.with(dir.resolve("no-such-tesseract").toString(), 5));
        assertThat(ocr.unavailable()).contains("is not found");
        Tesseract.PageText page = ocr.read(PAGE);
        assertThat(page.confidence()).isZero();
        assertThat(page.problem()).startsWith("OCR không có trên máy chủ").contains("OCR engine not available");
    }

    @Test
    void an_engine_without_the_vietnamese_model_is_not_used() throws IOException {
        Tesseract ocr = new Tesseract(OcrSettings.with(engine("eng osd", "exit 0"), 5));
        assertThat(ocr.unavailable()).isEqualTo("the language model 'vie' is not installed");
        assertThat(ocr.read(PAGE).problem()).contains("the language model 'vie' is not installed");
    }

    @Test
    void a_page_the_engine_does_not_finish_in_time_is_given_up_and_the_next_page_still_runs() throws IOException {
        Tesseract ocr = new Tesseract(OcrSettings.with(engine("eng vie", "exec sleep 60"), 1));
        assertThat(ocr.unavailable()).isNull();
        Tesseract.PageText first = ocr.read(PAGE);
        assertThat(first.problem()).isEqualTo("quá thời gian nhận dạng 1 giây / OCR timed out after 1 s");
        assertThat(first.confidence()).isZero();
        // the one OCR slot was given back: a second page is tried (and given up) too, not blocked
        assertThat(ocr.read(PAGE).problem()).contains("timed out");
    }

    /** The blank back side of a duplex scan held the only OCR slot for 25 s: it never reaches the engine now. */
    @Test
    void a_page_without_ink_never_reaches_the_engine() throws IOException {
        Tesseract ocr = new Tesseract(OcrSettings.with(engine("eng vie", "exec sleep 60"), 1));
        BufferedImage blank = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = blank.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 1240, 1754);
        g.dispose();
        long started = System.nanoTime();
        try (Tesseract.Batch batch = ocr.batch()) {
            batch.add(blank);
            batch.add(blank);
            assertThat(batch.read()).hasSize(2).allSatisfy(p -> {
                assertThat(p.blank()).isTrue();
                assertThat(p.problem()).isNull();
            });
        }
        assertThat(System.nanoTime() - started).as("no OCR process waited for").isLessThan(1_000_000_000L);
    }

    @Test
    void an_engine_that_fails_says_why() throws IOException {
        Tesseract ocr = new Tesseract(OcrSettings.with(engine("vie", "echo 'Error in pixReadStream: Unknown format' >&2\nexit 1"),
                5));
        Tesseract.PageText page = ocr.read(PAGE);
        assertThat(page.problem()).isEqualTo("OCR lỗi / OCR failed: Error in pixReadStream: Unknown format");
    }
}
