package vn.paknhub.paper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import vn.paknhub.support.LetterScans;

/**
 * The labelled letters of src/test/resources/paper-corpus: each file a letter in the markup of
 * {@link LetterScans}, after a head of {@code key: value} lines naming its class, whether it is set aside (every
 * fourth letter of each class, kept out of tuning), how it is scanned and spoiled, and what a careful clerk
 * reads from it: the outcome (OPENED, or VERIFY with the exact items a person must supply or decide, as
 * {@code field:rule}), addressee, sender, phone, e-mail and subject (blank: not on the page).
 */
final class PaperCorpus {

    static final Path DIR = Path.of("src/test/resources/paper-corpus");
    static final List<String> FIELDS = List.of("outcome", "addressee", "sender", "phone", "email", "subject");

    record Letter(String name, String kind, boolean aside, String scan, Map<String, String> expected,
            List<String> markup) {

        LetterScans.Spoil spoil() {
            return LetterScans.Spoil.parse(scan, name.hashCode());
        }

        byte[] file() {
            return LetterScans.file(markup, spoil());
        }

        String body() {
            return LetterScans.body(markup);
        }
    }

    private PaperCorpus() {
    }

    static List<Letter> load() {
        return load(DIR);
    }

    static List<Letter> load(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Letter> letters = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                letters.add(parse(file.getFileName().toString().replaceFirst("\\.txt$", ""),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
            return letters;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Letter parse(String name, String text) {
        String nfc = Normalizer.normalize(text.replace("\r\n", "\n"), Normalizer.Form.NFC);
        int split = nfc.indexOf("\n---\n");
        if (split < 0) {
            throw new IllegalArgumentException(name + ": no '---' line between the labels and the letter");
        }
        Map<String, String> head = new LinkedHashMap<>();
        for (String line : nfc.substring(0, split).split("\n")) {
            int colon = line.indexOf(':');
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (colon < 1) {
                throw new IllegalArgumentException(name + ": not a 'key: value' line: " + line);
            }
            head.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (!head.containsKey(field)) {
                throw new IllegalArgumentException(name + ": no expectation for " + field);
            }
            expected.put(field, head.get(field).isEmpty() ? null : head.get(field));
        }
        return new Letter(name, head.getOrDefault("class", "?"), "yes".equalsIgnoreCase(head.get("aside")),
                head.getOrDefault("scan", "dpi=300"), expected, List.of(nfc.substring(split + 5).split("\n")));
    }
}
