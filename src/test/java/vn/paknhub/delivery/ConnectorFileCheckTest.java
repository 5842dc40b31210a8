package vn.paknhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
                .anySatisfy(p -> assertThat(p).contains("signingKeyVariable").contains("never hold the key"));
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
                .contains("dispatch.xsl: does not compile");
    }
}
