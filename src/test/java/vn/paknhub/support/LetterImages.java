package vn.paknhub.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A letter as a scanning station hands it over: an A4 page at 300 dpi, black on white, set in DejaVu Sans
 * (Debian's fonts-dejavu-core, which holds Vietnamese), long lines wrapped as a typist would.
 */
public final class LetterImages {

    private static final int WIDTH = 2480;
    private static final int MARGIN = 240;
    private static final float SIZE = 46f;

    private LetterImages() {
    }

    /** The lines of the letter on one page, as PNG bytes. */
    public static byte[] png(List<String> lines) {
        Font font;
        try {
            font = Font.createFont(Font.TRUETYPE_FONT, new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
                    .deriveFont(SIZE);
        } catch (java.awt.FontFormatException | IOException e) {
            throw new IllegalStateException("DejaVu Sans is needed to render letters (fonts-dejavu-core)", e);
        }
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D measure = probe.createGraphics();
        measure.setFont(font);
        List<String> wrapped = new ArrayList<>();
        for (String line : lines) {
            wrap(line, measure.getFontMetrics(), WIDTH - 2 * MARGIN, wrapped);
        }
        int leading = Math.round(SIZE * 1.5f);
        BufferedImage page = new BufferedImage(WIDTH, Math.max(3508, MARGIN * 2 + wrapped.size() * leading),
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        int y = MARGIN;
        for (String line : wrapped) {
            g.drawString(line, MARGIN, y);
            y += leading;
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(page, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void wrap(String line, java.awt.FontMetrics metrics, int width, List<String> into) {
        if (line.isEmpty()) {
            into.add("");
            return;
        }
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (metrics.stringWidth(candidate) > width && !current.isEmpty()) {
                into.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        into.add(current.toString());
    }
}
