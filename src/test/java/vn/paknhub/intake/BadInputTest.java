package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.HubApi.Part;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/** Every kind of bad input gets a 4xx problem+json naming the rule, and leaves nothing half-written. */
@HubIntegrationTest
class BadInputTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;

    HubApi api;

    @BeforeEach
    void setUp() {
        api = new HubApi(port);
    }

    private HubApi.Reply refusedLeavingNoTrace(Supplier<HubApi.Reply> call) {
        List<Integer> before = rowCounts();
        HubApi.Reply reply = call.get();
        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("title").asText()).contains(" / ");
        assertThat(reply.json().path("status").asInt()).isEqualTo(reply.status());
        assertThat(reply.body()).doesNotContain("Exception", "at vn.", "org.springframework", "SQL");
        assertThat(rowCounts()).as("nothing half-written").isEqualTo(before);
        return reply;
    }

    private List<Integer> rowCounts() {
        // events and outbox rows of other tests' cases come and go (routing runs in the background):
        // count what only a submission creates
        return List.of("case_file", "case_event where action = 'SUBMIT'", "attachment_blob", "idempotency_key",
                "case_attachment").stream()
                .map(t -> db.queryForObject("select count(*) from " + t, Integer.class)).toList();
    }

    @Test
    void malformed_json_names_the_position() {
        HubApi.Reply r = refusedLeavingNoTrace(() -> api.post("/api/v1/submissions", "application/json",
                "{\"title\": \"Đề xuất\", \"content\": "));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.rules()).containsExactly("malformed-json");
    }

    @Test
    void unknown_field_is_named() {
        Map<String, Object> item = Samples.submission();
        item.put("priority", "urgent");
        HubApi.Reply r = refusedLeavingNoTrace(() -> api.postJson("/api/v1/submissions", item));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.rules()).containsExactly("unknown-field");
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("priority");
    }

    @Test
    void missing_contact_is_refused_citing_article_8() {
        Map<String, Object> item = Samples.submission();
        @SuppressWarnings("unchecked")
        Map<String, Object> submitter = (Map<String, Object>) item.get("submitter");
        submitter.remove("phone");
        submitter.remove("email");
        HubApi.Reply r = refusedLeavingNoTrace(() -> api.postJson("/api/v1/submissions", item));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.rules()).containsExactly("D8.2-contact");
        assertThat(r.json().path("errors").get(0).path("message").asText()).contains("Điều 8");
        assertThat(r.json().path("errors").get(0).path("messageEn").asText()).contains("Art. 8");
    }

    @Test
    void text_not_in_vietnamese_is_refused() {
        Map<String, Object> item = Samples.submission();
        item.put("title", "Please digitise the start-up licensing procedure");
        item.put("content", "The start-up support procedure still requires paper files at several agencies."
                + " I propose that the whole dossier can be filed online and shared between agencies.");
        HubApi.Reply r = refusedLeavingNoTrace(() -> api.postJson("/api/v1/submissions", item));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.rules()).contains("D8.1-vietnamese");
    }

    @Test
    void complaint_is_recognised_as_out_of_scope() {
        Map<String, Object> item = Samples.submission();
        item.put("title", "Đơn khiếu nại quyết định xử phạt của Ủy ban nhân dân phường");
        item.put("content", "Tôi làm đơn này khiếu nại quyết định xử phạt hành chính số 15/QĐ-XPHC của Ủy ban"
                + " nhân dân phường vì cho rằng quyết định không đúng quy định của pháp luật.");
        HubApi.Reply r = refusedLeavingNoTrace(() -> api.postJson("/api/v1/submissions", item));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.rules()).contains("D1.2-out-of-scope");
    }

    @Test
    void several_problems_are_all_reported_field_by_field() {
        Map<String, Object> item = Samples.submission();
        item.remove("title");
        item.put("consentToPublish", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> submitter = (Map<String, Object>) item.get("submitter");
        submitter.put("email", "not-an-email");
        submitter.remove("address");
        HubApi.Reply r = refusedLeavingNoTrace(() -> api.postJson("/api/v1/submissions", item));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").findValuesAsText("field"))
                .contains("title", "consentToPublish", "submitter.email", "submitter.address");
    }

    @Test
    void oversized_json_body_is_refused_with_413() {
        Map<String, Object> item = Samples.submission();
        item.put("content", "Nội dung rất dài ".repeat(20_000));
        HubApi.Reply r = refusedLeavingNoTrace(() -> api.postJson("/api/v1/submissions", item));
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void wrong_content_type_is_refused_with_415() {
        HubApi.Reply r = refusedLeavingNoTrace(() -> api.post("/api/v1/submissions", "text/plain",
                "Tôi muốn góp ý về thủ tục hành chính"));
        assertThat(r.status()).isEqualTo(415);
    }

    @Test
    void oversized_attachment_is_refused_with_413() {
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        HubApi.Reply r = refusedLeavingNoTrace(() -> api.postMultipart("/api/v1/submissions", List.of(
                new Part("submission", null, "application/json", HubApi.write(Samples.submission())
                        .getBytes(StandardCharsets.UTF_8)),
                new Part("attachments", "minh-chung.pdf", "application/pdf", big))));
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void executable_renamed_to_pdf_is_refused_by_content() {
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0};
        HubApi.Reply r = refusedLeavingNoTrace(() -> api.postMultipart("/api/v1/submissions", List.of(
                new Part("submission", null, "application/json", HubApi.write(Samples.submission())
                        .getBytes(StandardCharsets.UTF_8)),
                new Part("attachments", "bao-cao.pdf", "application/pdf", elf))));
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.rules()).containsExactly("media-type");
    }

    @Test
    void bad_idempotency_key_is_refused() {
        HubApi.Reply r = refusedLeavingNoTrace(() -> api.postJson("/api/v1/submissions", Samples.submission(),
                "Idempotency-Key", "bad key/with spaces!"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("header:Idempotency-Key");
    }

    /**
     * Requests Tomcat refuses before any servlet sees them, and a body far over the limit sent in full by a
     * client that reads only afterwards: each gets problem+json, not Tomcat's HTML page nor a closed connection.
     */
    @Test
    void requests_the_web_server_refuses_itself_are_answered_as_problems() throws Exception {
        String hugeHeader = "POST /api/v1/submissions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Idempotency-Key: " + "k".repeat(100_000) + "\r\nContent-Length: 2\r\n\r\n{}";
        RawReply header = raw(hugeHeader.getBytes(StandardCharsets.US_ASCII));
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(header.body()).contains("\"rule\":\"header-size\"").doesNotContain("<html");

        RawReply slash = raw("GET /api/v1/submissions/SKGP%2F1 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(slash.status()).isEqualTo(400);
        assertThat(slash.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(slash.body()).contains("\"rule\":\"http-syntax\"");

        byte[] body = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        byte[] head = ("POST /api/v1/submissions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        RawReply tooLarge = raw(request);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("\"rule\":\"body-size\"");
    }

    record RawReply(int status, String head, String body) {
    }

    /** Writes the whole request before reading anything, as a simple client does. */
    private RawReply raw(byte[] request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = reply.indexOf("\r\n\r\n");
            return new RawReply(Integer.parseInt(reply.substring(9, 12)), reply.substring(0, split), reply.substring(split + 4));
        }
    }
}
