package vn.paknhub.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * Open311 GeoReport v2 as a civic-report client speaks it, with the specification's own examples
 * (form-encoded POST, {@code attribute[code]} parameters, the plural-root XML and JSON arrays). No
 * open-source Open311 client library is on the Maven mirror here, so the client is plain HTTP.
 */
@HubIntegrationTest
class Open311EndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    private static Document xml(HubApi.Reply reply) throws Exception {
        assertThat(reply.contentType()).startsWith("text/xml");
        assertThat(reply.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(reply.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static String x(Document d, String path) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(path, d, XPathConstants.STRING);
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private String apiKey(HubApi api) {
        HubApi.Reply issued = api.postJson("/api/v1/open311/clients", Map.of("name", "Ứng dụng phản ánh thử"),
                HubApi.bearer(Samples.VPTW));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().path("apiKey").asText();
    }

    @Test
    void services_and_definitions_are_the_d6_fields_in_xml_and_json() throws Exception {
        HubApi api = new HubApi(port);
        Document services = xml(api.get("/open311/v2/services.xml"));
        assertThat(x(services, "count(/services/service)")).isEqualTo(String.valueOf(Samples.fields().all().size() + 1));
        assertThat(x(services, "/services/service[service_code='d']/service_name"))
                .isEqualTo("Chính sách phát triển hệ sinh thái đổi mới sáng tạo và khởi nghiệp sáng tạo");
        assertThat(x(services, "/services/service[service_code='d']/metadata")).isEqualTo("true");
        JsonNode json = api.get("/open311/v2/services.json").json();
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).path("service_code").asText()).isEqualTo("a");

        Document definition = xml(api.get("/open311/v2/services/d.xml"));
        assertThat(x(definition, "/service_definition/service_code")).isEqualTo("d");
        assertThat(x(definition, "/service_definition/attributes/attribute[code='consent_to_publish']/required"))
                .isEqualTo("true");
        assertThat(x(definition, "count(/service_definition/attributes/attribute[code='kind']/values/value)"))
                .isEqualTo("4");
        assertThat(api.get("/open311/v2/services/d.json").json().path("attributes").size()).isEqualTo(6);
        HubApi.Reply unknown = api.get("/open311/v2/services/zz.json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get(0).path("code").asInt()).isEqualTo(404);
        assertThat(api.get("/open311/v2/services.csv").status()).isEqualTo(404);
    }

    /**
     * The specification's example POST (a sinkhole, in English) is refused in its own error format:
     * Đ8.1 asks for Vietnamese, and the description names the parameter; the same request in
     * Vietnamese, with the attributes the definition asks, gets a tracking code that GET requests,
     * GET requests/{id} and servicerequestupdates then show to the client that posted it only.
     */
    @Test
    void a_request_round_trips_in_xml_and_json_under_the_d8_rules() throws Exception {
        HubApi api = new HubApi(port);
        String key = apiKey(api);
        Map<String, String> example = new LinkedHashMap<>();
        example.put("api_key", key);
        example.put("jurisdiction_id", "city.gov");
        example.put("service_code", "001");
        example.put("lat", "37.76524078");
        example.put("long", "-122.4212043");
        example.put("address_string", "1234 5th street");
        example.put("email", "smit222@sfgov.edu");
        example.put("device_id", "tt222111");
        example.put("account_id", "123456");
        example.put("first_name", "john");
        example.put("last_name", "smith");
        example.put("phone", "111111111");
        example.put("description", "A large sinkhole is destroying the street");
        example.put("media_url", "http://www.city.gov/media/1234.jpg");
        example.put("attribute[WHISETN]", "123");
        example.put("attribute[ASSIGNEDT]", "12/12/2010");
        HubApi.Reply badService = api.post("/open311/v2/requests.xml", "application/x-www-form-urlencoded", form(example));
        assertThat(badService.status()).isEqualTo(400);
        assertThat(x(xml(badService), "/errors/error/description")).startsWith("service_code");

        example.put("service_code", "n");
        HubApi.Reply english = api.post("/open311/v2/requests.xml", "application/x-www-form-urlencoded", form(example));
        assertThat(english.status()).isEqualTo(400);
        Document errors = xml(english);
        assertThat(x(errors, "/errors/error[contains(description, 'D8.1-vietnamese')]/description")).startsWith("description:");
        assertThat(x(errors, "/errors/error[contains(description, 'D5.1-consent')]/description"))
                .startsWith("attribute[consent_to_publish]:");
        assertThat(x(errors, "/errors/error[1]/code")).isEqualTo("400");

        Map<String, String> vietnamese = new LinkedHashMap<>(example);
        vietnamese.put("description", "Đề nghị Bộ Khoa học và Công nghệ hướng dẫn thủ tục chuyển giao công nghệ cảm"
                + " biến đo lún nền đường cho các đô thị thông minh. Hiện nay hồ sơ còn phải nộp giấy ở nhiều nơi."
                + " Mã tham chiếu " + UUID.randomUUID() + ".");
        vietnamese.put("first_name", "Nguyễn Văn");
        vietnamese.put("last_name", "An");
        vietnamese.put("phone", "0912345678");
        vietnamese.put("email", "van.an@example.vn");
        vietnamese.put("attribute[consent_to_publish]", "false");
        vietnamese.put("attribute[contact_address]", "Số 5 phố Lý Thường Kiệt, Hà Nội");
        vietnamese.put("attribute[kind]", "PETITION");
        HubApi.Reply posted = api.post("/open311/v2/requests.json", "application/x-www-form-urlencoded",
                form(vietnamese));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode created = posted.json().get(0);
        String code = created.path("service_request_id").asText();
        assertThat(code).matches("[A-Z]+-\\d{8}-\\d+");
        assertThat(created.path("account_id").asText()).isEqualTo("123456");
        assertThat(created.path("service_notice").asText()).contains(code);
        assertThat(db.queryForObject("select title from case_file where code = ?", String.class, code))
                .isEqualTo("Đề nghị Bộ Khoa học và Công nghệ hướng dẫn thủ tục chuyển giao công nghệ cảm biến đo lún nền"
                        + " đường cho các đô thị thông minh");
        assertThat(db.queryForObject("select content from case_file where code = ?", String.class, code))
                .contains("Địa điểm: 1234 5th street (37.76524078, -122.4212043)");

        // the posting client follows its request; anyone else sees nothing of an unpublished item
        Document one = xml(api.get("/open311/v2/requests/" + code + ".xml?api_key=" + key));
        assertThat(x(one, "/service_requests/request/service_request_id")).isEqualTo(code);
        assertThat(x(one, "/service_requests/request/status")).isEqualTo("open");
        assertThat(x(one, "/service_requests/request/service_code")).isEqualTo("n");
        assertThat(x(one, "/service_requests/request/status_notes")).isNotBlank();
        assertThat(one.getElementsByTagName("email").getLength()).isZero();
        assertThat(api.get("/open311/v2/requests/" + code + ".json").status()).isEqualTo(404);
        assertThat(api.get("/open311/v2/requests/" + code + ".json?api_key=" + apiKey(api)).status()).isEqualTo(404);
        assertThat(api.get("/open311/v2/requests/" + code + ".json?api_key=wrong").status()).isEqualTo(403);

        JsonNode listed = api.get("/open311/v2/requests.json?api_key=" + key + "&service_request_id=" + code).json();
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).path("requested_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
        assertThat(api.get("/open311/v2/requests.json?api_key=" + key + "&status=closed&service_request_id=" + code)
                .json().size()).isZero();

        await().atMost(PATIENCE).until(() -> x(xml(api.get("/open311/v2/servicerequestupdates.xml?api_key=" + key)),
                "/service_request_updates/request_update[service_request_id='" + code + "']/status").equals("OPEN"));
        JsonNode updates = api.get("/open311/v2/servicerequestupdates.json?api_key=" + key).json();
        assertThat(updates.findValuesAsText("service_request_id")).contains(code);
        assertThat(updates.get(0).path("update_id").asText()).isNotBlank();
    }

    @Test
    void a_post_without_a_valid_key_is_refused_in_the_specifications_error_format() throws Exception {
        HubApi api = new HubApi(port);
        HubApi.Reply refused = api.post("/open311/v2/requests.xml", "application/x-www-form-urlencoded",
                "api_key=nope&service_code=a&description=x");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(x(xml(refused), "/errors/error/code")).isEqualTo("403");
        String key = apiKey(api);
        long id = db.queryForObject("select id from open311_client order by id desc limit 1", Long.class);
        assertThat(api.post("/api/v1/open311/clients/" + id + "/revoke", "application/json", "{}",
                HubApi.bearer(Samples.VPTW)).status()).isEqualTo(204);
        assertThat(api.post("/open311/v2/requests.json", "application/x-www-form-urlencoded", "api_key=" + key
                + "&service_code=a").status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/open311/clients", Map.of("name", "x"), HubApi.bearer(Samples.BKHCN)).status())
                .isEqualTo(403);
    }
}
