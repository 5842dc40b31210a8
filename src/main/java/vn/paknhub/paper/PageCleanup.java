package vn.paknhub.paper;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.Raster;

/**
 * The light clean-up a scanned page gets before OCR: grey levels, enlarged to about 300 dpi for an
 * A4 page when that helps (Tesseract reads small clean print better, but enlarging a noisy page turns its
 * specks into blobs), and straightened when the sheet went through the scanner at an angle (a 2° skew cost
 * Tesseract most of a letter; see ScanReadingTest). A colour page turns grey by its brightest channel, not
 * its luminance: a red or blue seal pressed over the signature block is bright in its own channel and
 * vanishes, while the black print under it stays black in every channel. A page with no ink (the blank back
 * side of a duplex scan) is marked so that no OCR time is spent on it. Binarisation is left to Tesseract,
 * whose Otsu threshold adapts tile by tile: one threshold for the whole page, tried here, lost a third of
 * the text of a 150 dpi letter. Each step was measured on the rendered, degraded letters of the paper
 * corpus (bench/run.sh BENCH=papercorpus) and is kept only where it helped.
 */
final class PageCleanup {

    /**
     * A page ready for the OCR engine, with the skew it was straightened by, its resolution, and whether it
     * holds no ink at all (then it need not be read).
     */
    record Cleaned(BufferedImage image, double skewDegrees, int dpi, boolean blank) {
    }

    /**
     * How a colour page turns grey: by luminance (as Java 2D draws it); by its brightest channel; or as ink: the
     * brightest channel lightened by the pixel's colourfulness (max − min), so that seal ink, even darkened by a
     * phone's poor light or smeared by JPEG, turns paper while black print, grey in every channel, stays.
     */
    enum Colour { LUMINANCE, BRIGHTEST, INK }

    /**
     * When a narrow scan is enlarged toward 300 dpi: never; always (under 210 dpi); when its paper is clean (under
     * 210 dpi); or only when it is clean and under {@link #LOW_DPI} — the one case where it was measured to help.
     */
    enum Enlarge { NEVER, ALWAYS, CLEAN, LOW }

    /** The steps of the clean-up, chosen by measurement ({@link #CHOSEN}); the others are kept for the bench. */
    record Steps(Colour colour, Enlarge enlarge, boolean despeckle, boolean flatten) {
    }

    static final Steps CHOSEN = new Steps(Colour.INK, Enlarge.LOW, true, true);

    /**
     * Below this resolution a letter's dot is no bigger than a speck of dust (despeckling cost 1.8 % of the
     * characters of clean 100 dpi letters), and enlarging a clean page gained 0.1 %; above it enlarging gained
     * nothing on clean 120–200 dpi letters, took twice the time and on dusty 200 dpi pages lost a tenth of the
     * characters (88.0 % read unenlarged, 77.0 % enlarged).
     */
    static final int LOW_DPI = 130;

    /** A4 at 300 dpi is 2480 pixels wide; narrower scans are enlarged. */
    static final int TARGET_WIDTH = 2480;
    private static final double A4_WIDTH_INCHES = 8.27;
    /** Sheets fed further askew than this are not letters a scanner produces; the search stops there. */
    private static final double MAX_SKEW = 5.0;
    /** Below this a rotation would blur the letters more than it straightens the lines. */
    private static final double MIN_CORRECTION = 0.2;
    /** The skew is estimated on a page this many times smaller: the lines of text are still lines. */
    private static final int ESTIMATE_SHRINK = 4;
    /**
     * The spread of the paper's grey levels (standard deviation) above which a page counts as noisy and is not
     * enlarged: a flatbed scan's paper stays under 3, a noisy sensor's or a phone's goes well over 5.
     */
    static final double NOISY_PAPER = 4.0;
    /** Paper whose brightest and darkest parts differ by less than this many grey levels is even enough. */
    static final int EVEN_PAPER = 24;

    private PageCleanup() {
    }

    static Cleaned clean(BufferedImage page) {
        return clean(page, CHOSEN);
    }

    static Cleaned clean(BufferedImage page, Steps steps) {
        BufferedImage grey = toGrey(page, steps.colour());
        if (steps.flatten()) {
            grey = flatten(grey);
        }
        int nativeDpi = (int) Math.round(grey.getWidth() / A4_WIDTH_INCHES);
        if (blank(grey, nativeDpi)) {
            return new Cleaned(grey, 0, nativeDpi, true);
        }
        boolean narrow = grey.getWidth() < TARGET_WIDTH * 0.7;
        boolean low = nativeDpi < LOW_DPI;
        if (steps.despeckle() && !low) {
            // dust specks, which Tesseract reads as stray punctuation (88.0 % of the characters of dusty 200 dpi
            // letters read, 97.6 % once despeckled; clean pages unchanged)
            grey = despeckle(grey);
        }
        if (narrow && switch (steps.enlarge()) {
            case NEVER -> false;
            case ALWAYS -> true;
            case CLEAN -> paperNoise(grey) < NOISY_PAPER;
            case LOW -> low && paperNoise(grey) < NOISY_PAPER;
        }) {
            grey = scale(grey, (double) TARGET_WIDTH / grey.getWidth());
        }
        double skew = skew(grey);
        if (Math.abs(skew) >= MIN_CORRECTION) {
            grey = rotate(grey, -skew);
        }
        boolean bilevel = page.getColorModel() instanceof IndexColorModel palette && palette.getMapSize() == 2
                && grey.getWidth() == page.getWidth();
        // a black-and-white scan stays black and white: Tesseract then has no threshold to find (9 % faster on the test letters)
        return new Cleaned(bilevel ? bilevel(grey) : grey, skew, (int) Math.round(grey.getWidth() / A4_WIDTH_INCHES), false);
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

    /** The page in grey levels at its own resolution, colour turned grey as {@link #CHOSEN} says. */
    static BufferedImage grey(BufferedImage page) {
        return toGrey(page, CHOSEN.colour());
    }

    static BufferedImage toGrey(BufferedImage page, Colour colour) {
        if (page.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return page;
        }
        if (page.getColorModel() instanceof IndexColorModel palette
                && (page.getType() == BufferedImage.TYPE_BYTE_BINARY || page.getType() == BufferedImage.TYPE_BYTE_INDEXED)) {
            return viaPalette(page, palette, colour);
        }
        if (page.getRaster().getNumBands() == 1 && page.getRaster().getDataBuffer() instanceof DataBufferUShort) {
            return sixteenBits(page);
        }
        if (colour != Colour.LUMINANCE && page.getColorModel().getNumColorComponents() == 3) {
            return brightest(page, colour == Colour.INK);
        }
        return drawn(page);
    }

    /** As Java 2D draws the page into grey: luminance. */
    private static BufferedImage drawn(BufferedImage page) {
        BufferedImage grey = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grey.getWidth(), grey.getHeight());
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return grey;
    }

    /**
     * Each pixel's brightest channel: ink that is dark in every channel (print, toner, a black pen) stays dark,
     * while a seal's red or blue ink, bright in its own channel, turns near-white, so that the name printed
     * under the seal is read. Transparent parts are paper.
     */
    private static BufferedImage brightest(BufferedImage page, boolean ink) {
        int w = page.getWidth();
        int h = page.getHeight();
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        Raster raster = page.getRaster();
        if (page.getType() == BufferedImage.TYPE_3BYTE_BGR && raster.getParent() == null) {
            byte[] in = ((DataBufferByte) raster.getDataBuffer()).getData();
            for (int i = 0, j = 0; i < out.length; i++, j += 3) {
                out[i] = (byte) grey(in[j + 2] & 0xFF, in[j + 1] & 0xFF, in[j] & 0xFF, ink);
            }
            return grey;
        }
        if (page.getType() == BufferedImage.TYPE_INT_RGB && raster.getParent() == null) {
            int[] in = ((DataBufferInt) raster.getDataBuffer()).getData();
            for (int i = 0; i < out.length; i++) {
                int p = in[i];
                out[i] = (byte) grey((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF, ink);
            }
            return grey;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            page.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int alpha = p >>> 24;
                int v = grey((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF, ink);
                out[y * w + x] = (byte) ((v * alpha + 255 * (255 - alpha)) / 255);
            }
        }
        return grey;
    }

    private static int grey(int r, int g, int b, boolean ink) {
        int max = Math.max(r, Math.max(g, b));
        return ink ? Math.min(255, 2 * max - Math.min(r, Math.min(g, b))) : max;
    }

    /**
     * The page with its paper made evenly white: a phone's light falling off across the sheet, or a fold's
     * shadow, darkens the paper of part of the page, and Tesseract's one threshold for the page then loses the
     * text there (a phone photo lost its whole signature block). The paper's brightness is taken block by block
     * (the brightest pixels of each block are paper), smoothed, and every pixel divided by it. Pages whose paper
     * is even are left as they are.
     */
    static BufferedImage flatten(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        int block = Math.max(16, w / 40);
        int bw = (w + block - 1) / block;
        int bh = (h + block - 1) / block;
        byte[] px = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int[] paper = new int[bw * bh];
        int[] hist = new int[256];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                java.util.Arrays.fill(hist, 0);
                int n = 0;
                for (int y = by * block; y < Math.min(h, (by + 1) * block); y += 2) {
                    for (int x = bx * block; x < Math.min(w, (bx + 1) * block); x += 2) {
                        hist[px[y * w + x] & 0xFF]++;
                        n++;
                    }
                }
                // the 90th percentile: a block half covered by ink still shows its paper
                int seen = 0;
                int v = 255;
                while (v > 0 && (seen += hist[v]) < n / 10) {
                    v--;
                }
                paper[by * bw + bx] = v;
            }
        }
        // a block all ink (a thick rule, a photo) borrows its neighbours' paper: the largest around it, smoothed
        int[] smooth = new int[paper.length];
        int lo = 255;
        int hi = 0;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int max = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = Math.min(bh - 1, Math.max(0, by + dy));
                        int xx = Math.min(bw - 1, Math.max(0, bx + dx));
                        max = Math.max(max, paper[yy * bw + xx]);
                    }
                }
                smooth[by * bw + bx] = Math.max(1, max);
                lo = Math.min(lo, max);
                hi = Math.max(hi, max);
            }
        }
        if (hi - lo < EVEN_PAPER) {
            return grey;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] o = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            double fy = Math.min(bh - 1.0, Math.max(0, (y + 0.5) / block - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(bh - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < w; x++) {
                double fx = Math.min(bw - 1.0, Math.max(0, (x + 0.5) / block - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(bw - 1, x0 + 1);
                double tx = fx - x0;
                double background = (smooth[y0 * bw + x0] * (1 - tx) + smooth[y0 * bw + x1] * tx) * (1 - ty)
                        + (smooth[y1 * bw + x0] * (1 - tx) + smooth[y1 * bw + x1] * tx) * ty;
                int v = (int) Math.round((px[y * w + x] & 0xFF) * 255.0 / background);
                o[y * w + x] = (byte) Math.min(255, v);
            }
        }
        return out;
    }

    /**
     * A 16-bit grey page to 8 bits, its darkest and lightest levels (0.1 % and 99.9 %) stretched over the whole
     * range: some scanners write 12 bits of data in 16, which a plain shift would leave almost black.
     */
    private static BufferedImage sixteenBits(BufferedImage page) {
        int w = page.getWidth();
        int h = page.getHeight();
        int[] hist = new int[65536];
        int[] row = new int[w];
        Raster raster = page.getRaster();
        for (int y = 0; y < h; y += 2) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x += 2) {
                hist[row[x]]++;
            }
        }
        long total = 0;
        for (int c : hist) {
            total += c;
        }
        int lo = 0;
        int hi = 65535;
        long seen = 0;
        for (int v = 0; v < 65536; v++) {
            seen += hist[v];
            if (seen > total / 1000) {
                lo = v;
                break;
            }
        }
        seen = 0;
        for (int v = 65535; v >= 0; v--) {
            seen += hist[v];
            if (seen > total / 1000) {
                hi = v;
                break;
            }
        }
        if (hi <= lo) {
            lo = 0;
            hi = 65535;
        }
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        double span = hi - lo;
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int v = (int) Math.round((row[x] - lo) * 255 / span);
                v = v < 0 ? 0 : Math.min(255, v);
                out[y * w + x] = (byte) v;
            }
        }
        return grey;
    }

    /** A grey page enlarged by {@code scale}, smoothly (bicubic). */
    static BufferedImage scale(BufferedImage grey, double scale) {
        int w = (int) Math.round(grey.getWidth() * scale);
        int h = (int) Math.round(grey.getHeight() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(grey, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * The sensor noise of the page (a standard deviation in grey levels), from the differences between
     * horizontal neighbours on the paper: their median absolute value is robust to the few differences that fall
     * on the edges of letters, and a phone's light falling off slowly across the sheet does not count.
     */
    static double paperNoise(BufferedImage grey) {
        int threshold = otsu(histogram(grey, 3));
        byte[] px = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int w = grey.getWidth();
        int[] differences = new int[256];
        long n = 0;
        for (int y = 1; y < grey.getHeight(); y += 3) {
            int row = y * w;
            for (int x = 1; x < w; x += 3) {
                int a = px[row + x] & 0xFF;
                int b = px[row + x - 1] & 0xFF;
                if (a > threshold && b > threshold) {
                    differences[Math.abs(a - b)]++;
                    n++;
                }
            }
        }
        if (n == 0) {
            return 0;
        }
        // median |a − b| of two independent noisy pixels: σ·√2·0.6745
        double median = percentile(differences, 0.5);
        return median / (Math.sqrt(2) * 0.6745);
    }

    /**
     * The page with dust taken off: marks of at most {@code maxArea} dark pixels, no wider or taller than two,
     * with nothing dark around them, become paper. A letter's dot or accent is larger, or sits right by its
     * letter; Tesseract took isolated specks for punctuation.
     */
    static BufferedImage despeckle(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        int threshold = otsu(histogram(grey, 3));
        byte[] px = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] out = null;
        int paper = percentile(histogram(grey, 4), 0.5);
        for (int y = 2; y < h - 3; y++) {
            for (int x = 2; x < w - 3; x++) {
                int p = y * w + x;
                if ((px[p] & 0xFF) >= threshold) {
                    continue;
                }
                // the 2×2 block from here must hold the mark, and the ring of pixels around the 4×4 window be paper
                boolean isolated = true;
                for (int dy = -2; dy <= 3 && isolated; dy++) {
                    for (int dx = -2; dx <= 3 && isolated; dx++) {
                        boolean inside = dx >= 0 && dx <= 1 && dy >= 0 && dy <= 1;
                        isolated = inside || (px[p + dy * w + dx] & 0xFF) >= threshold;
                    }
                }
                if (isolated) {
                    if (out == null) {
                        out = px.clone();
                    }
                    for (int dy = 0; dy <= 1; dy++) {
                        for (int dx = 0; dx <= 1; dx++) {
                            out[p + dy * w + dx] = (byte) paper;
                        }
                    }
                }
            }
        }
        if (out == null) {
            return grey;
        }
        BufferedImage clean = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(out, 0, ((DataBufferByte) clean.getRaster().getDataBuffer()).getData(), 0, out.length);
        return clean;
    }

    /**
     * True when the page holds no ink: fewer than a dozen marks the size of a letter's stroke, well darker than
     * the paper (a faded 75 dpi letter's ink is barely half as dark as the paper, and is ink). Dust, noise,
     * faint show-through from the other side and a punched hole are not ink enough; a line of text is dozens of
     * marks, so the search stops early on a written page.
     */
    static boolean blank(BufferedImage grey, int dpi) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        byte[] px = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int[] hist = histogram(grey, 4);
        int paper = percentile(hist, 0.5);
        if (paper < 128) {
            return false; // mostly dark: no blank sheet (an open lid, a photo) but a page to judge like any other
        }
        // ink stands well below the paper, but a faded page's ink may be far from black: the paper is the measure
        int ink = paper - Math.max(60, paper / 4);
        double scale = dpi / 300.0;
        int minArea = (int) Math.max(4, Math.round(20 * scale * scale));
        byte[] seen = new byte[w * h];
        int[] stack = new int[4096];
        int marks = 0;
        for (int start = 0; start < px.length; start++) {
            if (seen[start] != 0 || (px[start] & 0xFF) >= ink) {
                continue;
            }
            // flood the mark (8-connected), counting its pixels
            int area = 0;
            int top = 0;
            stack[top++] = start;
            seen[start] = 1;
            while (top > 0) {
                int p = stack[--top];
                area++;
                int x = p % w;
                int y = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int q = yy * w + xx;
                        if (xx < 0 || xx >= w || seen[q] != 0 || (px[q] & 0xFF) >= ink) {
                            continue;
                        }
                        seen[q] = 1;
                        if (top == stack.length) {
                            stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                        }
                        stack[top++] = q;
                    }
                }
            }
            if (area >= minArea && ++marks >= 12) {
                return false;
            }
        }
        return true;
    }

    private static int percentile(int[] hist, double share) {
        long total = 0;
        for (int c : hist) {
            total += c;
        }
        long seen = 0;
        for (int v = 0; v < hist.length; v++) {
            seen += hist[v];
            if (seen >= total * share) {
                return v;
            }
        }
        return 255;
    }

    /**
     * A bilevel or palette scan (most scanning stations' output) turned grey through its palette: the
     * palette's few colours go through Java 2D once, the pixels through a table, many times faster
     * than drawing the page.
     */
    private static BufferedImage viaPalette(BufferedImage page, IndexColorModel palette, Colour colour) {
        int colours = palette.getMapSize();
        BufferedImage swatch = new BufferedImage(colours, 1, page.getType(), palette);
        for (int i = 0; i < colours; i++) {
            swatch.getRaster().setSample(i, 0, 0, i);
        }
        byte[] table = ((DataBufferByte) (colour == Colour.LUMINANCE ? drawn(swatch) : brightest(swatch,
                colour == Colour.INK)).getRaster().getDataBuffer()).getData();
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
