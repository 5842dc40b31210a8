package vn.paknhub.paper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every scan of the fixture set (src/test/scan-fixtures: Vietnamese letters rendered at 300 and
 * 150 dpi, with noise, skew and a stamp, and one faded page) read by the real Tesseract through the
 * channel's clean-up, then understood as a clerk would: the fields and the body's character accuracy.
 */
class ScanReadingTest {

    private static final Path SCANS = Path.of("src/test/resources/scans");
    private static Tesseract ocr;

    @BeforeAll
    static void engine() {
        ocr = new Tesseract(OcrSettings.with("tesseract", 120));
        assertThat(ocr.unavailable()).as("Tesseract with its Vietnamese model (apt-get install tesseract-ocr"
                + " tesseract-ocr-vie)").isNull();
    }

    static Stream<JsonNode> scans() throws IOException {
        List<JsonNode> all = List.of(new ObjectMapper().readValue(SCANS.resolve("manifest.json").toFile(), JsonNode[].class));
        return all.stream().filter(s -> !s.path("expect").asText().equals("error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scans")
    void the_letter_is_read_as_a_clerk_would(JsonNode scan) throws Exception {
        byte[] file = Files.readAllBytes(SCANS.resolve(scan.path("file").asText()));
        List<ScanPages.Page> pages = ScanPages.read(file, 50, 300, ocr);
        assertThat(pages).hasSize(scan.path("pages").asInt());
        double confidence = pages.stream().mapToDouble(ScanPages.Page::confidence).min().orElseThrow();
        if (scan.path("expect").asText().equals("low-confidence")) {
            assertThat(confidence).as("a faded 75 dpi page is doubted").isLessThan(80);
            return;
        }
        assertThat(pages).allSatisfy(p -> assertThat(p.problem()).isNull());
        assertThat(confidence).as("every page read with confidence").isGreaterThanOrEqualTo(80);

        LetterReader.Letter letter = LetterReader.read(String.join("\n\n", pages.stream().map(ScanPages.Page::text).toList()));
        JsonNode truth = new ObjectMapper().readTree(SCANS.resolve(scan.path("fields").asText()).toFile());
        double accuracy = CharacterAccuracy.of(letter.body(), Files.readString(SCANS.resolve(scan.path("truth").asText()),
                StandardCharsets.UTF_8));
        System.out.printf("OCR character accuracy on the body, %s (%s): %.2f %%, lowest page confidence %.1f%n",
                scan.path("file").asText(), scan.path("variant").asText(), accuracy * 100, confidence);
        assertThat(accuracy).as(letter.body()).isGreaterThanOrEqualTo(scan.path("dpi").asInt() >= 300 ? 0.98 : 0.97);
        assertThat(letter.addressee()).isEqualTo(truth.path("addressee").asText());
        assertThat(letter.senderName()).isEqualTo(truth.path("senderName").asText());
        assertThat(letter.phone()).isEqualTo(truth.path("phoneDigits").asText());
        assertThat(letter.email()).isEqualTo(truth.path("email").asText());
        assertThat(letter.address()).isEqualTo(truth.path("address").asText());
        assertThat(letter.letterDate()).isEqualTo(LocalDate.parse(truth.path("letterDate").asText()));
    }

    /** A sheet fed askew (turned here as a scanner would, with smoothing) is straightened before it is read. */
    @ParameterizedTest(name = "{0}°")
    @ValueSource(doubles = {3.0, -2.5})
    void a_page_fed_askew_is_straightened_and_read(double degrees) throws Exception {
        BufferedImage page = ImageIO.read(SCANS.resolve("letter1_300dpi_clean.png").toFile());
        BufferedImage askew = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = askew.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, askew.getWidth(), askew.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(degrees), page.getWidth() / 2.0,
                page.getHeight() / 2.0), null);
        g.dispose();

        assertThat(PageCleanup.clean(askew).skewDegrees()).isCloseTo(degrees, org.assertj.core.data.Offset.offset(0.2));
        Tesseract.PageText read = ocr.read(askew);
        double accuracy = CharacterAccuracy.of(LetterReader.read(read.text()).body(),
                Files.readString(SCANS.resolve("letter1.txt"), StandardCharsets.UTF_8));
        System.out.printf("OCR character accuracy on the body, letter 1 turned %.1f°: %.2f %%%n", degrees, accuracy * 100);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void a_blank_page_has_no_lines_to_straighten() {
        BufferedImage blank = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
        g.dispose();
        assertThat(PageCleanup.clean(blank).skewDegrees()).isZero();
        assertThat(PageCleanup.clean(blank).blank()).isTrue();
        Tesseract.PageText read = ocr.read(blank);
        assertThat(read.blank()).as("left unread").isTrue();
        assertThat(read.problem()).isNull();
    }
}
