package vn.paknhub.core;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.paknhub.support.Samples.BKHCN;
import static vn.paknhub.support.Samples.BYT;
import static vn.paknhub.support.Samples.VPTW;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/** The running hub and the contract in schemas/openapi.yaml say the same thing. */
@HubIntegrationTest
class ApiContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonNode spec;

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    HubApi api;

    @BeforeAll
    static void loadContract() throws IOException {
        try (InputStream in = new ClassPathResource("schemas/openapi.yaml").getInputStream()) {
            spec = YAML.readTree(in);
        }
    }

    @BeforeEach
    void setUp() {
        api = new HubApi(port);
    }

    @Test
    void every_operation_of_the_contract_is_implemented_and_nothing_else_is_exposed() {
        Set<String> implemented = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream().flatMap(p -> info.getMethodsCondition().getMethods()
                        .stream().map(m -> m.name() + " " + normalise(p))))
                .filter(op -> (op.contains(" /api/v1/") || op.contains(" /api/public/")) && !op.endsWith("/openapi.yaml"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> contracted = new TreeSet<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                contracted.add(method.toUpperCase() + " " + normalise(path.getKey()));
            }
        }));
        assertThat(implemented).isEqualTo(contracted);
    }

    @Test
    void the_contracts_own_request_examples_are_accepted() {
        JsonNode examples = spec.at("/paths/~1api~1v1~1submissions/post/requestBody/content/application~1json/examples");
        assertThat(examples.size()).isPositive();
        examples.fields().forEachRemaining(e -> {
            HubApi.Reply r = api.postJson("/api/v1/submissions", e.getValue().path("value").toString());
            assertThat(r.status()).as(e.getKey() + ": " + r.body()).isEqualTo(202);
            conforms("post", "/api/v1/submissions", r);
        });
    }

    @Test
    void responses_of_a_whole_case_life_conform_to_the_contract() {
        HubApi.Reply receipt = api.postJson("/api/v1/submissions", Samples.submission());
        conforms("post", "/api/v1/submissions", receipt);
        String code = receipt.json().path("code").asText();
        String secret = receipt.json().path("lookupSecret").asText();
        String[] asSubmitter = {"X-Lookup-Secret", secret};
        String one = "/api/v1/submissions/{code}";

        conforms("get", one, api.get("/api/v1/submissions/" + code, asSubmitter));
        conforms("post", one + "/supplements", api.postJson("/api/v1/submissions/" + code + "/supplements",
                Map.of("content", "Tôi xin bổ sung số giấy phép kinh doanh 0101234567."), asSubmitter));
        conforms("post", "/api/v1/agency/cases/{code}/actions",
                Flows.act(api, VPTW, code, "FORWARD", "Thuộc lĩnh vực khởi nghiệp sáng tạo", "BKHCN"));
        conforms("get", "/api/v1/agency/cases", api.get("/api/v1/agency/cases?limit=5", HubApi.bearer(BKHCN)));
        conforms("get", "/api/v1/agency/cases/{code}", api.get("/api/v1/agency/cases/" + code, HubApi.bearer(BKHCN)));
        Flows.must(api, BKHCN, code, "ACCEPT", null, null);
        Flows.must(api, BKHCN, code, "POST_RESULT", "Bộ đã hướng dẫn nộp hồ sơ trực tuyến toàn trình.", null);
        conforms("post", one + "/rating", api.postJson("/api/v1/submissions/" + code + "/rating",
                Map.of("score", 4, "agree", true), asSubmitter));
        conforms("post", one + "/appeal", api.postJson("/api/v1/submissions/" + code + "/appeal",
                Map.of("reason", "Hướng dẫn chưa nêu thời hạn giải quyết."), asSubmitter));
        conforms("get", one, api.get("/api/v1/submissions/" + code, asSubmitter));
        conforms("get", "/api/v1/agency/cases/{code}/history",
                api.get("/api/v1/agency/cases/" + code + "/history", HubApi.bearer(VPTW)));

        // and the problems
        conforms("post", "/api/v1/submissions", api.post("/api/v1/submissions", "application/json", "{"));
        conforms("post", "/api/v1/submissions", api.post("/api/v1/submissions", "text/plain", "xin chào"));
        conforms("post", "/api/v1/submissions", api.postJson("/api/v1/submissions", Map.of("title", "Ngắn")));
        conforms("get", one, api.get("/api/v1/submissions/" + code, "X-Lookup-Secret", "sai"));
        conforms("post", one + "/appeal", api.postJson("/api/v1/submissions/" + code + "/appeal",
                Map.of("reason", "Lần hai"), asSubmitter));
        conforms("post", one + "/withdrawal", api.postJson("/api/v1/submissions/" + code + "/withdrawal",
                Map.of("reason", "Không cần nữa"), asSubmitter));
        conforms("get", "/api/v1/agency/cases", api.get("/api/v1/agency/cases"));
        conforms("get", "/api/v1/agency/cases/{code}", api.get("/api/v1/agency/cases/" + code, HubApi.bearer(BYT)));
        conforms("post", "/api/v1/agency/cases/{code}/actions", Flows.act(api, BKHCN, code, "REJECT", null, null));
    }

    @Test
    void the_checker_itself_rejects_replies_that_break_the_contract() throws IOException {
        JsonNode receiptSchema = spec.at("/paths/~1api~1v1~1submissions/post/responses/202/content/application~1json/schema");
        JsonNode good = YAML.readTree("{\"code\":\"SKGP-20261122-000123\",\"lookupSecret\":\"7fQm2xKd9LpVw4RtZs8NcYbE\","
                + "\"state\":\"SUBMITTED\",\"receivedAt\":\"2026-11-22T21:40:05+07:00\","
                + "\"statusUrl\":\"/api/v1/submissions/SKGP-20261122-000123\"}");
        ObjectNode utc = good.deepCopy();
        utc.put("receivedAt", "2026-11-22T14:40:05Z");
        ObjectNode unknownState = good.deepCopy();
        unknownState.put("state", "LOST");
        ObjectNode noSecret = good.deepCopy();
        noSecret.remove("lookupSecret");

        assertThat(schema(receiptSchema).validate(good)).isEmpty();
        assertThat(schema(receiptSchema).validate(utc)).isNotEmpty();
        assertThat(schema(receiptSchema).validate(unknownState)).isNotEmpty();
        assertThat(schema(receiptSchema).validate(noSecret)).isNotEmpty();
    }

    /** Validates a reply against the schema the contract gives for that operation, status and media type. */
    private static void conforms(String method, String template, HubApi.Reply reply) {
        JsonNode responses = spec.path("paths").path(template).path(method).path("responses");
        JsonNode response = responses.path(String.valueOf(reply.status()));
        if (response.isMissingNode()) {
            response = responses.path(reply.status() / 100 + "XX");
        }
        assertThat(response.isMissingNode()).as("%s %s has no response %d in the contract: %s", method, template,
                reply.status(), reply.body()).isFalse();
        if (response.has("$ref")) {
            response = spec.at(response.path("$ref").asText().substring(1));
        }
        String mediaType = reply.contentType().split(";")[0].trim();
        JsonNode schemaNode = response.path("content").path(mediaType).path("schema");
        assertThat(schemaNode.isMissingNode()).as("%s %s %d: no schema for %s", method, template, reply.status(),
                mediaType).isFalse();
        Set<ValidationMessage> errors = schema(schemaNode).validate(reply.json());
        assertThat(errors).as("%s %s %d: %s", method, template, reply.status(), reply.body()).isEmpty();
    }

    private static JsonSchema schema(JsonNode schemaNode) {
        ObjectNode root = YAML.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", spec.path("components"));
        root.putArray("allOf").add(schemaNode);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root, config);
    }

    private static String normalise(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }
}
