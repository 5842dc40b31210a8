package vn.paknhub.core.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import vn.paknhub.core.messages.CanonicalMessages.Kind;

/** The canonical message schemas against their examples in schemas/messages/examples, JSON and XML. */
class CanonicalMessagesTest {

    private static final Path EXAMPLES = Path.of("schemas", "messages", "examples");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CanonicalMessages MESSAGES = new CanonicalMessages();

    @TestFactory
    Stream<DynamicTest> every_example_is_judged_as_its_name_says() {
        return Stream.of(Kind.values()).flatMap(kind -> examples(kind).stream().map(file -> dynamicTest(
                kind.messageName() + "/" + file.getFileName(), () -> {
                    List<String> violations = violationsOf(kind, file);
                    if (file.getFileName().toString().startsWith("valid-")) {
                        assertThat(violations).as(file.toString()).isEmpty();
                    } else {
                        assertThat(violations).as(file.toString()).isNotEmpty();
                    }
                })));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void each_kind_has_at_least_two_valid_and_three_invalid_examples_per_format(Kind kind) {
        for (String format : List.of(".json", ".xml")) {
            List<String> names = examples(kind).stream().map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(format)).toList();
            assertThat(names).as(kind + " " + format)
                    .filteredOn(n -> n.startsWith("valid-")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(names).as(kind + " " + format)
                    .filteredOn(n -> n.startsWith("invalid-")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(names).as(kind + " " + format).allMatch(n -> n.startsWith("valid-") || n.startsWith("invalid-"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void every_json_example_has_an_xml_twin_with_the_same_case_code(Kind kind) {
        assertThat(baseNames(kind, ".xml")).isEqualTo(baseNames(kind, ".json"));
        for (String name : baseNames(kind, ".json")) {
            JsonNode caseCode = json(folder(kind).resolve(name + ".json")).path("caseCode");
            Element xmlCaseCode = child(xml(folder(kind).resolve(name + ".xml")), "caseCode");
            assertThat(xmlCaseCode == null ? null : xmlCaseCode.getTextContent()).as(name)
                    .isEqualTo(caseCode.isTextual() ? caseCode.asText() : null);
        }
    }

    /** The correspondence README.md promises, checked on the valid pairs: same values, same places. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void valid_xml_examples_carry_exactly_the_data_of_their_json_twins(Kind kind) {
        for (String name : baseNames(kind, ".json")) {
            if (name.startsWith("valid-")) {
                List<String> differences = new ArrayList<>();
                compare(json(folder(kind).resolve(name + ".json")), xml(folder(kind).resolve(name + ".xml")), "$",
                        differences);
                assertThat(differences).as(name).isEmpty();
            }
        }
    }

    @Test
    void a_doctype_is_refused_before_any_entity_is_resolved() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<caseDispatch xmlns=\"urn:pakn-hub:case-dispatch:v1\"><schema>&e;</schema></caseDispatch>";

        List<String> violations = MESSAGES.violationsOfXml(Kind.CASE_DISPATCH, xxe);

        // "root:" opens /etc/passwd: had the entity been resolved, its text could surface in a message.
        assertThat(violations).singleElement().asString()
                .contains("DOCTYPE not allowed").contains("line 2").doesNotContain("root:");
    }

    @Test
    void malformed_xml_is_a_violation_naming_its_line() {
        List<String> violations =
                MESSAGES.violationsOfXml(Kind.ERROR, "<error xmlns=\"urn:pakn-hub:error:v1\">\n<code>X</error>");

        assertThat(violations).last().asString().contains("line 2").contains("not well-formed");
    }

    @Test
    void a_rejection_needs_a_reason() {
        ObjectNode update = (ObjectNode) json(folder(Kind.STATUS_UPDATE).resolve("valid-accepted.json"));
        update.put("status", "REJECTED");

        update.remove("reason");
        assertThat(MESSAGES.violationsOf(Kind.STATUS_UPDATE, update)).singleElement().asString().contains("'reason'");
        update.putNull("reason");
        assertThat(MESSAGES.violationsOf(Kind.STATUS_UPDATE, update)).singleElement().asString().contains("$.reason");
        update.put("reason", "Nội dung là tố cáo, không thuộc phạm vi PAKN, SKGP (Điều 1.2).");
        assertThat(MESSAGES.violationsOf(Kind.STATUS_UPDATE, update)).isEmpty();
    }

    /** XSD cannot say it, so the XML check must reach the same verdict as the JSON Schema for every status. */
    @Test
    void json_and_xml_agree_on_which_statuses_need_a_reason() {
        ObjectNode update = (ObjectNode) json(folder(Kind.STATUS_UPDATE).resolve("valid-received-minimal.json"));
        String xml = read(folder(Kind.STATUS_UPDATE).resolve("valid-received-minimal.xml"));
        Set<String> needReason = new TreeSet<>();
        for (JsonNode status : statusEnum()) {
            update.put("status", status.asText());
            boolean jsonValid = MESSAGES.violationsOf(Kind.STATUS_UPDATE, update).isEmpty();
            boolean xmlValid = MESSAGES.violationsOfXml(Kind.STATUS_UPDATE,
                    xml.replace("<status>RECEIVED</status>", "<status>" + status.asText() + "</status>")).isEmpty();
            assertThat(xmlValid).as(status.asText()).isEqualTo(jsonValid);
            if (!jsonValid) {
                needReason.add(status.asText());
            }
        }
        assertThat(needReason).containsExactly("APPEAL_ANSWERED", "COORDINATION_REQUESTED", "FAST_CLOSED",
                "PROGRESS_UPDATE", "REJECTED", "RESULT_POSTED", "RETURNED_TO_CENTRAL_OFFICE", "SUPPLEMENT_REQUESTED");
    }

    @Test
    void violations_name_the_json_path_in_vietnamese_then_english() {
        ObjectNode receipt = (ObjectNode) json(folder(Kind.DELIVERY_RECEIPT).resolve("valid-accepted.json"));
        receipt.put("caseCode", "SKGP-1");

        assertThat(MESSAGES.violationsOf(Kind.DELIVERY_RECEIPT, receipt)).singleElement().asString()
                .startsWith("$.caseCode: không khớp").contains(" / $.caseCode: does not match");
    }

    @Test
    void the_schema_field_must_name_the_kind_validated() {
        JsonNode error = json(folder(Kind.ERROR).resolve("valid-required-field-missing.json"));

        assertThat(MESSAGES.violationsOf(Kind.STATUS_UPDATE, error)).isNotEmpty();
        assertThatThrownBy(() -> MESSAGES.requireValid(Kind.STATUS_UPDATE, error))
                .isInstanceOfSatisfying(InvalidMessageException.class,
                        e -> assertThat(e.violations()).anyMatch(v -> v.startsWith("$.schema:")));
        MESSAGES.requireValid(Kind.ERROR, error);
    }

    /** Partners written against version 1 keep working: a v1 message is judged by the v1 schema it names. */
    @Test
    void a_version_1_message_is_still_read_and_a_version_2_file_needs_its_content_or_link() throws Exception {
        JsonNode v1 = json(EXAMPLES.resolve("case-dispatch.v1/valid-paper-letter-phone-only.json"));
        assertThat(MESSAGES.violationsOf(Kind.CASE_DISPATCH, v1)).isEmpty();
        String v1Xml = read(EXAMPLES.resolve("case-dispatch.v1/valid-paper-letter-phone-only.xml"));
        assertThat(MESSAGES.violationsOfXml(Kind.CASE_DISPATCH, v1Xml)).isEmpty();
        JsonNode statusV1 = json(EXAMPLES.resolve("status-update.v1/valid-accepted.json"));
        assertThat(MESSAGES.violationsOf(Kind.STATUS_UPDATE, statusV1)).isEmpty();

        // a v1 message claiming to be v2 is judged as v2, whose files must carry an id and their bytes or a link
        ObjectNode claimed = (ObjectNode) v1.deepCopy();
        claimed.put("schema", Kind.CASE_DISPATCH.schemaId());
        assertThat(MESSAGES.violationsOf(Kind.CASE_DISPATCH, claimed)).anyMatch(v -> v.contains("$.item.attachments[0]"));
        assertThat(MESSAGES.violationsOfXml(Kind.CASE_DISPATCH, v1Xml.replace("case-dispatch:v1", "case-dispatch:v2")))
                .isNotEmpty();
    }

    @Test
    void kinds_name_their_schema() {
        assertThat(Stream.of(Kind.values()).map(Kind::schemaId)).containsExactly("pakn-hub/case-dispatch/v2",
                "pakn-hub/status-update/v2", "pakn-hub/delivery-receipt/v1", "pakn-hub/error/v1",
                "pakn-hub/case-dispatch/v1", "pakn-hub/status-update/v1");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void schema_files_carry_the_ids_the_readme_promises(Kind kind) {
        String v = ".v" + kind.version();
        JsonNode schema = json(Path.of("schemas", "messages", kind.messageName() + v + ".schema.json"));
        Element xsd = xml(Path.of("schemas", "messages", kind.messageName() + v + ".xsd"));

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(kind.namespace());
        assertThat(schema.at("/properties/schema/const").asText()).isEqualTo(kind.schemaId());
        assertThat(xsd.getAttribute("targetNamespace")).isEqualTo(kind.namespace());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void json_schemas_are_valid_2020_12_schemas(Kind kind) {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(json(Path.of("schemas", "messages", kind.messageName() + ".v" + kind.version() + ".schema.json"))))
                .isEmpty();
    }

    /** Lengths count code points, so the same text must be stored the same way (NFC) everywhere. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void examples_are_written_in_nfc(Kind kind) {
        assertThat(examples(kind)).allSatisfy(file ->
                assertThat(Normalizer.isNormalized(read(file), Normalizer.Form.NFC)).as(file.toString()).isTrue());
    }

    @Test
    void concurrent_validations_reach_the_verdicts_of_sequential_ones() throws Exception {
        List<Callable<Boolean>> checks = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Path file : examples(kind)) {
                boolean valid = file.getFileName().toString().startsWith("valid-");
                for (int i = 0; i < 20; i++) {
                    checks.add(() -> violationsOf(kind, file).isEmpty() == valid);
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Boolean> verdict : pool.invokeAll(checks)) {
                assertThat(verdict.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> violationsOf(Kind kind, Path file) {
        return file.toString().endsWith(".json")
                ? MESSAGES.violationsOf(kind, json(file))
                : MESSAGES.violationsOfXml(kind, read(file));
    }

    /** Walks the JSON value and its XML element together; null and absent are the same in XML. */
    private static void compare(JsonNode json, Element xml, String path, List<String> differences) {
        if (json.isObject()) {
            Set<String> expected = new TreeSet<>();
            json.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    expected.add(field.getKey());
                    Element child = child(xml, field.getKey());
                    if (child == null) {
                        differences.add(path + "." + field.getKey() + " missing in XML");
                    } else {
                        compare(field.getValue(), child, path + "." + field.getKey(), differences);
                    }
                }
            });
            Set<String> actual =
                    children(xml).stream().map(Node::getLocalName).collect(Collectors.toCollection(TreeSet::new));
            if (!actual.equals(expected)) {
                differences.add(path + ": XML children " + actual + ", JSON properties " + expected);
            }
        } else if (json.isArray()) {
            List<Element> items = children(xml);
            if (items.size() != json.size()) {
                differences.add(path + ": " + items.size() + " XML items, " + json.size() + " JSON items");
            }
            for (int i = 0; i < Math.min(items.size(), json.size()); i++) {
                compare(json.get(i), items.get(i), path + "[" + i + "]", differences);
            }
        } else if (!json.asText().equals(xml.getTextContent())) {
            differences.add(path + ": XML '" + xml.getTextContent() + "', JSON '" + json.asText() + "'");
        }
    }

    private static Element child(Element parent, String localName) {
        return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).findFirst().orElse(null);
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static JsonNode statusEnum() {
        try {
            return JSON.readTree(Path.of("schemas", "messages", "status-update.v1.schema.json").toFile())
                    .at("/properties/status/enum");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder(Kind kind) {
        return EXAMPLES.resolve(kind.messageName() + ".v" + kind.version());
    }

    private static List<Path> examples(Kind kind) {
        try (Stream<Path> files = Files.list(folder(kind))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> baseNames(Kind kind, String extension) {
        return examples(kind).stream().map(f -> f.getFileName().toString()).filter(n -> n.endsWith(extension))
                .map(n -> n.substring(0, n.length() - extension.length())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Element xml(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(read(file)))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
