package vn.paknhub.paper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tesseract OCR engine with its Vietnamese model, run as a separate process per page: bounded in
 * threads (OMP_THREAD_LIMIT), in memory (prlimit, where the system has it), in processes running at
 * once, and in time per page. A page it cannot read in time, or at all, is read by nobody: it comes
 * back with confidence 0 and the reason, for a person to read.
 */
class Tesseract {

    /**
     * One page as read: its text (NFC, lines as on the page), mean word confidence 0–100, a note when it failed,
     * and whether it was left unread because it holds no ink (a blank back side).
     */
    record PageText(String text, double confidence, String problem, boolean blank) {

        PageText(String text, double confidence, String problem) {
            this(text, confidence, problem, false);
        }

        static final PageText BLANK = new PageText("", 0, null, true);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Tesseract.class);
    /** Words further apart than this share of the page width are in different columns (letter head). */
    private static final double COLUMN_GAP = 0.06;

    private final PaperSettings settings;
    private final Semaphore processes;
    private final String missing;

    Tesseract(PaperSettings settings) {
        this.settings = settings;
        this.processes = new Semaphore(Math.max(1, settings.ocrProcesses()));
        this.missing = check();
        if (missing != null) {
            LOG.error("OCR is not available ({}): scanned letters will wait in the verification queue to be read by a"
                    + " person. Install it with: apt-get install tesseract-ocr tesseract-ocr-vie", missing);
        } else {
            LOG.info("OCR: {} with language {}", settings.tesseract(), settings.language());
        }
    }

    /** Why the engine cannot run here, or null when it can. */
    String unavailable() {
        return missing;
    }

    private String check() {
        try {
            Process p = new ProcessBuilder(settings.tesseract(), "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return settings.tesseract() + " --list-langs did not answer";
            }
            return out.lines().map(String::strip).anyMatch(settings.language()::equals) ? null
                    : "the language model '" + settings.language() + "' is not installed";
        } catch (IOException e) {
            return "the command '" + settings.tesseract() + "' is not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** One page read on its own (a scan of one page). */
    PageText read(BufferedImage page) {
        try (Batch batch = batch()) {
            batch.add(page);
            return batch.read().get(0);
        }
    }

    /** The pages of one scan, read by one OCR process: the engine's start and model load are paid once per scan. */
    Batch batch() {
        return new Batch(PageCleanup.CHOSEN);
    }

    /** The same, with other clean-up steps: for measuring them against each other (the paper corpus bench). */
    Batch batch(PageCleanup.Steps steps) {
        return new Batch(steps);
    }

    /** A page for Tesseract, with its resolution in it (XResolution, YResolution in inches). */
    private static void writeTiff(BufferedImage image, int dpi, Path file) throws IOException {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            javax.imageio.metadata.IIOMetadata md = writer.getDefaultImageMetadata(
                    javax.imageio.ImageTypeSpecifier.createFromRenderedImage(image), param);
            javax.imageio.metadata.IIOMetadataNode root = new javax.imageio.metadata.IIOMetadataNode("javax_imageio_1.0");
            javax.imageio.metadata.IIOMetadataNode dimension = new javax.imageio.metadata.IIOMetadataNode("Dimension");
            for (String axis : new String[] {"HorizontalPixelSize", "VerticalPixelSize"}) {
                javax.imageio.metadata.IIOMetadataNode size = new javax.imageio.metadata.IIOMetadataNode(axis);
                size.setAttribute("value", String.valueOf(25.4 / dpi));
                dimension.appendChild(size);
            }
            root.appendChild(dimension);
            md.mergeTree("javax_imageio_1.0", root);
            writer.write(null, new javax.imageio.IIOImage(image, null, md), param);
        } finally {
            writer.dispose();
        }
    }

    /**
     * Pages are cleaned and written to disk as they are added (one page in memory at a time), outside
     * the OCR slot, so that one scan's preparation overlaps another's OCR; {@link #read} then holds a
     * slot for the one process. Its time limit is the per-page limit times the pages.
     */
    final class Batch implements AutoCloseable {
        private Path dir;
        /** Each added page's image file, or null for a page without ink. */
        private final List<Path> pages = new ArrayList<>();
        private final java.util.Set<Integer> dpis = new java.util.TreeSet<>();
        private final PageCleanup.Steps steps;

        private Batch(PageCleanup.Steps steps) {
            this.steps = steps;
        }

        void add(BufferedImage page) {
            if (missing != null) {
                pages.add(null);
                return;
            }
            try {
                PageCleanup.Cleaned cleaned = PageCleanup.clean(page, steps);
                if (cleaned.blank()) {
                    pages.add(null); // nothing to read: no OCR time spent on it
                    return;
                }
                if (dir == null) {
                    dir = Files.createTempDirectory("pakn-ocr");
                }
                dpis.add(cleaned.dpi());
                Path image = dir.resolve("page-" + (pages.size() + 1) + ".tif");
                // uncompressed TIFF: written in milliseconds and read by Tesseract as fast as PNG (PGM read slower);
                // its resolution written in it, since pages of one scan may differ (one enlarged, another not)
                writeTiff(cleaned.image(), cleaned.dpi(), image);
                pages.add(image);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Each added page's text, in order. */
        List<PageText> read() {
            if (missing != null) {
                return failed("OCR không có trên máy chủ / OCR engine not available: " + missing);
            }
            List<Path> toRead = pages.stream().filter(java.util.Objects::nonNull).toList();
            if (toRead.isEmpty()) {
                return pages.stream().map(p -> PageText.BLANK).toList();
            }
            try {
                processes.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed("OCR interrupted");
            }
            try {
                Path list = dir.resolve("pages.txt");
                Files.write(list, toRead.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
                List<String> command = new ArrayList<>();
                if (Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
                    command.addAll(List.of("/usr/bin/prlimit", "--as=" + settings.ocrMemory().toBytes(), "--"));
                }
                command.addAll(List.of(settings.tesseract(), toRead.size() == 1 ? toRead.get(0).toString() : list.toString(),
                        dir.resolve("out").toString(), "-l", settings.language(), "--psm", String.valueOf(settings.psm())));
                if (dpis.size() == 1) {
                    command.addAll(List.of("--dpi", String.valueOf(dpis.iterator().next())));
                }
                command.add("tsv");
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("log.txt").toFile());
                pb.environment().put("OMP_THREAD_LIMIT", String.valueOf(Math.max(1, settings.ocrThreads())));
                Process p = pb.start();
                long limit = (long) settings.pageTimeoutSeconds() * toRead.size();
                if (!p.waitFor(limit, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return failed("quá thời gian nhận dạng " + limit + " giây / OCR timed out after " + limit + " s");
                }
                if (p.exitValue() != 0) {
                    String log = Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8).strip();
                    return failed("OCR lỗi / OCR failed: " + log.lines().reduce((x, y) -> y).orElse("exit " + p.exitValue()));
                }
                String tsv = Files.readString(dir.resolve("out.tsv"), StandardCharsets.UTF_8);
                List<PageText> texts = new ArrayList<>();
                int read = 0;
                for (Path page : pages) {
                    texts.add(page == null ? PageText.BLANK : fromTsv(onePage(tsv, ++read)));
                }
                return texts;
            } catch (IOException e) {
                return failed("OCR lỗi / OCR failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed("OCR interrupted");
            } finally {
                processes.release();
            }
        }

        private List<PageText> failed(String problem) {
            return pages.stream().map(x -> x == null && missing == null ? PageText.BLANK : new PageText("", 0, problem))
                    .toList();
        }

        @Override
        public void close() {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    /** The rows of page {@code page} (from 1) of a word table covering several pages. */
    static String onePage(String tsv, int page) {
        StringBuilder rows = new StringBuilder();
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", 3);
            if (c.length > 1 && c[1].equals(String.valueOf(page))) {
                rows.append(row).append('\n');
            }
        }
        return rows.toString();
    }

    /**
     * The page's text from Tesseract's word table. A line whose words stand far apart holds two
     * columns (the sender's block beside the national motto): within each paragraph the left column
     * comes first, then the right, so that a block split over several lines reads as one.
     */
    static PageText fromTsv(String tsv) {
        record Word(int left, int right, String text) {
        }
        Map<String, List<Word>> lines = new TreeMap<>();
        int pageWidth = 0;
        double confidence = 0;
        int words = 0;
        for (String row : tsv.split("\n")) {
            String[] c = row.split("\t", -1);
            if (c.length < 12 || !c[0].matches("\\d+")) {
                continue;
            }
            if (c[0].equals("1")) {
                pageWidth = Integer.parseInt(c[8]);
            }
            String text = c[11].strip();
            if (!c[0].equals("5") || text.isEmpty()) {
                continue; // an empty "word" is Tesseract's way of saying a blank page looks confident
            }
            String key = "%05d|%05d|%05d".formatted(Integer.parseInt(c[2]), Integer.parseInt(c[3]), Integer.parseInt(c[4]));
            int left = Integer.parseInt(c[6]);
            lines.computeIfAbsent(key, k -> new ArrayList<>()).add(new Word(left, left + Integer.parseInt(c[8]), text));
            confidence += Math.max(0, Double.parseDouble(c[10]));
            words++;
        }
        StringBuilder out = new StringBuilder();
        String paragraph = null;
        List<String> rightColumn = new ArrayList<>();
        for (Map.Entry<String, List<Word>> line : lines.entrySet()) {
            String par = line.getKey().substring(0, line.getKey().lastIndexOf('|'));
            if (!par.equals(paragraph)) {
                rightColumn.forEach(r -> out.append(r).append('\n'));
                rightColumn.clear();
                if (paragraph != null) {
                    out.append('\n');
                }
                paragraph = par;
            }
            List<Word> ws = line.getValue();
            ws.sort(java.util.Comparator.comparingInt(Word::left));
            StringBuilder left = new StringBuilder();
            StringBuilder right = new StringBuilder();
            boolean split = false;
            for (int i = 0; i < ws.size(); i++) {
                if (i > 0 && ws.get(i).left() - ws.get(i - 1).right() > COLUMN_GAP * pageWidth) {
                    split = true;
                }
                StringBuilder into = split ? right : left;
                if (into.length() > 0) {
                    into.append(' ');
                }
                into.append(ws.get(i).text());
            }
            out.append(left).append('\n');
            if (split) {
                rightColumn.add(right.toString());
            }
        }
        rightColumn.forEach(r -> out.append(r).append('\n'));
        // Tesseract writes "V⁄v" with a fraction slash
        String text = Normalizer.normalize(out.toString().replace('\u2044', '/'), Normalizer.Form.NFC);
        return new PageText(text, words == 0 ? 0 : confidence / words, words == 0 ? "không đọc được chữ nào / no text found"
                : null);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove the OCR work folder {}", dir);
        }
    }
}
