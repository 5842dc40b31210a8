package vn.paknhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The offline check an integrator runs in CI ({@code java -jar pakn-hub.jar check routes mappings}): clean
 * on the shipped files; on broken copies, one line per problem naming the file, the line and the fix.
 */
class ConnectorCheckCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, List<String> lines, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ConnectorCheckCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    private void copyShipped() throws IOException {
        FileSystemUtils.copyRecursively(Path.of("routes"), dir.resolve("routes"));
        FileSystemUtils.copyRecursively(Path.of("mappings"), dir.resolve("mappings"));
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String before = Files.readString(p);
        assertThat(before).as(file).contains(from);
        Files.writeString(p, before.replace(from, to));
    }

    @Test
    void the_shipped_files_pass_and_the_exit_code_is_zero() {
        Run run = run("check", "routes", "mappings");
        assertThat(run.lines()).as(run.err()).containsExactly("Đạt: 4 tệp kết nối, không có lỗi / OK: 4 connector files, no problem");
        assertThat(run.exit()).isZero();
    }

    @Test
    void every_problem_of_broken_copies_is_one_line_with_file_line_and_fix_and_the_exit_code_is_one() throws IOException {
        copyShipped();
        // a misspelled parameter (line 18 of the copy), a route id that is not deliver-<system>
        edit("routes/dvcqg-pakn.yaml", "name: destinationCode", "name: destinatonCode");
        edit("routes/byt-soap.yaml", "routeId: deliver-byt-soap", "routeId: deliver-byt");
        // a JSONata mapping that does not compile: the parenthesis opened on line 3 is closed by "}" on line 4
        Files.writeString(dir.resolve("mappings/lamdong-kafka/update.jsonata"), "{\n  \"a\": 1,\n  \"b\": (\n}\n");
        // a golden example that no longer holds: the mapping renamed a field
        edit("mappings/bkhcn-api/dispatch.jsonata", "\"tieuDe\"", "\"tieuDe2\"");
        // a status example whose result the hub would refuse (an occurredAt without offset)
        edit("mappings/bkhcn-api/examples/status.input.json", "2026-11-23T09:00:00+07:00", "2026-11-23 09:00");
        edit("mappings/bkhcn-api/examples/status.expected.json", "2026-11-23T09:00:00+07:00", "2026-11-23 09:00");
        // a mappings folder no connector file names
        Files.createDirectories(dir.resolve("mappings/bxd-api"));

        Run run = run("check", dir.resolve("routes").toString(), dir.resolve("mappings").toString());

        assertThat(run.exit()).isEqualTo(1);
        List<String> problems = run.lines().subList(0, run.lines().size() - 1);
        assertThat(run.lines().get(run.lines().size() - 1)).startsWith("Không đạt: " + problems.size() + " lỗi")
                .contains("FAILED");
        assertThat(problems).hasSize(7).allSatisfy(p -> assertThat(p).doesNotContain("\n"));
        String routes = dir.resolve("routes").toString();
        String mappings = dir.resolve("mappings").toString();
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(routes + "/dvcqg-pakn.yaml:" + lineOf("routes/dvcqg-pakn.yaml",
                "destinatonCode") + ": parameter 'destinatonCode'").contains("did you mean 'destinationCode'?"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(routes + "/byt-soap.yaml:" + lineOf("routes/byt-soap.yaml",
                "routeId: deliver-byt") + ": routeId must be 'deliver-byt-soap'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(mappings + "/lamdong-kafka/update.jsonata:4: does not compile").contains("\"}\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(mappings + "/bkhcn-api/examples/dispatch.expected.json:"
                + lineOf("mappings/bkhcn-api/examples/dispatch.expected.json", "\"tieuDe\"")
                + ": golden example dispatch.input.json no longer holds at /tieuDe")
                .contains("fix the mapping, or if its new output is right, the expected file"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(mappings + "/bkhcn-api/status.jsonata:1: golden example"
                + " status.input.json gives a status update the hub refuses").contains("occurredAt"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(mappings + "/bxd-api: no ")
                .contains("bxd-api.yaml names these mappings"));
    }

    @Test
    void an_example_input_that_is_not_a_canonical_message_and_an_unreadable_reply_are_named() throws IOException {
        copyShipped();
        edit("mappings/lamdong-kafka/examples/dispatch.input.json", "\"schema\": \"pakn-hub/case-dispatch/v2\"",
                "\"schema\": \"pakn-hub/case-dispatch/v2\", \"colour\": \"blue\"");
        Files.writeString(dir.resolve("mappings/dvcqg-pakn/reply.jsonata"), "{\"outcome\": \"OK\"}");
        Files.writeString(dir.resolve("mappings/dvcqg-pakn/examples/reply.expected.json"), "{\"outcome\": \"OK\"}");
        Files.writeString(dir.resolve("mappings/dvcqg-pakn/examples/reply-refused.expected.json"), "{\"outcome\": \"OK\"}");
        Files.writeString(dir.resolve("mappings/dvcqg-pakn/examples/reply-duplicate.expected.json"), "{\"outcome\": \"OK\"}");

        Run run = run("check", dir.resolve("routes").toString(), dir.resolve("mappings").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).anySatisfy(p -> assertThat(p)
                .startsWith(dir.resolve("mappings/lamdong-kafka/examples/dispatch.input.json") + ":1: not a canonical"
                        + " pakn-hub/case-dispatch/v2 message").contains("colour").contains("correct the example input"));
        assertThat(run.lines()).filteredOn(p -> p.contains("a reply the hub cannot read")).hasSize(3)
                .allSatisfy(p -> assertThat(p).contains("outcome must be ACCEPTED, DUPLICATE or REFUSED"));
    }

    @Test
    void a_missing_folder_or_a_wrong_argument_is_a_usage_error() {
        assertThat(run("check", dir.resolve("nothing").toString()).exit()).isEqualTo(2);
        assertThat(run("check", "--colour").exit()).isEqualTo(2);
        assertThat(run("check", "--help").exit()).isZero();
    }

    @Test
    void the_published_schema_of_connector_files_is_the_one_the_hub_makes_and_it_accepts_the_shipped_files() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode published = json.readTree(Path.of(ConnectorFileSchema.PUBLISHED).toFile());
        assertThat(published).as("regenerate with: java -jar target/pakn-hub-*.jar check --schema > "
                + ConnectorFileSchema.PUBLISHED).isEqualTo(ConnectorFileSchema.of(ConnectorTemplates.shipped()));
        Run printed = run("check", "--schema");
        assertThat(json.readTree(String.join("\n", printed.lines()))).isEqualTo(published);

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(published);
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            assertThat(files.toList()).hasSize(4).allSatisfy(f -> {
                assertThat(Files.readString(f)).startsWith("# yaml-language-server: $schema=../schemas/connector-file.schema.json");
                assertThat(schema.validate(yaml(Files.readString(f)))).as(f.toString()).isEmpty();
            });
        }
        // what an editor flags as you type: a misspelled parameter, a value its pattern refuses, a missing one
        String bkhcn = Files.readString(Path.of("routes/bkhcn-api.yaml"));
        assertThat(schema.validate(yaml(bkhcn.replace("name: agencies", "name: agencie")))).isNotEmpty();
        assertThat(schema.validate(yaml(bkhcn.replace("value: BKHCN_API_SIGNING_KEY", "value: s3cr3t")))).isNotEmpty();
        assertThat(schema.validate(yaml(bkhcn.replace("routeTemplateRef: status-webhook", "routeTemplateRef: status-hook"))))
                .isNotEmpty();
        assertThat(schema.validate(yaml(bkhcn.replace("      - name: url\n        value: \"{{hub.connectors.url.bkhcn-api}}\"\n", ""))))
                .isNotEmpty();
    }

    private static JsonNode yaml(String text) {
        return new ObjectMapper().valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    }

    private static int lineOf(String shippedFile, String text) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(shippedFile.replace("destinatonCode", "destinationCode")));
        String needle = text.replace("destinatonCode", "destinationCode").replace("routeId: deliver-byt", "routeId: deliver-byt-soap");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in " + shippedFile);
    }
}
