package vn.paknhub.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.paknhub.intake.FieldCatalogue;
import vn.paknhub.intake.SubmissionValidator;

/**
 * The labelled corpus of letters (src/test/resources/paper-corpus): its labels are sound, and a letter of each
 * kind of scan the channel meets (a red seal on a PNG, a blue seal on a skewed JPEG, a 16-bit two-page TIFF, a
 * duplex PDF with blank back sides, a dusty black-and-white 150 dpi TIFF, a phone photo) is read by the real Tesseract through the
 * channel's clean-up and understood as a clerk would, field by field. The whole corpus, with the letters set
 * aside, is the bench's (bench/run.sh with BENCH=papercorpus): each letter costs seconds of OCR.
 */
class PaperCorpusTest {

    private static Tesseract ocr;
    private static SubmissionValidator validator;

    @BeforeAll
    static void engine() throws Exception {
        ocr = new Tesseract(OcrSettings.with("tesseract", 120));
        assertThat(ocr.unavailable()).isNull();
        try (InputStream in = PaperCorpusTest.class.getResourceAsStream("/reference/fields.csv")) {
            validator = new SubmissionValidator(FieldCatalogue.load(in));
        }
    }

    @Test
    void at_least_forty_letters_every_fourth_of_each_class_set_aside() {
        List<PaperCorpus.Letter> letters = PaperCorpus.load();
        assertThat(letters).hasSizeGreaterThanOrEqualTo(40);
        Map<String, List<PaperCorpus.Letter>> byClass = letters.stream().collect(Collectors.groupingBy(
                PaperCorpus.Letter::kind, TreeMap::new, Collectors.toList()));
        byClass.forEach((kind, ofClass) -> {
            assertThat(ofClass).as(kind).hasSizeGreaterThanOrEqualTo(4);
            for (int i = 0; i < ofClass.size(); i++) {
                assertThat(ofClass.get(i).aside()).as(ofClass.get(i).name()).isEqualTo((i + 1) % 4 == 0);
            }
        });
        assertThat(letters).allSatisfy(l -> {
            assertThat(l.expected().get("outcome")).as(l.name()).matches("OPENED|VERIFY( [a-zA-Z.]+:[A-Za-z0-9.-]+)+");
            assertThat(l.body()).as(l.name()).hasSizeGreaterThan(100);
            assertThat(l.spoil().dpi()).as(l.name()).isBetween(100, 600);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"seal-01-nong-nghiep-xanh", "seal-02-htx-don-duong", "multipage-01-tiff16",
        "multipage-02-pdf-duplex", "noisy-05-150dpi-black-white", "photo-01-phone"})
    void a_letter_of_each_kind_of_scan_is_read_as_a_clerk_reads_it(String name) throws Exception {
        PaperCorpus.Letter letter = PaperCorpus.load().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
        assertThat(letter.aside()).as("tests are written on the kept letters only").isFalse();
        List<ScanPages.Page> pages = ScanPages.read(letter.file(), 50, 300, ocr);
        String text = String.join("\n\n", pages.stream().map(ScanPages.Page::text).toList());
        LetterReader.Letter l = LetterReader.read(text);
        List<LetterCheck.Doubt> doubts = LetterCheck.doubts(pages, l, validator, 80);
        Map<String, String> read = new TreeMap<>();
        read.put("outcome", doubts.isEmpty() ? "OPENED" : "VERIFY " + String.join(" ", doubts.stream()
                .map(LetterCheck.Doubt::key).sorted().toList()));
        read.put("addressee", l.addressee());
        read.put("sender", l.senderName());
        read.put("phone", l.phone());
        read.put("email", l.email());
        read.put("subject", l.title());
        for (String field : PaperCorpus.FIELDS) {
            assertThat(PaperCorpusBench.same(field, letter.expected().get(field), read.get(field)))
                    .as("%s: expected «%s», read «%s»", field, letter.expected().get(field), read.get(field)).isTrue();
        }
        double accuracy = PaperCorpusBench.accuracy(text, letter.body());
        System.out.printf("%s: %d pages (%d blank), body %.2f %%%n", name, pages.size(),
                Stream.of(pages.toArray(ScanPages.Page[]::new)).filter(p -> p.source() == ScanPages.Source.BLANK).count(),
                accuracy * 100);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.98);
        if (name.contains("duplex")) {
            assertThat(pages).extracting(ScanPages.Page::source).containsExactly(ScanPages.Source.OCR,
                    ScanPages.Source.BLANK, ScanPages.Source.OCR, ScanPages.Source.BLANK);
        }
    }
}
