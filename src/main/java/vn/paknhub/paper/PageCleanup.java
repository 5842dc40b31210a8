package vn.paknhub.paper;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;

/**
 * The light clean-up a scanned page gets before OCR: grey levels, enlarged to about 300 dpi for an
 * A4 page (Tesseract reads small print far better), and straightened when the sheet went through the
 * scanner at an angle (a 2° skew cost Tesseract most of a letter; see ScanReadingTest). Binarisation
 * is left to Tesseract, whose Otsu threshold adapts tile by tile: one threshold for the whole page,
 * tried here, lost a third of the text of a 150 dpi letter.
 */
final class PageCleanup {

    /** A page ready for the OCR engine, with the skew it was straightened by and its resolution. */
    record Cleaned(BufferedImage image, double skewDegrees, int dpi) {
    }

    /** A4 at 300 dpi is 2480 pixels wide; narrower scans are enlarged. */
    static final int TARGET_WIDTH = 2480;
    private static final double A4_WIDTH_INCHES = 8.27;
    /** Sheets fed further askew than this are not letters a scanner produces; the search stops there. */
    private static final double MAX_SKEW = 5.0;
    /** Below this a rotation would blur the letters more than it straightens the lines. */
    private static final double MIN_CORRECTION = 0.2;
    /** The skew is estimated on a page this many times smaller: the lines of text are still lines. */
    private static final int ESTIMATE_SHRINK = 4;

    private PageCleanup() {
    }

    static Cleaned clean(BufferedImage page) {
        BufferedImage grey = grey(page);
        double skew = skew(grey);
        if (Math.abs(skew) >= MIN_CORRECTION) {
            grey = rotate(grey, -skew);
        }
        boolean bilevel = page.getColorModel() instanceof IndexColorModel palette && palette.getMapSize() == 2
                && grey.getWidth() == page.getWidth();
        // a black-and-white scan stays black and white: Tesseract then has no threshold to find (9 % faster on the test letters)
        return new Cleaned(bilevel ? bilevel(grey) : grey, skew, (int) Math.round(grey.getWidth() / A4_WIDTH_INCHES));
    }

    private static BufferedImage bilevel(BufferedImage grey) {
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        byte[] in = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] bits = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int w = grey.getWidth();
        int stride = ((MultiPixelPackedSampleModel) out.getRaster().getSampleModel()).getScanlineStride();
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                if ((in[y * w + x] & 0xFF) >= 128) {
                    bits[y * stride + (x >> 3)] |= (byte) (0x80 >>> (x & 7)); // 1 = white in the default palette
                }
            }
        }
        return out;
    }

    static BufferedImage grey(BufferedImage page) {
        double scale = page.getWidth() < TARGET_WIDTH * 0.7 ? (double) TARGET_WIDTH / page.getWidth() : 1.0;
        if (scale == 1.0 && page.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return page;
        }
        if (scale == 1.0 && page.getColorModel() instanceof IndexColorModel palette
                && (page.getType() == BufferedImage.TYPE_BYTE_BINARY || page.getType() == BufferedImage.TYPE_BYTE_INDEXED)) {
            return viaPalette(page, palette);
        }
        int w = (int) Math.round(page.getWidth() * scale);
        int h = (int) Math.round(page.getHeight() * scale);
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, scale == 1.0
                ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(page, 0, 0, w, h, null);
        g.dispose();
        return grey;
    }

    /**
     * A bilevel or palette scan (most scanning stations' output) turned grey through its palette: the
     * palette's few colours go through Java 2D once, the pixels through a table, many times faster
     * than drawing the page.
     */
    private static BufferedImage viaPalette(BufferedImage page, IndexColorModel palette) {
        int colours = palette.getMapSize();
        BufferedImage swatch = new BufferedImage(colours, 1, page.getType(), palette);
        for (int i = 0; i < colours; i++) {
            swatch.getRaster().setSample(i, 0, 0, i);
        }
        BufferedImage greySwatch = new BufferedImage(colours, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = greySwatch.createGraphics();
        g.drawImage(swatch, 0, 0, null);
        g.dispose();
        byte[] table = ((DataBufferByte) greySwatch.getRaster().getDataBuffer()).getData();
        int w = page.getWidth();
        BufferedImage grey = new BufferedImage(w, page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        if (page.getRaster().getSampleModel() instanceof MultiPixelPackedSampleModel packed
                && packed.getDataBitOffset() == 0 && page.getRaster().getDataBuffer() instanceof DataBufferByte data
                && page.getRaster().getParent() == null) {
            // 1, 2 or 4 bits per pixel, unpacked from the bytes (the sample model does it a pixel at a time)
            byte[] in = data.getData();
            int bits = packed.getPixelBitStride();
            int stride = packed.getScanlineStride();
            int perByte = 8 / bits;
            int mask = (1 << bits) - 1;
            for (int y = 0; y < page.getHeight(); y++) {
                int from = data.getOffset() + y * stride;
                for (int x = 0; x < w; x++) {
                    int shift = 8 - bits * (x % perByte + 1);
                    out[y * w + x] = table[(in[from + x / perByte] >> shift) & mask];
                }
            }
            return grey;
        }
        int[] row = new int[w];
        for (int y = 0; y < page.getHeight(); y++) {
            page.getRaster().getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = table[row[x]];
            }
        }
        return grey;
    }

    /**
     * The angle (degrees, positive = the lines fall to the right) at which the page's lines of text
     * are most sharply lines: ink is projected onto the vertical axis at each candidate angle, and
     * the angle whose profile has the strongest contrast between lines and gaps wins. Coarse search
     * in half degrees, then tenths around the best.
     */
    static double skew(BufferedImage grey) {
        int w = grey.getWidth() / ESTIMATE_SHRINK;
        int h = grey.getHeight() / ESTIMATE_SHRINK;
        if (w < 50 || h < 50) {
            return 0;
        }
        byte[] px = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int threshold = otsu(histogram(grey, ESTIMATE_SHRINK));
        int n = 0;
        int[] xs = new int[w * h / 4];
        int[] ys = new int[xs.length];
        for (int y = 0; y < h && n < xs.length; y++) {
            int row = y * ESTIMATE_SHRINK * grey.getWidth();
            for (int x = 0; x < w && n < xs.length; x++) {
                if ((px[row + x * ESTIMATE_SHRINK] & 0xFF) < threshold) {
                    xs[n] = x - w / 2;
                    ys[n] = y;
                    n++;
                }
            }
        }
        if (n < 200) {
            return 0; // a blank page has no lines to straighten
        }
        double best = 0;
        double bestScore = profileContrast(xs, ys, n, w, h, 0);
        for (double a = -MAX_SKEW; a <= MAX_SKEW; a += 0.5) {
            double s = profileContrast(xs, ys, n, w, h, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        for (double a = coarse - 0.4; a <= coarse + 0.4; a += 0.1) {
            double s = profileContrast(xs, ys, n, w, h, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        return Math.round(best * 10) / 10.0;
    }

    private static double profileContrast(int[] xs, int[] ys, int n, int w, int h, double degrees) {
        double tan = Math.tan(Math.toRadians(degrees));
        int offset = (int) Math.ceil(Math.abs(tan) * w / 2.0) + 1;
        int[] bins = new int[h + 2 * offset];
        for (int i = 0; i < n; i++) {
            int b = (int) (ys[i] - xs[i] * tan + offset + 0.5); // never negative: offset covers the turn
            if (b >= 0 && b < bins.length) {
                bins[b]++;
            }
        }
        double score = 0;
        for (int i = 1; i < bins.length; i++) {
            double d = bins[i] - bins[i - 1];
            score += d * d;
        }
        return score;
    }

    /**
     * The page turned by {@code degrees} about its centre, with white where the turn uncovers paper.
     * Nearest neighbour, not a smoothing interpolation: smoothed noise grew a line of false accents
     * between two lines of the noisy test letter.
     */
    static BufferedImage rotate(BufferedImage grey, double degrees) {
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(grey, AffineTransform.getRotateInstance(Math.toRadians(degrees), grey.getWidth() / 2.0,
                grey.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    private static int[] histogram(BufferedImage grey, int step) {
        byte[] px = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int[] hist = new int[256];
        for (int y = 0; y < grey.getHeight(); y += step) {
            int row = y * grey.getWidth();
            for (int x = 0; x < grey.getWidth(); x += step) {
                hist[px[row + x] & 0xFF]++;
            }
        }
        return hist;
    }

    /** The grey level that best separates ink from paper (Otsu: the largest between-class variance). */
    static int otsu(int[] hist) {
        long total = 0;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            total += hist[i];
            sum += (double) i * hist[i];
        }
        double sumBelow = 0;
        long below = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            below += hist[t];
            if (below == 0) {
                continue;
            }
            long above = total - below;
            if (above == 0) {
                break;
            }
            sumBelow += (double) t * hist[t];
            double meanBelow = sumBelow / below;
            double meanAbove = (sum - sumBelow) / above;
            double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                threshold = t + 1;
            }
        }
        return threshold;
    }
}
