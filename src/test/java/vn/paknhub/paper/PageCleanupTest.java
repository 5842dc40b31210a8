package vn.paknhub.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Palette and bilevel scans turn grey exactly as Java 2D would draw them, only faster. */
class PageCleanupTest {

    @ParameterizedTest(name = "{0} bits per pixel")
    @ValueSource(ints = {1, 2, 4, 8})
    void a_palette_page_turns_grey_as_java_2d_draws_it(int bits) {
        Random random = new Random(bits);
        int colours = 1 << bits;
        byte[] r = new byte[colours];
        byte[] g = new byte[colours];
        byte[] b = new byte[colours];
        random.nextBytes(r);
        random.nextBytes(g);
        random.nextBytes(b);
        IndexColorModel palette = new IndexColorModel(bits, colours, r, g, b);
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

    @org.junit.jupiter.api.Test
    void a_black_and_white_page_stays_black_and_white_pixel_for_pixel() {
        BufferedImage page = new BufferedImage(1803, 40, BufferedImage.TYPE_BYTE_BINARY);
        Random random = new Random(7);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                page.getRaster().setSample(x, y, 0, random.nextInt(2));
            }
        }
        BufferedImage cleaned = PageCleanup.clean(page).image();
        assertThat(cleaned.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                assertThat(cleaned.getRGB(x, y)).as("(%d, %d)", x, y).isEqualTo(page.getRGB(x, y));
            }
        }
    }
}
