package vn.paknhub.paper;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import java.util.TreeSet;

/**
 * TIFF pages of 16-bit samples stored with the horizontal-differencing predictor (TIFF 6.0 §14), as scanners
 * and libtiff write 16-bit greyscale with LZW or Deflate: the JDK's TIFF reader refuses the predictor for
 * anything but 8-bit samples, which made such scans look damaged. The file is read with the predictor tag
 * set to "none" (the JDK then decompresses the differences as if they were the samples), and the
 * differences are summed back along each row here, modulo 2<sup>16</sup> as the encoder took them.
 */
final class TiffPredictor {

    /** The bytes to hand to the JDK reader, and the pages (from 0) whose rows must be summed back. */
    record Prepared(byte[] bytes, Set<Integer> differenced) {
    }

    private static final int BITS_PER_SAMPLE = 258;
    private static final int PREDICTOR = 317;
    private static final int HORIZONTAL = 2;
    private static final int MAX_PAGES = 10_000;

    private TiffPredictor() {
    }

    /** The file unchanged when no page needs it; a file that is not a classic TIFF is left to the reader to judge. */
    static Prepared prepare(byte[] tiff) {
        Set<Integer> differenced = new TreeSet<>();
        if (tiff.length < 8 || !(tiff[0] == 'I' && tiff[1] == 'I' || tiff[0] == 'M' && tiff[1] == 'M')) {
            return new Prepared(tiff, differenced);
        }
        ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        if (b.getShort(2) != 42) {
            return new Prepared(tiff, differenced); // BigTIFF and the like: not this case
        }
        byte[] patched = null;
        long ifd = Integer.toUnsignedLong(b.getInt(4));
        Set<Long> visited = new java.util.HashSet<>();
        for (int page = 0; ifd > 0 && ifd + 2 <= tiff.length && visited.add(ifd) && page < MAX_PAGES; page++) {
            int at = (int) ifd;
            int entries = Short.toUnsignedInt(b.getShort(at));
            if (at + 2 + entries * 12L + 4 > tiff.length) {
                break;
            }
            int bits = 8;
            int predictorEntry = -1;
            for (int e = 0; e < entries; e++) {
                int entry = at + 2 + e * 12;
                int tag = Short.toUnsignedInt(b.getShort(entry));
                int type = Short.toUnsignedInt(b.getShort(entry + 2));
                long count = Integer.toUnsignedLong(b.getInt(entry + 4));
                if (tag == BITS_PER_SAMPLE && type == 3) {
                    int where = count <= 2 ? entry + 8 : b.getInt(entry + 8);
                    if (where >= 0 && where + 2 <= tiff.length) {
                        bits = Short.toUnsignedInt(b.getShort(where));
                    }
                } else if (tag == PREDICTOR && type == 3 && Short.toUnsignedInt(b.getShort(entry + 8)) == HORIZONTAL) {
                    predictorEntry = entry;
                }
            }
            if (predictorEntry >= 0 && bits == 16) {
                if (patched == null) {
                    patched = tiff.clone();
                }
                ByteBuffer.wrap(patched).order(b.order()).putShort(predictorEntry + 8, (short) 1);
                differenced.add(page);
            }
            ifd = Integer.toUnsignedLong(b.getInt(at + 2 + entries * 12));
        }
        return new Prepared(patched == null ? tiff : patched, differenced);
    }

    /** Sums each row's differences back into samples, band by band (the page read from the prepared bytes). */
    static BufferedImage undo(BufferedImage page) {
        WritableRaster raster = page.getRaster();
        int w = raster.getWidth();
        int[] row = new int[w];
        for (int band = 0; band < raster.getNumBands(); band++) {
            for (int y = 0; y < raster.getHeight(); y++) {
                raster.getSamples(0, y, w, 1, band, row);
                for (int x = 1; x < w; x++) {
                    row[x] = (row[x] + row[x - 1]) & 0xFFFF;
                }
                raster.setSamples(0, y, w, 1, band, row);
            }
        }
        return page;
    }
}
