package vn.paknhub.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.File;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.paknhub.support.LetterScans;

/**
 * The clean-up before OCR on small synthetic pages (no OCR here; ScanReadingTest and the paper corpus bench read
 * whole letters): palette and bilevel scans, colour seals, 16-bit TIFFs, pages without ink, dust, uneven light.
 */
class PageCleanupTest {

    @ParameterizedTest(name = "{0} bits per pixel")
    @ValueSource(ints = {1, 2, 4, 8})
    void a_grey_palette_page_turns_grey_as_java_2d_draws_it(int bits) {
        Random random = new Random(bits);
        int colours = 1 << bits;
        byte[] v = new byte[colours];
        random.nextBytes(v);
        IndexColorModel palette = new IndexColorModel(bits, colours, v, v, v);
        // 1,803 pixels wide: no enlargement, and rows that do not end on a byte boundary
        BufferedImage page = new BufferedImage(1803, 40, bits == 8 ? BufferedImage.TYPE_BYTE_INDEXED
                : BufferedImage.TYPE_BYTE_BINARY, palette);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                page.getRaster().setSample(x, y, 0, random.nextInt(colours));
            }
        }
        BufferedImage drawn = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g2 = drawn.createGraphics();
        g2.drawImage(page, 0, 0, null);
        g2.dispose();

        BufferedImage grey = PageCleanup.grey(page);
        assertThat(grey.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(((DataBufferByte) grey.getRaster().getDataBuffer()).getData())
                .isEqualTo(((DataBufferByte) drawn.getRaster().getDataBuffer()).getData());
    }

    @Test
    void a_black_and_white_page_stays_black_and_white_pixel_for_pixel() {
        BufferedImage page = new BufferedImage(1803, 40, BufferedImage.TYPE_BYTE_BINARY);
        Random random = new Random(7);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                page.getRaster().setSample(x, y, 0, random.nextInt(2));
            }
        }
        BufferedImage cleaned = PageCleanup.clean(page, new PageCleanup.Steps(PageCleanup.Colour.INK,
                PageCleanup.Enlarge.LOW, false, false)).image();
        assertThat(cleaned.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                assertThat(cleaned.getRGB(x, y)).as("(%d, %d)", x, y).isEqualTo(page.getRGB(x, y));
            }
        }
    }

    /**
     * A seal's ink lies over the print: black stays black under it in every channel, the seal's own ink is bright
     * in its colour's channel. Turned grey by luminance the seal is as dark as the text; as ink it is paper.
     */
    @ParameterizedTest(name = "{0} seal")
    @ValueSource(strings = {"red", "blue"})
    void a_colour_seal_turns_to_paper_and_the_print_under_it_stays_black(String seal) {
        Color ink = seal.equals("red") ? new Color(206, 30, 42) : new Color(28, 62, 178);
        BufferedImage page = new BufferedImage(300, 100, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(250, 246, 235)); // a yellowish sheet
        g.fillRect(0, 0, 300, 100);
        g.setColor(new Color(22, 22, 22));
        g.fillRect(20, 40, 260, 20); // the printed name
        g.dispose();
        for (int y = 0; y < 100; y++) {
            for (int x = 100; x < 200; x++) { // the seal pressed over it, multiplied as stamp ink is
                int p = page.getRGB(x, y);
                page.setRGB(x, y, (((p >> 16) & 255) * ink.getRed() / 255 << 16) | (((p >> 8) & 255) * ink.getGreen() / 255
                        << 8) | (p & 255) * ink.getBlue() / 255);
            }
        }
        BufferedImage byLuminance = PageCleanup.toGrey(page, PageCleanup.Colour.LUMINANCE);
        BufferedImage asInk = PageCleanup.toGrey(page, PageCleanup.Colour.INK);
        assertThat(byLuminance.getRaster().getSample(150, 10, 0)).as("the seal by luminance").isLessThan(110);
        assertThat(asInk.getRaster().getSample(150, 10, 0)).as("the seal as ink").isGreaterThan(230);
        assertThat(asInk.getRaster().getSample(150, 50, 0)).as("the print under the seal").isLessThan(40);
        assertThat(asInk.getRaster().getSample(50, 50, 0)).as("the print beside it").isLessThan(40);
        assertThat(asInk.getRaster().getSample(50, 10, 0)).as("the paper").isGreaterThan(235);
    }

    /** 16-bit greyscale as scanners write it (Deflate after the horizontal predictor, either byte order). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LITTLE_ENDIAN", "BIG_ENDIAN"})
    void a_sixteen_bit_tiff_with_the_predictor_reads_as_the_page_it_is(String order) throws Exception {
        BufferedImage page = text(600, 200, "Kính gửi: Bộ Khoa học và Công nghệ", 30);
        byte[] tiff = LetterScans.tiff16(List.of(page, page), 300, order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN);
        assertThat(ScanPages.mediaType(tiff)).isEqualTo("image/tiff");
        for (int n = 0; n < 2; n++) {
            BufferedImage read = PageCleanup.grey(ScanPages.image(tiff, n, 300));
            for (int y = 0; y < page.getHeight(); y += 3) {
                for (int x = 0; x < page.getWidth(); x += 3) {
                    assertThat(read.getRaster().getSample(x, y, 0)).as("page %d (%d, %d)", n, x, y)
                            .isCloseTo(page.getRaster().getSample(x, y, 0), org.assertj.core.data.Offset.offset(1));
                }
            }
        }
    }

    @Test
    void a_page_without_ink_is_blank_and_a_page_with_one_line_is_not() {
        BufferedImage backSide = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY); // A4 at 150 dpi
        Random random = new Random(5);
        for (int y = 0; y < backSide.getHeight(); y++) {
            for (int x = 0; x < backSide.getWidth(); x++) {
                // paper with sensor noise and the other side's text faintly showing through
                int showThrough = (y / 20) % 3 == 0 && x > 150 && x < 1050 && (x / 7) % 2 == 0 ? 40 : 0;
                backSide.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, (int) (236 - showThrough
                        + random.nextGaussian() * 6))));
            }
        }
        for (int i = 0; i < 3000; i++) { // dust
            backSide.getRaster().setSample(random.nextInt(1240), random.nextInt(1754), 0, 30);
        }
        assertThat(PageCleanup.clean(backSide).blank()).isTrue();

        BufferedImage oneLine = text(1240, 1754, "Xin trân trọng cảm ơn!", 24);
        assertThat(PageCleanup.clean(oneLine).blank()).isFalse();
        // a faded page (its ink at 150 on paper at 215) is a written page
        for (int y = 0; y < oneLine.getHeight(); y++) {
            for (int x = 0; x < oneLine.getWidth(); x++) {
                oneLine.getRaster().setSample(x, y, 0, 150 + oneLine.getRaster().getSample(x, y, 0) * 65 / 255);
            }
        }
        assertThat(PageCleanup.clean(oneLine).blank()).isFalse();
    }

    @Test
    void isolated_specks_go_and_the_dots_of_letters_stay() {
        BufferedImage page = text(800, 120, "Tôi đề nghị Bộ xem xét, ý kiến: in ấn.", 34);
        int inkBefore = ink(page);
        BufferedImage dusty = PageCleanup.despeckle(page); // nothing to take off: the letters are untouched
        assertThat(ink(dusty)).isEqualTo(inkBefore);
        Random random = new Random(3);
        int specks = 0;
        for (int i = 0; i < 400; i++) {
            int x = 3 + random.nextInt(794);
            int y = 3 + random.nextInt(114);
            if (ink(page, x - 3, y - 3, 8) == 0) {
                page.getRaster().setSample(x, y, 0, 20);
                specks++;
            }
        }
        assertThat(ink(page)).isEqualTo(inkBefore + specks);
        assertThat(ink(PageCleanup.despeckle(page))).isEqualTo(inkBefore);
    }

    @Test
    void paper_darkened_by_a_phones_light_is_made_even_and_even_paper_is_left_alone() {
        BufferedImage page = text(1000, 600, "Người đề nghị", 40);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 1000; x++) {
                double light = 0.6 + 0.4 * x / 1000.0;
                page.getRaster().setSample(x, y, 0, (int) (page.getRaster().getSample(x, y, 0) * light));
            }
        }
        BufferedImage flat = PageCleanup.flatten(page);
        assertThat(flat.getRaster().getSample(5, 5, 0)).isGreaterThan(240);
        assertThat(flat.getRaster().getSample(995, 595, 0)).isGreaterThan(240);
        BufferedImage even = text(1000, 600, "Người đề nghị", 40);
        assertThat(PageCleanup.flatten(even)).isSameAs(even);
    }

    private static BufferedImage text(int w, int h, String line, float size) {
        BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        try {
            g.setFont(Font.createFont(Font.TRUETYPE_FONT, new File("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
                    .deriveFont(size));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        g.drawString(line, 20, h / 2);
        g.dispose();
        return page;
    }

    private static int ink(BufferedImage page) {
        return ink(page, 0, 0, Math.max(page.getWidth(), page.getHeight()));
    }

    private static int ink(BufferedImage page, int x0, int y0, int size) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(page.getHeight(), y0 + size); y++) {
            for (int x = Math.max(0, x0); x < Math.min(page.getWidth(), x0 + size); x++) {
                n += page.getRaster().getSample(x, y, 0) < 128 ? 1 : 0;
            }
        }
        return n;
    }
}
