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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tesseract OCR engine with its Vietnamese model, run as a separate process per page: bounded in
 * threads (OMP_THREAD_LIMIT), in memory (prlimit, where the system has it), in processes running at
 * once, and in time per page. A page it cannot read in time, or at all, is read by nobody: it comes
 * back with confidence 0 and the reason, for a person to read.
 */
class Tesseract {

    /** One page as read: its text (NFC, lines as on the page), mean word confidence 0–100, and a note when it failed. */
    record PageText(String text, double confidence, String problem) {
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

    PageText read(BufferedImage page) {
        if (missing != null) {
            return new PageText("", 0, "OCR không có trên máy chủ / OCR engine not available: " + missing);
        }
        try {
            processes.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PageText("", 0, "OCR interrupted");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pakn-ocr");
            PageCleanup.Cleaned cleaned = PageCleanup.clean(page);
            Path image = dir.resolve("page.pgm");
            writePgm(cleaned.image(), image);
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
                command.addAll(List.of("/usr/bin/prlimit", "--as=" + settings.ocrMemory().toBytes(), "--"));
            }
            command.addAll(List.of(settings.tesseract(), image.toString(), dir.resolve("out").toString(), "-l",
                    settings.language(), "--psm", String.valueOf(settings.psm()), "--dpi",
                    String.valueOf(cleaned.dpi()), "tsv"));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log.txt").toFile());
            pb.environment().put("OMP_THREAD_LIMIT", String.valueOf(Math.max(1, settings.ocrThreads())));
            Process p = pb.start();
            if (!p.waitFor(settings.pageTimeoutSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new PageText("", 0, "quá thời gian nhận dạng " + settings.pageTimeoutSeconds()
                        + " giây / OCR timed out after " + settings.pageTimeoutSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                String log = Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8).strip();
                return new PageText("", 0, "OCR lỗi / OCR failed: " + log.lines().reduce((a, b) -> b).orElse("exit "
                        + p.exitValue()));
            }
            try (InputStream tsv = Files.newInputStream(dir.resolve("out.tsv"))) {
                return fromTsv(new String(tsv.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return new PageText("", 0, "OCR lỗi / OCR failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PageText("", 0, "OCR interrupted");
        } finally {
            processes.release();
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
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

    /** Netpbm grey map: no compression to spend time on, and read by Tesseract (Leptonica) as it is. */
    private static void writePgm(BufferedImage grey, Path to) throws IOException {
        byte[] px = ((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(to), 1 << 16)) {
            out.write(("P5\n" + grey.getWidth() + " " + grey.getHeight() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            out.write(px);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove the OCR work folder {}", dir);
        }
    }
}
