package vn.paknhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import vn.paknhub.core.messages.CanonicalMessages;

/** The start-up check of integrators' files: every shipped connector passes, and each mistake is named. */
class ConnectorFileCheckTest {

    private final ConnectorFileCheck check = new ConnectorFileCheck(new ObjectMapper(),
            new CanonicalXml(new CanonicalMessages(), new ObjectMapper()));

    @TempDir
    Path dir;

    @Test
    void every_shipped_connector_is_sound_and_its_golden_examples_hold() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            assertThat(files.toList()).hasSize(4).allSatisfy(f -> assertThat(check.check(f, Path.of("mappings")))
                    .as(f.toString()).isEmpty());
        }
    }

    private Path copyOf(String system) throws IOException {
        FileSystemUtils.copyRecursively(Path.of("mappings", system), dir.resolve("mappings").resolve(system));
        Files.createDirectories(dir.resolve("routes"));
        return Files.copy(Path.of("routes", system + ".yaml"), dir.resolve("routes").resolve(system + ".yaml"));
    }

    @Test
    void a_file_that_is_not_yaml_is_named_with_the_problem() throws IOException {
        Path route = copyOf("bkhcn-api");
        Files.writeString(route, "- templatedRoute:\n  routeTemplateRef: [unclosed\n");

        assertThat(check.check(route, dir.resolve("mappings"))).singleElement().asString()
                .startsWith(route.toString()).contains("YAML");
    }

    @Test
    void an_unknown_template_a_wrong_route_id_and_a_key_in_the_file_are_each_reported() throws IOException {
        Path route = copyOf("bkhcn-api");
        Files.writeString(route, Files.readString(route).replace("rest-json-connector", "soap-connector"));
        assertThat(check.check(route, dir.resolve("mappings"))).singleElement().asString().contains("soap-connector");

        Files.writeString(route, Files.readString(route).replace("soap-connector", "rest-json-connector")
                .replace("deliver-bkhcn-api", "bkhcn").replace("BKHCN_API_SIGNING_KEY", "s3cr3t-key"));
        // the key is named twice: by the delivery entry and by the status webhook entry
        assertThat(check.check(route, dir.resolve("mappings"))).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("routeId must be 'deliver-bkhcn-api'"))
                .anySatisfy(p -> assertThat(p).contains("signingKeyVariable").contains("never the key itself"));
    }

    @Test
    void a_missing_or_broken_mapping_and_a_golden_example_that_no_longer_holds_are_named() throws IOException {
        Path route = copyOf("bkhcn-api");
        Path mappings = dir.resolve("mappings");
        Files.delete(mappings.resolve("bkhcn-api/reply.jsonata"));
        assertThat(check.check(route, mappings)).singleElement().asString().contains("reply.jsonata: missing");

        Files.writeString(mappings.resolve("bkhcn-api/reply.jsonata"), "{ \"outcome\": ");
        assertThat(check.check(route, mappings)).singleElement().asString().contains("does not compile");

        Files.writeString(mappings.resolve("bkhcn-api/reply.jsonata"), "{\"outcome\": \"ACCEPTED\"}");
        assertThat(check.check(route, mappings)).isNotEmpty()
                .allSatisfy(p -> assertThat(p).contains("golden example reply"));
    }

    @Test
    void a_broken_xslt_mapping_is_named() throws IOException {
        Path route = copyOf("byt-soap");
        Files.writeString(dir.resolve("mappings/byt-soap/dispatch.xsl"), "<xsl:stylesheet version=\"3.0\">");

        assertThat(check.check(route, dir.resolve("mappings"))).singleElement().asString()
                .contains("dispatch.xsl:1: does not compile").contains("XSLT 3.0");
    }

    @Test
    void a_misspelled_or_unknown_parameter_is_refused_with_the_nearest_valid_name() throws IOException {
        Path route = copyOf("dvcqg-pakn");
        Files.writeString(route, Files.readString(route).replace("name: destinationCode", "name: destinatonCode"));
        assertThat(check.check(route, dir.resolve("mappings"))).singleElement().asString()
                .contains("parameter 'destinatonCode' is not a parameter of rest-json-connector")
                .contains("did you mean 'destinationCode'?");

        Files.writeString(route, Files.readString(route).replace("name: destinatonCode", "name: colour"));
        assertThat(check.check(route, dir.resolve("mappings"))).singleElement().asString()
                .contains("parameter 'colour'").contains("it takes [system, url, signingKeyVariable, agencies");
    }

    @Test
    void a_value_its_definition_refuses_and_a_missing_parameter_are_named_with_what_the_parameter_is() throws IOException {
        Path route = copyOf("bkhcn-api");
        Files.writeString(route, Files.readString(route).replace("\"{{hub.connectors.url.bkhcn-api}}\"", "ftp://bkhcn.gov.vn/pakn")
                .replace("      - name: agencies\n        value: BKHCN\n", ""));
        assertThat(check.check(route, dir.resolve("mappings"))).singleElement().asString()
                .contains("parameter 'url' = 'ftp://bkhcn.gov.vn/pakn' is not valid").contains("http:// or https://");

        Files.writeString(route, Files.readString(route).replace("      - name: url\n        value: ftp://bkhcn.gov.vn/pakn\n", ""));
        assertThat(check.check(route, dir.resolve("mappings"))).singleElement().asString()
                .contains("parameter 'url' is missing: the system's address");
    }

    @Test
    void on_a_running_hub_an_address_the_environment_never_gave_is_named() throws IOException {
        Path route = copyOf("bkhcn-api");
        ConnectorFileCheck running = new ConnectorFileCheck(new ObjectMapper(),
                new CanonicalXml(new CanonicalMessages(), new ObjectMapper()), placeholder -> "");
        assertThat(running.check(route, dir.resolve("mappings"))).singleElement().asString()
                .contains("parameter 'url' = '' is not valid").contains("{{hub.connectors.url.bkhcn-api}}");
    }

    @Test
    void the_templates_and_their_definition_name_the_same_templates_and_parameters() throws IOException {
        String templates = Files.readString(Path.of("src/main/resources/camel/connector-templates.yaml"));
        Matcher ids = Pattern.compile("(?m)^- routeTemplate:\\n    id: ([\\w-]+)$").matcher(templates);
        List<String> found = new ArrayList<>();
        while (ids.find()) {
            found.add(ids.group(1));
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(ConnectorTemplates.shipped().names());
        assertThat(templates).doesNotContain("parameters:");
        for (String[] body : bodies(templates)) {
            ConnectorTemplates.Template t = ConnectorTemplates.shipped().get(body[0]).orElseThrow();
            Matcher used = Pattern.compile("\\{\\{([\\w-]+)\\}\\}").matcher(body[1]);
            while (used.find()) {
                assertThat(t.parameters()).as(body[0] + " uses {{" + used.group(1) + "}}").containsKey(used.group(1));
            }
            for (String declared : t.parameters().keySet()) {
                assertThat(declared.equals("agencies") || body[1].contains("{{" + declared + "}}"))
                        .as(body[0] + " declares " + declared + " and uses it").isTrue();
            }
        }
    }

    /** Each template's id and text, from one "- routeTemplate:" to the next. */
    private static List<String[]> bodies(String templates) {
        List<String[]> bodies = new ArrayList<>();
        String[] parts = templates.split("(?m)^- routeTemplate:\\n");
        for (int i = 1; i < parts.length; i++) {
            String id = parts[i].lines().findFirst().orElseThrow().replace("    id: ", "").strip();
            bodies.add(new String[] {id, parts[i]});
        }
        return bodies;
    }
}
