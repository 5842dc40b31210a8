package vn.paknhub.support;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Letters as they reach the scanning station, rendered from a small markup and spoiled the way real scans are:
 * an A4 page laid out as Vietnamese letters are (the writer's block beside the national motto, centred heading,
 * justified paragraphs, a signature block on the right), then a red or blue seal over the signature, skew,
 * sensor noise and dust specks, low resolution, tinted paper, a phone photo's uneven light and blur, and the
 * file formats scanning stations write (PNG, JPEG, multi-page TIFF in 8 and 16 bits or black and white, PDF of
 * page images, a blank back side from a duplex scanner). Deterministic for a given seed.
 *
 * <p>Markup, one line each: {@code L|} left-aligned in the left column of the head, {@code K|} centred in it,
 * {@code R|} centred in the right column (motto, place and date), {@code C|} centred on the page (heading,
 * subject, addressee; bold when in capitals), {@code A|} left-aligned on the page, {@code P|} a justified
 * paragraph, {@code S|} and {@code SB|} (bold) centred in the signature column, {@code SIGN} a handwritten
 * signature, {@code SEAL} where the seal is pressed, {@code PAGE} a new page, {@code BLANK} a blank back side (then {@code PAGE} if the letter goes on).
 */
public final class LetterScans {

    /**
     * How the letter is spoiled and written.
     *
     * @param dpi     the scanner's resolution
     * @param seal    {@code red}, {@code blue} or null: the seal pressed at {@code SEAL}
     * @param skew    degrees the sheet went in askew
     * @param noise   sensor noise (standard deviation in grey levels)
     * @param specks  dust specks per 10,000 pixels (isolated dark dots of one or two pixels)
     * @param tint    paper not white (a yellowish sheet): the page stays in colour
     * @param photo   a phone photo: light falling off across the sheet, a slight blur, a colour cast, JPEG
     * @param format  png, jpg, tif (8-bit grey, LZW), tif16 (16-bit grey, Deflate with the horizontal predictor,
     *                as scanners write it), tif16be (the same, big-endian), tifbw (black and white, CCITT G4), pdf
     * @param font    serif (DejaVu Serif) or sans (DejaVu Sans)
     * @param seed    the random seed of noise, specks and the signature's stroke
     */
    public record Spoil(int dpi, String seal, double skew, double noise, double specks, boolean tint, boolean photo,
            String format, String font, long seed) {

        public static Spoil parse(String spec, long seed) {
            Map<String, String> v = new LinkedHashMap<>();
            for (String part : spec.strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    int eq = part.indexOf('=');
                    v.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "true" : part.substring(eq + 1));
                }
            }
            return new Spoil(Integer.parseInt(v.getOrDefault("dpi", "300")), v.get("seal"),
                    Double.parseDouble(v.getOrDefault("skew", "0")), Double.parseDouble(v.getOrDefault("noise", "0")),
                    Double.parseDouble(v.getOrDefault("specks", "0")), Boolean.parseBoolean(v.getOrDefault("tint", "false")),
                    Boolean.parseBoolean(v.getOrDefault("photo", "false")), v.getOrDefault("format", "png"),
                    v.getOrDefault("font", "serif"), seed);
        }

        boolean colour() {
            return seal != null || tint || photo;
        }
    }

    private static final Color INK = new Color(22, 22, 22);

    private LetterScans() {
    }

    /** The letter's pages as the scanner saw them (before encoding). */
    public static List<BufferedImage> pages(List<String> markup, Spoil spoil) {
        List<BufferedImage> pages = new Layout(spoil).render(markup);
        List<BufferedImage> out = new ArrayList<>();
        Random random = new Random(spoil.seed());
        for (BufferedImage page : pages) {
            out.add(spoil(page, spoil, random));
        }
        return out;
    }

    /** The letter as the file the scanning station writes. */
    public static byte[] file(List<String> markup, Spoil spoil) {
        return encode(pages(markup, spoil), spoil);
    }

    /** The words of the letter's paragraphs ({@code P|}), as a typist would copy them: the body's truth. */
    public static String body(List<String> markup) {
        List<String> out = new ArrayList<>();
        for (String line : markup) {
            if (line.startsWith("P|")) {
                out.add(line.substring(2).strip());
            }
        }
        return String.join("\n\n", out);
    }

    // ---------------------------------------------------------------------------------------------------- layout

    private static final class Layout {
        final Spoil spoil;
        final double dpi;
        final int w;
        final int h;
        final int left;
        final int right;
        final int top;
        final int bottom;
        final Font regular;
        final Font bold;
        final Font italic;
        final FontRenderContext frc = new FontRenderContext(null, true, true);
        final List<BufferedImage> pages = new ArrayList<>();
        final List<int[]> seals = new ArrayList<>();
        Graphics2D g;
        double y;

        Layout(Spoil spoil) {
            this.spoil = spoil;
            this.dpi = spoil.dpi();
            w = (int) Math.round(210 / 25.4 * dpi);
            h = (int) Math.round(297 / 25.4 * dpi);
            left = mm(30);
            right = w - mm(20);
            top = mm(20);
            bottom = h - mm(20);
            // DejaVu holds every Vietnamese letter; Debian's Liberation (1.x) lacks the stacked marks
            String face = "sans".equals(spoil.font()) ? "DejaVuSans" : "DejaVuSerif";
            String dir = "/usr/share/fonts/truetype/dejavu/";
            regular = font(dir + face + ".ttf");
            bold = font(dir + face + "-Bold.ttf");
            italic = font(dir + face + ("sans".equals(spoil.font()) ? "-Oblique.ttf" : "-Italic.ttf"));
        }

        private static Font font(String file) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new File(file));
            } catch (java.awt.FontFormatException | IOException e) {
                throw new IllegalStateException(file + " is needed to render letters (fonts-dejavu-core)", e);
            }
        }

        int mm(double v) {
            return (int) Math.round(v / 25.4 * dpi);
        }

        double pt(double v) {
            return v * dpi / 72.0;
        }

        Font f(Font base, double points) {
            return base.deriveFont((float) pt(points));
        }

        double width(Font f, String t) {
            return f.getStringBounds(t, frc).getWidth();
        }

        void newPage() {
            if (g != null) {
                g.dispose();
            }
            BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            g = page.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(INK);
            pages.add(page);
            y = top;
        }

        void text(Font f, String t, double x) {
            if (f.canDisplayUpTo(t) >= 0) {
                throw new IllegalStateException(f.getFontName() + " cannot show '" + t.charAt(f.canDisplayUpTo(t)) + "' in " + t);
            }
            g.setFont(f);
            g.drawString(t, (float) x, (float) (y + f.getLineMetrics("ÀẬỹg", frc).getAscent()));
        }

        void ensure(double height) {
            if (y + height > bottom) {
                newPage();
            }
        }

        List<BufferedImage> render(List<String> markup) {
            newPage();
            double body = 13;
            double line = pt(body) * 1.35;
            double colSplit = left + (right - left) * 0.42;
            double sigLeft = left + (right - left) * 0.45;
            // the head: two columns side by side from the top
            double headTop = y;
            double leftY = y;
            double rightY = y;
            int i = 0;
            for (; i < markup.size(); i++) {
                String m = markup.get(i);
                if (m.startsWith("L|") || m.startsWith("K|")) {
                    Font f = f(isCaps(m.substring(2)) ? bold : regular, 12);
                    double from = left - mm(10);
                    double to = colSplit - mm(4);
                    // a line wider than its column wraps inside it, as in a word processor's table cell
                    for (String t : wrap(f, m.substring(2).strip(), to - from)) {
                        y = leftY;
                        text(f, t, m.startsWith("L|") ? from : (from + to - width(f, t)) / 2);
                        leftY += pt(12) * 1.35;
                    }
                } else if (m.startsWith("R|")) {
                    y = rightY;
                    String t = m.substring(2).strip();
                    Font f = t.contains("ngày") ? f(italic, 12.5) : f(bold, t.equals(t.toUpperCase(Locale.ROOT)) ? 12 : 13);
                    double room = right + mm(8) - colSplit;
                    if (width(f, t) > room) {
                        f = f.deriveFont((float) (f.getSize2D() * room / width(f, t)));
                    }
                    text(f, t, Math.min((colSplit + right - width(f, t)) / 2, right + mm(8) - width(f, t)));
                    rightY += pt(12.5) * 1.4;
                } else if (!m.isBlank()) {
                    break;
                }
            }
            y = Math.max(Math.max(leftY, rightY), headTop) + pt(14);
            double sigStart = -1;
            for (; i < markup.size(); i++) {
                String m = markup.get(i);
                String t = m.contains("|") ? m.substring(m.indexOf('|') + 1).strip() : "";
                if (m.startsWith("C|")) {
                    Font f = isCaps(t) ? f(bold, 14) : t.startsWith("Kính gửi") ? f(regular, body) : f(italic, 13);
                    // a line longer than the page wraps onto centred lines, as a word processor does
                    for (String part : wrap(f, t, right - left)) {
                        ensure(line);
                        text(f, part, (left + right - width(f, part)) / 2);
                        y += line;
                    }
                } else if (m.startsWith("A|")) {
                    ensure(line);
                    text(f(regular, body), t, left);
                    y += line;
                } else if (m.startsWith("P|")) {
                    paragraph(f(regular, body), t, pt(28), line);
                    y += pt(4);
                } else if (m.startsWith("S|") || m.startsWith("SB|")) {
                    if (sigStart < 0) {
                        ensure(pt(110));
                        y += pt(6);
                        sigStart = y;
                    }
                    Font f = f(m.startsWith("SB|") ? bold : t.startsWith("(") ? italic : regular, t.startsWith("(") ? 11.5 : 13);
                    text(f, t, (sigLeft + right - width(f, t)) / 2);
                    y += pt(13) * 1.3;
                } else if (m.equals("SIGN")) {
                    scribble((sigLeft + right) / 2, y + pt(26), pt(42), new Random(spoil.seed() * 31 + i));
                    y += pt(56);
                } else if (m.equals("SEAL")) {
                    // pressed over the left third of the signature, covering the title and the name's start
                    seals.add(new int[] {pages.size() - 1, (int) (sigLeft + (right - sigLeft) * 0.33),
                        (int) (y + pt(4))});
                } else if (m.equals("PAGE")) {
                    newPage();
                } else if (m.equals("BLANK")) {
                    newPage(); // the back side; PAGE after it if the letter goes on
                } else if (m.isBlank()) {
                    y += line * 0.5;
                }
            }
            g.dispose();
            if (spoil.seal() != null) {
                for (int[] s : seals) {
                    seal(pages.get(s[0]), s[1], s[2], "blue".equals(spoil.seal()) ? new Color(28, 62, 178)
                            : new Color(206, 30, 42));
                }
            }
            return pages;
        }

        private static boolean isCaps(String t) {
            return t.equals(t.toUpperCase(Locale.ROOT)) && t.chars().anyMatch(Character::isLetter);
        }

        List<String> wrap(Font f, String text, double maxWidth) {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (!current.isEmpty() && width(f, candidate) > maxWidth) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        /** A justified paragraph with its first line indented, as word processors set letters. */
        void paragraph(Font f, String text, double indent, double lineH) {
            double maxW = right - left;
            String[] words = text.split(" ");
            double space = width(f, " ");
            int i = 0;
            boolean first = true;
            while (i < words.length) {
                double avail = maxW - (first ? indent : 0);
                int j = i;
                double sum = 0;
                while (j < words.length) {
                    double ww = width(f, words[j]);
                    if (j > i && sum + ww + space * (j - i) > avail) {
                        break;
                    }
                    sum += ww;
                    j++;
                }
                boolean last = j >= words.length;
                ensure(lineH);
                double x = left + (first ? indent : 0);
                double gap = last || j - i == 1 ? space : (avail - sum) / (j - i - 1);
                for (int k = i; k < j; k++) {
                    text(f, words[k], x);
                    x += width(f, words[k]) + gap;
                }
                y += lineH;
                i = j;
                first = false;
            }
        }

        void scribble(double cx, double cy, double halfW, Random r) {
            g.setStroke(new BasicStroke((float) pt(1.1), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(new Color(30, 40, 120));
            double x = cx - halfW;
            double yy = cy;
            for (int k = 0; k < 5; k++) {
                double nx = x + halfW * 2 / 5;
                double ny = cy + (r.nextDouble() - 0.5) * pt(14);
                g.draw(new CubicCurve2D.Double(x, yy, x + pt(6), yy - pt(18 + r.nextInt(10)), nx - pt(14),
                        ny + pt(16 + r.nextInt(8)), nx, ny));
                x = nx;
                yy = ny;
            }
            g.setColor(INK);
        }

        /** A round seal (ring text, star, inner ring) in translucent ink, multiplied onto the page as stamp ink lies on toner. */
        void seal(BufferedImage page, int cx, int cy, Color ink) {
            double s = dpi / 72.0;
            int radius = mm(18);
            int size = 2 * radius + 8;
            BufferedImage mask = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D m = mask.createGraphics();
            m.setColor(Color.WHITE);
            m.fillRect(0, 0, size, size);
            m.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            m.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            m.setColor(Color.BLACK);
            double c = size / 2.0;
            m.setStroke(new BasicStroke((float) (2.4 * s)));
            m.draw(new Ellipse2D.Double(c - radius + 2 * s, c - radius + 2 * s, 2 * radius - 4 * s, 2 * radius - 4 * s));
            double inner = radius * 0.6;
            m.setStroke(new BasicStroke((float) (1.0 * s)));
            m.draw(new Ellipse2D.Double(c - inner, c - inner, 2 * inner, 2 * inner));
            Polygon star = new Polygon();
            for (int k = 0; k < 10; k++) {
                double rr = k % 2 == 0 ? inner * 0.55 : inner * 0.22;
                double a = -Math.PI / 2 + k * Math.PI / 5;
                star.addPoint((int) Math.round(c + rr * Math.cos(a)), (int) Math.round(c + rr * Math.sin(a)));
            }
            m.fill(star);
            String ring = "CÔNG TY CỔ PHẦN CÔNG NGHỆ * TP. HÀ NỘI * ";
            Font f = bold.deriveFont((float) (8 * s));
            m.setFont(f);
            double rt = (radius - 4 * s + inner) / 2 + f.getSize2D() * 0.35;
            double total = 0;
            for (char ch : ring.toCharArray()) {
                total += f.getStringBounds(String.valueOf(ch), m.getFontRenderContext()).getWidth();
            }
            double scale = 2 * Math.PI * rt * 0.97 / total;
            double angle = 0;
            m.translate(c, c);
            for (char ch : ring.toCharArray()) {
                double cw = f.getStringBounds(String.valueOf(ch), m.getFontRenderContext()).getWidth();
                double a = angle + cw * scale / 2 / rt;
                m.rotate(a);
                m.drawString(String.valueOf(ch), (float) (-cw / 2), (float) (-rt + f.getSize2D() * 0.7));
                m.rotate(-a);
                angle += cw * scale / rt;
            }
            m.dispose();
            double opacity = 0.88;
            for (int yy = 0; yy < size; yy++) {
                for (int xx = 0; xx < size; xx++) {
                    int px = cx - size / 2 + xx;
                    int py = cy - size / 2 + yy;
                    if (px < 0 || py < 0 || px >= page.getWidth() || py >= page.getHeight()) {
                        continue;
                    }
                    double a = (255 - mask.getRaster().getSample(xx, yy, 0)) / 255.0 * opacity;
                    if (a <= 0) {
                        continue;
                    }
                    int p = page.getRGB(px, py);
                    int r = (p >> 16) & 255;
                    int gg = (p >> 8) & 255;
                    int b = p & 255;
                    r = (int) Math.round(r * (1 - a) + r * ink.getRed() / 255.0 * a);
                    gg = (int) Math.round(gg * (1 - a) + gg * ink.getGreen() / 255.0 * a);
                    b = (int) Math.round(b * (1 - a) + b * ink.getBlue() / 255.0 * a);
                    page.setRGB(px, py, (r << 16) | (gg << 8) | b);
                }
            }
        }
    }

    // --------------------------------------------------------------------------------------------------- spoiling

    private static BufferedImage spoil(BufferedImage rgb, Spoil s, Random random) {
        BufferedImage page = rgb;
        if (s.tint() || s.photo()) {
            tint(page, s.photo() ? new double[] {1.0, 0.95, 0.84} : new double[] {0.99, 0.96, 0.88});
        }
        if (s.skew() != 0) {
            page = rotate(page, s.skew());
        }
        if (s.photo()) {
            light(page, random);
            page = blur(page);
        }
        if (s.noise() > 0 || s.specks() > 0) {
            noise(page, s.noise(), s.specks() / 10_000, random);
        }
        if (!s.colour()) {
            BufferedImage grey = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = grey.createGraphics();
            g.drawImage(page, 0, 0, null);
            g.dispose();
            page = grey;
        }
        return page;
    }

    private static void tint(BufferedImage page, double[] paper) {
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int p = page.getRGB(x, y);
                page.setRGB(x, y, (clip(((p >> 16) & 255) * paper[0]) << 16) | (clip(((p >> 8) & 255) * paper[1]) << 8)
                        | clip((p & 255) * paper[2]));
            }
        }
    }

    private static BufferedImage rotate(BufferedImage src, double degrees) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(src.getRGB(src.getWidth() / 2, 2)));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, AffineTransform.getRotateInstance(Math.toRadians(degrees), src.getWidth() / 2.0,
                src.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    /** A phone held over a desk: light falls off from one corner to the opposite one, with a soft shadow band. */
    private static void light(BufferedImage page, Random random) {
        int w = page.getWidth();
        int h = page.getHeight();
        double angle = random.nextDouble() * Math.PI * 2;
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        double shadowAt = 0.3 + random.nextDouble() * 0.4;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = ((x - w / 2.0) * dx + (y - h / 2.0) * dy) / Math.hypot(w, h) + 0.5; // 0..1 across the sheet
                double shadow = 1 - 0.12 * Math.exp(-Math.pow((t - shadowAt) / 0.08, 2));
                double f = (0.62 + 0.38 * t) * shadow;
                int p = page.getRGB(x, y);
                page.setRGB(x, y, (clip(((p >> 16) & 255) * f) << 16) | (clip(((p >> 8) & 255) * f * 0.98) << 8)
                        | clip((p & 255) * f * 0.93));
            }
        }
    }

    /** The slight softness of a phone camera's lens and its JPEG: a 3×3 box blur. */
    private static BufferedImage blur(BufferedImage src) {
        java.awt.image.Kernel k = new java.awt.image.Kernel(3, 3, new float[] {1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f,
            2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f});
        return new java.awt.image.ConvolveOp(k, java.awt.image.ConvolveOp.EDGE_NO_OP, null).filter(src, null);
    }

    /** Sensor noise (Gaussian, the same on every channel) and dust: isolated dark specks of one or two pixels. */
    private static void noise(BufferedImage page, double sigma, double specks, Random random) {
        int w = page.getWidth();
        int h = page.getHeight();
        if (sigma > 0) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int n = (int) Math.round(random.nextGaussian() * sigma);
                    int p = page.getRGB(x, y);
                    page.setRGB(x, y, (clip(((p >> 16) & 255) + n) << 16) | (clip(((p >> 8) & 255) + n) << 8)
                            | clip((p & 255) + n));
                }
            }
        }
        long count = Math.round(specks * w * h);
        for (long i = 0; i < count; i++) {
            int x = random.nextInt(w - 2);
            int y = random.nextInt(h - 2);
            int v = 20 + random.nextInt(60);
            int size = random.nextInt(4) == 0 ? 2 : 1;
            for (int yy = 0; yy < size; yy++) {
                for (int xx = 0; xx < size; xx++) {
                    page.setRGB(x + xx, y + yy, (v << 16) | (v << 8) | v);
                }
            }
        }
    }

    private static int clip(double v) {
        return v < 0 ? 0 : v > 255 ? 255 : (int) Math.round(v);
    }

    // --------------------------------------------------------------------------------------------------- encoding

    /** The pages as the file the scanning station writes, in {@code spoil.format()}. */
    public static byte[] encode(List<BufferedImage> pages, Spoil spoil) {
        try {
            return switch (spoil.format()) {
                case "png" -> imageIo(pages.subList(0, 1), "png", spoil.dpi(), null, null);
                case "jpg" -> imageIo(List.of(rgbOrGrey(pages.get(0))), "jpeg", spoil.dpi(), null, spoil.photo() ? 0.72f
                        : 0.85f);
                case "tif" -> imageIo(pages.stream().map(LetterScans::grey).toList(), "tiff", spoil.dpi(), "LZW", null);
                case "tifbw" -> imageIo(pages.stream().map(LetterScans::blackAndWhite).toList(), "tiff", spoil.dpi(),
                        "CCITT T.6", null);
                case "tif16" -> tiff16(pages, spoil.dpi(), ByteOrder.LITTLE_ENDIAN);
                case "tif16be" -> tiff16(pages, spoil.dpi(), ByteOrder.BIG_ENDIAN);
                case "pdf" -> pdf(pages, spoil);
                default -> throw new IllegalArgumentException("no such format: " + spoil.format());
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage grey(BufferedImage page) {
        if (page.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return page;
        }
        BufferedImage grey = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return grey;
    }

    private static BufferedImage rgbOrGrey(BufferedImage page) {
        return page;
    }

    private static BufferedImage blackAndWhite(BufferedImage page) {
        BufferedImage grey = grey(page);
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                out.getRaster().setSample(x, y, 0, grey.getRaster().getSample(x, y, 0) < 150 ? 0 : 1);
            }
        }
        return out;
    }

    private static byte[] imageIo(List<BufferedImage> pages, String format, int dpi, String compression, Float quality)
            throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream os = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(os);
            ImageWriteParam p = w.getDefaultWriteParam();
            if (compression != null || quality != null) {
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                if (compression != null) {
                    p.setCompressionType(compression);
                }
                if (quality != null) {
                    p.setCompressionQuality(quality);
                }
            }
            boolean sequence = pages.size() > 1;
            if (sequence) {
                w.prepareWriteSequence(null);
            }
            for (BufferedImage page : pages) {
                IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), p);
                dpi(md, format, dpi);
                if (sequence) {
                    w.writeToSequence(new IIOImage(page, null, md), p);
                } else {
                    w.write(null, new IIOImage(page, null, md), p);
                }
            }
            if (sequence) {
                w.endWriteSequence();
            }
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JDK's PNG and JPEG writers get the standard resolution node wrong: their own nodes are set. */
    private static void dpi(IIOMetadata md, String format, int dpi) throws IOException {
        switch (format) {
            case "png" -> {
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
                IIOMetadataNode phys = new IIOMetadataNode("pHYs");
                String ppm = String.valueOf(Math.round(dpi / 0.0254));
                phys.setAttribute("pixelsPerUnitXAxis", ppm);
                phys.setAttribute("pixelsPerUnitYAxis", ppm);
                phys.setAttribute("unitSpecifier", "meter");
                root.appendChild(phys);
                md.mergeTree("javax_imageio_png_1.0", root);
            }
            case "jpeg" -> {
                IIOMetadataNode root = (IIOMetadataNode) md.getAsTree("javax_imageio_jpeg_image_1.0");
                IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
                jfif.setAttribute("resUnits", "1");
                jfif.setAttribute("Xdensity", String.valueOf(dpi));
                jfif.setAttribute("Ydensity", String.valueOf(dpi));
                md.setFromTree("javax_imageio_jpeg_image_1.0", root);
            }
            default -> {
                IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
                IIOMetadataNode dim = new IIOMetadataNode("Dimension");
                for (String axis : new String[] {"HorizontalPixelSize", "VerticalPixelSize"}) {
                    IIOMetadataNode size = new IIOMetadataNode(axis);
                    size.setAttribute("value", String.valueOf(25.4 / dpi));
                    dim.appendChild(size);
                }
                root.appendChild(dim);
                md.mergeTree("javax_imageio_1.0", root);
            }
        }
    }

    /**
     * A 16-bit greyscale TIFF as scanners and libtiff write it: one strip per page, Deflate-compressed after the
     * horizontal-differencing predictor (TIFF 6.0 §14), which the JDK's own TIFF reader refuses for 16 bits.
     */
    public static byte[] tiff16(List<BufferedImage> pages, int dpi, ByteOrder order) {
        List<byte[]> strips = new ArrayList<>();
        for (BufferedImage page : pages) {
            BufferedImage grey = grey(page);
            int w = grey.getWidth();
            int h = grey.getHeight();
            ByteBuffer raw = ByteBuffer.allocate(w * h * 2).order(order);
            for (int y = 0; y < h; y++) {
                int previous = 0;
                for (int x = 0; x < w; x++) {
                    // 8 bits widened to 16 as a scanner's 16-bit output is, with its low bits not all zero
                    int v = grey.getRaster().getSample(x, y, 0) * 257;
                    raw.putShort((short) ((v - previous) & 0xFFFF));
                    previous = v;
                }
            }
            Deflater deflater = new Deflater(6);
            deflater.setInput(raw.array());
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            strips.add(out.toByteArray());
        }
        int entries = 13;
        int size = 8;
        for (byte[] strip : strips) {
            size += strip.length + (strip.length & 1) + 2 + entries * 12 + 4 + 16;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(order);
        b.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M').put(order == ByteOrder.LITTLE_ENDIAN
                ? (byte) 'I' : (byte) 'M').putShort((short) 42).putInt(8);
        for (int p = 0; p < pages.size(); p++) {
            byte[] strip = strips.get(p);
            int ifd = b.position();
            int extra = ifd + 2 + entries * 12 + 4;
            int stripAt = extra + 16;
            int next = stripAt + strip.length + (strip.length & 1);
            b.putShort((short) entries);
            entry(b, 256, 4, pages.get(p).getWidth());
            entry(b, 257, 4, pages.get(p).getHeight());
            entry(b, 258, 3, 16);
            entry(b, 259, 3, 8); // Deflate (Adobe)
            entry(b, 262, 3, 1); // black is zero
            entry(b, 273, 4, stripAt);
            entry(b, 277, 3, 1);
            entry(b, 278, 4, pages.get(p).getHeight());
            entry(b, 279, 4, strip.length);
            b.putShort((short) 282).putShort((short) 5).putInt(1).putInt(extra);
            b.putShort((short) 283).putShort((short) 5).putInt(1).putInt(extra + 8);
            entry(b, 296, 3, 2); // inches
            entry(b, 317, 3, 2); // horizontal differencing
            b.putInt(p == pages.size() - 1 ? 0 : next);
            b.putInt(dpi).putInt(1).putInt(dpi).putInt(1);
            b.put(strip);
            if ((strip.length & 1) == 1) {
                b.put((byte) 0);
            }
        }
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    private static void entry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    /** A PDF of page images, as scanning stations save a scan: no text layer, so the hub must read it by OCR. */
    private static byte[] pdf(List<BufferedImage> pages, Spoil spoil) throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage image : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                PDImageXObject x = spoil.colour() ? JPEGFactory.createFromImage(pdf, image, 0.85f)
                        : LosslessFactory.createFromImage(pdf, grey(image));
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
