package vn.paknhub.agency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;
import vn.paknhub.intake.FieldCatalogue;

/**
 * The labelled routing items (src/test/resources/routing, measured by bench/RoutingBench.java) stay
 * consistent with the body catalogue and the field list: a renamed or removed body code shows here,
 * not as a silently wrong benchmark.
 */
class LabelledRoutingItemsTest {

    private static final Set<String> RULES = Set.of("D10.1", "D10.2a", "D10.2b", "D10.3", "D10.4", "LOW_CONFIDENCE");
    private static final Set<String> TRIAGE_RULES = Set.of("D10.1", "D10.4", "LOW_CONFIDENCE");

    private final AgencyDirectory directory = new AgencyDirectory(new MockEnvironment(), new DefaultResourceLoader());

    @Test
    void every_label_names_known_bodies_and_fields_and_is_consistent_with_article_10() throws IOException {
        JsonNode items = items();
        FieldCatalogue fields;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("reference/fields.csv")) {
            fields = FieldCatalogue.load(in);
        }
        Set<String> ids = new HashSet<>();
        Map<String, int[]> perClass = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode item : items) {
            String id = item.path("id").asText();
            JsonNode e = item.path("expected");
            String rule = e.path("rule").asText();
            boolean triage = e.path("triage").asBoolean();
            if (!ids.add(id)) {
                problems.add(id + ": id used twice");
            }
            if (!RULES.contains(rule) || triage != TRIAGE_RULES.contains(rule)) {
                problems.add(id + ": rule " + rule + " with triage " + triage);
            }
            if (triage != e.path("lead").isNull() || (triage && !e.path("coordinating").isEmpty())) {
                problems.add(id + ": a triage item has no lead or coordinating bodies, any other has a lead");
            }
            List<String> bodies = new ArrayList<>();
            if (!triage) {
                bodies.add(e.path("lead").asText());
            }
            e.path("coordinating").forEach(c -> bodies.add(c.asText()));
            bodies.stream().filter(code -> directory.find(code).isEmpty())
                    .forEach(code -> problems.add(id + ": unknown body " + code));
            for (JsonNode field : List.of(e.path("field"), item.path("field"))) {
                if (!field.isNull() && fields.find(field.asText()).isEmpty()) {
                    problems.add(id + ": unknown field " + field.asText());
                }
            }
            if (rule.equals("D10.2a") && !(e.path("procedure").asBoolean() && "b".equals(e.path("field").asText()))) {
                problems.add(id + ": Đ10.2a is about an administrative procedure, field b");
            }
            String text = item.path("title").asText() + "\n" + item.path("content").asText();
            if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
                problems.add(id + ": not in NFC");
            }
            int[] counts = perClass.computeIfAbsent(item.path("class").asText(), c -> new int[2]);
            counts[item.path("split").asText().equals("aside") ? 1 : 0]++;
        }
        assertThat(problems).isEmpty();
        assertThat(items.size()).isGreaterThanOrEqualTo(170);
        assertThat(perClass).hasSize(14).allSatisfy((cls, counts) -> {
            assertThat(counts[0] + counts[1]).as(cls).isGreaterThanOrEqualTo(10);
            assertThat(counts[1]).as(cls + " aside").isBetween(2, (counts[0] + counts[1]) / 2);
        });
    }

    private JsonNode items() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("routing/labelled-items.json")) {
            return new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
