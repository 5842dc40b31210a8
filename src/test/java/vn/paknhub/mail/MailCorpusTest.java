package vn.paknhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.paknhub.core.text.ContactFinder;

/**
 * The labelled mail corpus (src/test/resources/mail-corpus) is whole, and what the reader alone makes of each mail
 * agrees with its label: the title, the text, the phone, whether a robot wrote it, whether it can be read at all.
 * The hub's decisions on the same mails (cases, resends, replies, answers) are measured by bench/run.sh
 * BENCH=mailcorpus against a running hub.
 */
class MailCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/mail-corpus");
    private final MailReader reader = new MailReader(10, 200);

    private static JsonNode labels() throws Exception {
        return new ObjectMapper().readTree(CORPUS.resolve("labels.json").toFile());
    }

    @Test
    void every_mail_is_labelled_and_every_fourth_of_a_class_is_set_aside() throws Exception {
        JsonNode labels = labels();
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(CORPUS)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).forEach(files::add);
        }
        Set<String> labelled = new TreeSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode l : labels) {
            labelled.add(l.path("file").asText());
            int n = seen.merge(l.path("class").asText(), 1, Integer::sum);
            assertThat(l.path("aside").asBoolean()).as(l.path("file").asText()).isEqualTo(n % 4 == 0);
            assertThat(l.path("action").asText()).isNotBlank();
            assertThat(l.has("answer")).isTrue();
            if (l.hasNonNull("case")) {
                assertThat(files).contains(l.path("case").asText());
            }
            l.fields().forEachRemaining(f -> {
                if (f.getValue().isTextual()) {
                    assertThat(Normalizer.isNormalized(f.getValue().asText(), Normalizer.Form.NFC)).isTrue();
                }
            });
        }
        assertThat(labelled).isEqualTo(files);
        assertThat(files).hasSizeGreaterThanOrEqualTo(60);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void the_reader_reads_each_mail_as_its_label_says() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (JsonNode l : labels()) {
            String file = l.path("file").asText();
            String action = l.path("action").asText();
            ReadMail m;
            try {
                m = reader.read(Files.readAllBytes(CORPUS.resolve(file)));
            } catch (Exception unreadable) {
                if (!action.equals("QUARANTINED")) {
                    wrong.add(file + ": unreadable (" + unreadable + ")");
                }
                continue;
            }
            boolean robot = m.automated() != null;
            if (robot != action.equals("NOT_ANSWERED")) {
                wrong.add(file + ": automated = " + m.automated());
            }
            if (!action.equals("CASE_OPENED")) {
                continue;
            }
            MailIntake.Item item = MailIntake.item(m);
            String title = l.path("title").asText();
            if (title.endsWith("…") ? !item.title().startsWith(title.substring(0, title.length() - 1)) : !item.title().equals(title)) {
                wrong.add(file + ": title " + item.title());
            }
            if (l.hasNonNull("text") && !item.content().contains(l.path("text").asText())) {
                wrong.add(file + ": text lacks «" + l.path("text").asText() + "»");
            }
            String phone = ContactFinder.phone(item.content()).orElse("");
            if (l.hasNonNull("phone") && !phone.equals(l.path("phone").asText())) {
                wrong.add(file + ": phone " + phone);
            }
            if (l.hasNonNull("contact") && !l.path("contact").asText().equals(m.fromName())) {
                wrong.add(file + ": name " + m.fromName());
            }
        }
        assertThat(wrong).isEmpty();
    }
}
