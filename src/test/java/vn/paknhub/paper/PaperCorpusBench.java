package vn.paknhub.paper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import vn.paknhub.intake.FieldCatalogue;
import vn.paknhub.intake.SubmissionValidator;

/**
 * The paper channel judged on the labelled corpus (src/test/resources/paper-corpus), the way the hub reads a
 * scan: every letter rendered and spoiled as its labels say, read by ScanPages (clean-up, Tesseract, blank pages
 * skipped), understood by LetterReader and checked by LetterCheck, exactly as PaperIntake does; then compared
 * with what a clerk reads, field by field, for the kept letters and for those set aside. Beside it, the raw
 * {@code tesseract} command on the same pages (the scan file itself, or a PDF's pages as PNG): the character
 * accuracy of the letters' bodies (the truth aligned with the best-matching stretch of each page text) and pages
 * per minute, each letter read by both in turn so that a busy machine slows both alike.
 *
 * <pre>
 *   bench/run.sh with BENCH=papercorpus, or with the test classpath:
 *   java -cp … vn.paknhub.paper.PaperCorpusBench [--only REGEX] [--details] [--no-raw]
 *        [--steps INK:LOW:DESPECKLE:FLATTEN,LUMINANCE:ALWAYS,…]   (clean-up variants compared on OCR accuracy)
 *        [--scan "dpi=150 noise=6"]   (every letter scanned this way instead of its own, to measure a step)
 *        [--cache DIR]   (the hub's page texts kept and reused: the letter reader worked on without OCR)
 * </pre>
 */
public final class PaperCorpusBench {

    private record Variant(String name, PageCleanup.Steps steps) {
    }

    private record Read(String text, List<ScanPages.Page> pages, long nanos) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private PaperCorpusBench() {
    }

    public static void main(String[] args) throws Exception {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN); // the figures, not the libraries' chatter
        }
        String only = null;
        Path cache = null;
        String scan = null;
        boolean details = false;
        boolean raw = true;
        List<Variant> variants = new ArrayList<>(List.of(new Variant("hub", PageCleanup.CHOSEN)));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> only = args[++i];
                case "--details" -> details = true;
                case "--no-raw" -> raw = false;
                case "--cache" -> cache = Path.of(args[++i]);
                case "--scan" -> scan = args[++i];
                case "--steps" -> {
                    for (String v : args[++i].split(",")) {
                        String[] p = v.split(":");
                        variants.add(new Variant(v, new PageCleanup.Steps(PageCleanup.Colour.valueOf(p[0]),
                                PageCleanup.Enlarge.valueOf(p[1]), v.contains(":DESPECKLE"), v.contains(":FLATTEN"))));
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        SubmissionValidator validator;
        try (InputStream in = PaperCorpusBench.class.getResourceAsStream("/reference/fields.csv")) {
            validator = new SubmissionValidator(FieldCatalogue.load(in));
        }
        Tesseract ocr = new Tesseract(OcrSettings.with("tesseract", 120));
        if (ocr.unavailable() != null) {
            throw new IllegalStateException("OCR: " + ocr.unavailable());
        }
        Pattern filter = only == null ? null : Pattern.compile(only);
        String rescan = scan;
        List<PaperCorpus.Letter> letters = PaperCorpus.load().stream()
                .filter(l -> filter == null || filter.matcher(l.name()).find())
                // every letter scanned another way: for measuring a clean-up step on pages of one kind
                .map(l -> rescan == null ? l : new PaperCorpus.Letter(l.name(), l.kind(), l.aside(), rescan, l.expected(),
                        l.markup()))
                .toList();
        Path work = Files.createTempDirectory("papercorpus");

        if (cache == null && !letters.isEmpty()) {
            // the JIT compiler's first work on image decoding and clean-up is not the channel's pace: one letter first
            for (Variant v : variants) {
                ScanPages.read(letters.get(0).file(), 50, 300, ocr, v.steps());
            }
        }
        Map<String, int[]> right = new LinkedHashMap<>(); // field -> {kept right, kept total, aside right, aside total}
        PaperCorpus.FIELDS.forEach(f -> right.put(f, new int[4]));
        long[] edits = new long[variants.size() + 1];
        long truthChars = 0;
        long[] nanos = new long[variants.size() + 1];
        int[] variantRight = new int[variants.size()];
        long[] writtenNanos = new long[variants.size() + 1];
        int writtenPages = 0;
        int pages = 0;
        int blank = 0;
        List<String> wrong = new ArrayList<>();
        System.out.printf(Locale.ROOT, "== paper corpus: %d letters (%d kept, %d aside); Tesseract %s, one process,"
                + " OMP_THREAD_LIMIT=1%s%n", letters.size(), letters.stream().filter(l -> !l.aside()).count(),
                letters.stream().filter(PaperCorpus.Letter::aside).count(), tesseractVersion(), scan == null ? ""
                        : "; every letter scanned as «" + scan + "»");
        if (details) {
            System.out.println("body %: " + String.join(", ", variants.stream().map(Variant::name).toList())
                    + (raw ? ", raw tesseract" : ""));
        }
        for (PaperCorpus.Letter letter : letters) {
            String truth = letter.body();
            truthChars += squash(truth).length();
            List<Read> reads = new ArrayList<>();
            Path cached = cache == null ? null : cache.resolve(letter.name() + ".json");
            if (cached != null && Files.exists(cached)) {
                // the hub's reading kept from an earlier run: for working on the letter reader without OCR
                List<ScanPages.Page> read = List.of(JSON.readValue(cached.toFile(), ScanPages.Page[].class));
                reads.add(new Read(String.join("\n\n", read.stream().map(ScanPages.Page::text).toList()), read, 0));
            } else {
                byte[] file = letter.file();
                for (Variant v : variants) {
                    long t0 = System.nanoTime();
                    List<ScanPages.Page> read = ScanPages.read(file, 50, 300, ocr, v.steps());
                    reads.add(new Read(String.join("\n\n", read.stream().map(ScanPages.Page::text).toList()), read,
                            System.nanoTime() - t0));
                }
                if (raw) {
                    reads.add(raw(file, work));
                }
                if (cached != null) {
                    Files.createDirectories(cache);
                    JSON.writeValue(cached.toFile(), reads.get(0).pages());
                }
            }
            for (int i = 0; i < reads.size() && reads.get(0).nanos() > 0; i++) {
                edits[i] += bestEdits(reads.get(i).text(), truth);
                nanos[i] += reads.get(i).nanos();
            }
            for (int i = 1; i < variants.size() && reads.get(0).nanos() > 0; i++) {
                variantRight[i] += fieldsRight(letter, reads.get(i), validator);
            }
            variantRight[0] += fieldsRight(letter, reads.get(0), validator);
            List<ScanPages.Page> hubPages = reads.get(0).pages();
            pages += hubPages.size();
            int blanks = (int) hubPages.stream().filter(p -> p.source() == ScanPages.Source.BLANK).count();
            blank += blanks;
            if (blanks == 0) {
                writtenPages += hubPages.size();
                for (int i = 0; i < reads.size(); i++) {
                    writtenNanos[i] += reads.get(i).nanos();
                }
            }

            Map<String, String> actual = actual(reads.get(0), validator);
            StringBuilder line = new StringBuilder();
            for (String field : PaperCorpus.FIELDS) {
                boolean ok = same(field, letter.expected().get(field), actual.get(field));
                int[] r = right.get(field);
                r[letter.aside() ? 2 : 0] += ok ? 1 : 0;
                r[letter.aside() ? 3 : 1]++;
                if (!ok) {
                    wrong.add(String.format("  %-48s %-9s expected «%s», read «%s»", letter.name() + (letter.aside()
                            ? " (aside)" : ""), field, letter.expected().get(field), actual.get(field)));
                    line.append(' ').append(field);
                }
            }
            if (details) {
                StringBuilder bodies = new StringBuilder();
                for (Read r : reads) {
                    bodies.append(String.format(Locale.ROOT, " %5.1f", 100 * accuracy(r.text(), truth)));
                }
                System.out.printf(Locale.ROOT, "%-44s %-5s %d p. body %%%s   %5.1f s (raw %4.1f s)%s%n", letter.name(),
                        letter.aside() ? "aside" : "kept", hubPages.size(), bodies, reads.get(0).nanos() / 1e9,
                        raw && reads.size() > variants.size() ? reads.get(reads.size() - 1).nanos() / 1e9 : Double.NaN,
                        line.isEmpty() ? "" : "  WRONG:" + line);
            }
        }
        System.out.println();
        System.out.println("field       kept              aside");
        for (Map.Entry<String, int[]> e : right.entrySet()) {
            int[] r = e.getValue();
            System.out.printf(Locale.ROOT, "%-10s %3d/%-3d %6.1f %%   %3d/%-3d %6.1f %%%n", e.getKey(), r[0], r[1], pct(r[0], r[1]),
                    r[2], r[3], pct(r[2], r[3]));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "OCR character accuracy on the bodies (%d characters, each body aligned with the"
                + " best-matching stretch of the text read):%n", truthChars);
        for (int i = 0; i < variants.size(); i++) {
            System.out.printf(Locale.ROOT, "  %-22s %6.2f %%%n", variants.get(i).name(), 100.0 * (1 - (double) edits[i]
                    / truthChars));
        }
        if (raw) {
            System.out.printf(Locale.ROOT, "  %-22s %6.2f %%%n", "raw tesseract", 100.0 * (1 - (double) edits[variants.size()]
                    / truthChars));
        }
        if (variants.size() > 1) {
            System.out.println("fields right, all letters (each variant's reading through the letter reader):");
            for (int i = 0; i < variants.size(); i++) {
                System.out.printf(Locale.ROOT, "  %-22s %4d/%d%n", variants.get(i).name(), variantRight[i],
                        letters.size() * PaperCorpus.FIELDS.size());
            }
        }
        System.out.printf(Locale.ROOT, "%nPages per minute (%d pages, %d of them blank back sides; decoding and clean-up"
                + " included for the hub):%n", pages, blank);
        for (int i = 0; i < variants.size(); i++) {
            System.out.printf(Locale.ROOT, "  %-22s %6.1f%n", variants.get(i).name(), pages / (nanos[i] / 60e9));
        }
        if (raw) {
            System.out.printf(Locale.ROOT, "  %-22s %6.1f   (hub / raw = %.2f)%n", "raw tesseract",
                    pages / (nanos[variants.size()] / 60e9), (double) nanos[variants.size()] / nanos[0]);
        }
        System.out.printf(Locale.ROOT, "the %d pages of letters without a blank back side:%n", writtenPages);
        for (int i = 0; i < variants.size(); i++) {
            System.out.printf(Locale.ROOT, "  %-22s %6.1f%n", variants.get(i).name(), writtenPages / (writtenNanos[i] / 60e9));
        }
        if (raw) {
            System.out.printf(Locale.ROOT, "  %-22s %6.1f   (hub / raw = %.2f)%n", "raw tesseract",
                    writtenPages / (writtenNanos[variants.size()] / 60e9),
                    (double) writtenNanos[variants.size()] / writtenNanos[0]);
        }
        if (!wrong.isEmpty()) {
            System.out.println();
            System.out.println("wrong fields:");
            wrong.forEach(System.out::println);
        }
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static int fieldsRight(PaperCorpus.Letter letter, Read read, SubmissionValidator validator) {
        Map<String, String> actual = actual(read, validator);
        return (int) PaperCorpus.FIELDS.stream().filter(f -> same(f, letter.expected().get(f), actual.get(f))).count();
    }

    private static Map<String, String> actual(Read read, SubmissionValidator validator) {
        LetterReader.Letter l = LetterReader.read(read.text());
        List<LetterCheck.Doubt> doubts = LetterCheck.doubts(read.pages(), l, validator, 80);
        Map<String, String> actual = new LinkedHashMap<>();
        actual.put("outcome", doubts.isEmpty() ? "OPENED" : "VERIFY " + String.join(" ", new TreeSet<>(doubts.stream()
                .map(LetterCheck.Doubt::key).toList())));
        actual.put("addressee", l.addressee());
        actual.put("sender", l.senderName());
        actual.put("phone", l.phone());
        actual.put("email", l.email());
        actual.put("subject", l.title());
        return actual;
    }

    /** The raw tesseract command on the scan as it is (a PDF's pages as PNG, which it cannot read itself). */
    private static Read raw(byte[] file, Path work) throws Exception {
        List<Path> inputs = new ArrayList<>();
        if (ScanPages.mediaType(file).equals("application/pdf")) {
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(file)) {
                var renderer = new org.apache.pdfbox.rendering.PDFRenderer(pdf);
                for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                    BufferedImage image = renderer.renderImageWithDPI(i, 300, org.apache.pdfbox.rendering.ImageType.RGB);
                    Path png = work.resolve("raw-page-" + i + ".png");
                    ImageIO.write(image, "png", png.toFile());
                    inputs.add(png);
                }
            }
        } else {
            Path scan = work.resolve("raw-scan");
            Files.write(scan, file);
            inputs.add(scan);
        }
        StringBuilder text = new StringBuilder();
        long total = 0;
        for (Path input : inputs) {
            Path out = work.resolve("raw-out");
            ProcessBuilder pb = new ProcessBuilder("tesseract", input.toString(), out.toString(), "-l", "vie", "--psm", "4",
                    "txt").redirectErrorStream(true).redirectOutput(work.resolve("raw-log.txt").toFile());
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("raw tesseract failed: " + Files.readString(work.resolve("raw-log.txt")));
            }
            total += System.nanoTime() - t0;
            text.append(Files.readString(work.resolve("raw-out.txt"), StandardCharsets.UTF_8)).append("\n\n");
        }
        return new Read(Normalizer.normalize(text.toString(), Normalizer.Form.NFC), List.of(), total);
    }

    private static String tesseractVersion() {
        try {
            Process p = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().findFirst().orElse("?").replace("tesseract ", "");
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    static boolean same(String field, String expected, String actual) {
        return Objects.equals(normal(field, expected), normal(field, actual));
    }

    private static String normal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = Normalizer.normalize(value, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
        return switch (field) {
            case "phone" -> v.replaceAll("\\D", "");
            case "outcome" -> v;
            default -> v.replaceAll("[.;,:]+$", "").toLowerCase(Locale.forLanguageTag("vi"));
        };
    }

    static double accuracy(String read, String truth) {
        return 1 - (double) bestEdits(read, truth) / squash(truth).length();
    }

    /**
     * The fewest edits that turn the truth into some stretch of the text read (semi-global alignment): a body is
     * judged on its own, wherever the page's head, columns and signature put it.
     */
    static int bestEdits(String read, String truth) {
        String a = squash(truth);
        String b = squash(read);
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            char c = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (c == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        int best = a.length();
        for (int v : prev) {
            best = Math.min(best, v);
        }
        return best;
    }

    private static String squash(String s) {
        return CharacterAccuracy.squash(s);
    }

    private static double pct(int a, int b) {
        return b == 0 ? Double.NaN : 100.0 * a / b;
    }
}
