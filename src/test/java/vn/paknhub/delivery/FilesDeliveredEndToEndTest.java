package vn.paknhub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.core.crypto.Digests;
import vn.paknhub.sandbox.SandboxFiles;
import vn.paknhub.sandbox.SandboxPartner;
import vn.paknhub.sandbox.Sandboxes;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubApi.Part;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * The submitter's evidence reaches the bodies that handle the item (Đ8.2, Đ9.1): every shipped
 * connector carries each file in its partner's format — base64 in the JSON and SOAP messages, a signed
 * link on the Kafka topic — and each sandbox checks the SHA-256 of what it took in. Bodies download a
 * case's files through the agency API with their own credential; every download and every refusal is
 * written in the case's history.
 */
@HubIntegrationTest
class FilesDeliveredEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TOKEN_68 = "test-token-68";

    @LocalServerPort
    int port;
    @Autowired
    Sandboxes sandboxes;
    @Autowired
    JdbcTemplate db;

    private HubApi api() {
        return new HubApi(port);
    }

    /** A submission with a PDF and a PNG (made here, so every run has its own bytes and hashes). */
    private JsonNode submitWithFiles(String addressee, String content, byte[] pdf, byte[] png) {
        Map<String, Object> item = Samples.submission();
        item.remove("field");
        if (addressee != null) {
            item.put("addressee", addressee);
        }
        item.put("content", content + " Mã tham chiếu " + UUID.randomUUID() + ".");
        HubApi.Reply r = api().postMultipart("/api/v1/submissions", List.of(
                new Part("submission", null, "application/json", HubApi.write(item).getBytes(StandardCharsets.UTF_8)),
                new Part("attachments", "Báo cáo khảo sát.pdf", "application/pdf", pdf),
                new Part("attachments", "ảnh hiện trường.png", "image/png", png)));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json();
    }

    private static byte[] pdf() {
        return ("%PDF-1.4\n% " + UUID.randomUUID() + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        int seed = UUID.randomUUID().hashCode();
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, seed * (x + 1) * (y + 7));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String sha(byte[] b) {
        return HexFormat.of().formatHex(Digests.sha256(b));
    }

    private List<SandboxFiles.Check> filesAt(String system, String code) {
        return sandboxes.partner(system).filesFor(code);
    }

    private String deliveryStatus(String code, String agency) {
        List<String> s = db.queryForList("select status from delivery where case_code = ? and agency = ? and kind = 'DISPATCH'",
                String.class, code, agency);
        return s.isEmpty() ? null : s.get(0);
    }

    private int historyCount(String code, String action, String detailLike) {
        return db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id where f.code = ?"
                + " and e.action = ? and e.details::text like ?", Integer.class, code, action, detailLike);
    }

    private HttpResponse<byte[]> download(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void two_files_reach_the_xml_ministry_the_json_ministry_and_the_kafka_province_with_matching_hashes() throws Exception {
        byte[] pdf = pdf();
        byte[] png = png();
        String code = submitWithFiles(null, "Kính gửi: Bộ Y tế\nĐồng kính gửi: Bộ Khoa học và Công nghệ; UBND tỉnh Lâm Đồng\n"
                + "Đề xuất ứng dụng trí tuệ nhân tạo hỗ trợ chẩn đoán hình ảnh tại trạm y tế xã vùng cao.", pdf, png)
                .path("code").asText();

        await().atMost(PATIENCE).until(() -> List.of("BYT", "BKHCN", "68").stream()
                .allMatch(agency -> "DELIVERED".equals(deliveryStatus(code, agency))));
        await().atMost(PATIENCE).until(() -> filesAt(Sandboxes.KAFKA_PROVINCE, code).size() == 2);

        // SOAP: base64 in the envelope; JSON: base64 in the body; Kafka: claim check by signed link
        for (String system : List.of(Sandboxes.XML_MINISTRY, Sandboxes.JSON_MINISTRY, Sandboxes.KAFKA_PROVINCE)) {
            List<SandboxFiles.Check> files = filesAt(system, code);
            assertThat(files).as(system).extracting(SandboxFiles.Check::fileName)
                    .containsExactly("Báo cáo khảo sát.pdf", "ảnh hiện trường.png");
            assertThat(files).as(system).extracting(SandboxFiles.Check::sha256).containsExactly(sha(pdf), sha(png));
            assertThat(files).as(system).allMatch(SandboxFiles.Check::matches);
            assertThat(files).as(system).extracting(SandboxFiles.Check::size).containsExactly(pdf.length, png.length);
            assertThat(files).as(system).extracting(SandboxFiles.Check::via)
                    .containsOnly(system.equals(Sandboxes.KAFKA_PROVINCE) ? "LINK" : "INLINE");
        }
        // at rest the files are ciphertext: no PDF, PNG or JPEG header readable in the database
        assertThat(db.queryForObject("select count(*) from attachment_blob where content is not null"
                + " or position('\\x25504446'::bytea in content_enc) > 0 or position('\\x89504e47'::bytea in content_enc) > 0"
                + " or position('\\xffd8ff'::bytea in content_enc) > 0", Integer.class)).isZero();
        assertThat(db.queryForObject("select count(*) from attachment_blob where sha256 = decode(?, 'hex')", Integer.class,
                sha(png))).isOne();
        // the province's two downloads are reads of personal data by body 68, in the case's history
        assertThat(historyCount(code, "READ_PERSONAL_DATA", "%download of file%")).isEqualTo(2);
        assertThat(db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id where f.code = ?"
                + " and e.action = 'READ_PERSONAL_DATA' and e.details::text like '%download of file%' and e.actor_id = '68'",
                Integer.class, code)).isEqualTo(2);
    }

    @Test
    void an_administrative_procedure_item_reaches_the_national_portal_with_its_files() throws Exception {
        byte[] pdf = pdf();
        byte[] png = png();
        String code = submitWithFiles("Bộ Y tế", "Thủ tục hành chính cấp giấy phép hoạt động khám bệnh quá phức tạp,"
                + " mã 1.004227; tôi gửi kèm giấy biên nhận hồ sơ.", pdf, png).path("code").asText();

        await().atMost(PATIENCE).until(() -> filesAt(Sandboxes.NATIONAL_PORTAL, code).size() == 2);
        List<SandboxFiles.Check> files = filesAt(Sandboxes.NATIONAL_PORTAL, code);
        assertThat(files).allMatch(SandboxFiles.Check::matches);
        assertThat(files).extracting(SandboxFiles.Check::sha256).containsExactly(sha(pdf), sha(png));
        String body = sandboxes.partner(Sandboxes.NATIONAL_PORTAL).receivedFor(code).get(0).body();
        assertThat(body).contains("\"TaiLieuNop\":[{\"TepDinhKemId\":").contains("\"MaBam\":\"" + sha(pdf) + "\"");
    }

    @Test
    void a_body_downloads_a_case_file_by_its_id_and_every_download_or_refusal_is_in_the_history() throws Exception {
        byte[] pdf = pdf();
        byte[] png = png();
        String code = submitWithFiles(null, "Kính gửi: Bộ Khoa học và Công nghệ\nĐồng kính gửi: UBND tỉnh Lâm Đồng\n"
                + "Kiến nghị hỗ trợ doanh nghiệp nhỏ chuyển đổi số trong chế biến cà phê.", pdf, png).path("code").asText();
        await().atMost(PATIENCE).until(() -> filesAt(Sandboxes.KAFKA_PROVINCE, code).size() == 2);
        HubApi api = api();

        // the case view shows each file's id; the lead body downloads by it
        JsonNode view = api.get("/api/v1/agency/cases/" + code, HubApi.bearer(Samples.BKHCN)).json();
        List<Long> ids = new ArrayList<>();
        view.path("attachments").forEach(a -> ids.add(a.path("id").asLong()));
        assertThat(ids).hasSize(2).allMatch(id -> id > 0);
        String url = "http://localhost:" + port + "/api/v1/agency/cases/" + code + "/attachments/" + ids.get(1);
        HttpResponse<byte[]> got = download(url, Samples.BKHCN);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(png);
        assertThat(got.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(got.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename*=UTF-8''");
        assertThat(got.headers().firstValue("Digest")).hasValue("sha-256=" + java.util.Base64.getEncoder()
                .encodeToString(Digests.sha256(png)));
        assertThat(db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id where f.code = ?"
                + " and e.action = 'READ_PERSONAL_DATA' and e.actor_id = 'BKHCN' and e.details::text like ?", Integer.class,
                code, "%download of file " + ids.get(1) + "%")).isOne();
        // the Central Party Office reads every case
        assertThat(download(url, Samples.VPTW).statusCode()).isEqualTo(200);

        // no credential: 401; a body with no part in the case: refused as if the case did not exist, and logged
        assertThat(download(url, null).statusCode()).isEqualTo(401);
        int deniedBefore = historyCount(code, "ACCESS_DENIED", "%");
        HttpResponse<byte[]> foreign = download(url, Samples.BYT);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(new String(foreign.body(), StandardCharsets.UTF_8)).doesNotContain("PNG").contains("\"status\":404");
        assertThat(historyCount(code, "ACCESS_DENIED", "%")).isEqualTo(deniedBefore + 1);
        // a file of another case is not reachable through this one
        assertThat(download("http://localhost:" + port + "/api/v1/agency/cases/" + code + "/attachments/999999999",
                Samples.BKHCN).statusCode()).isEqualTo(404);

        // the signed link the province received: only the province's credential opens it, unaltered
        SandboxPartner province = sandboxes.partner(Sandboxes.KAFKA_PROVINCE);
        JsonNode message = new com.fasterxml.jackson.databind.ObjectMapper().readTree(province.receivedFor(code).get(0).body());
        String link = message.path("tepDinhKem").get(0).path("duongDan").asText();
        assertThat(link).startsWith("http://localhost:" + port + "/api/v1/agency/cases/" + code + "/attachments/")
                .contains("expires=").contains("signature=");
        assertThat(message.path("tepDinhKem").get(0).has("noiDungBase64")).as("claim check: no bytes on the topic").isFalse();
        assertThat(download(link, TOKEN_68).body()).isEqualTo(pdf);
        int before = historyCount(code, "ACCESS_DENIED", "%download of file%");
        HttpResponse<byte[]> borrowed = download(link, Samples.BKHCN);
        assertThat(borrowed.statusCode()).as("a link issued to 68 does not open with BKHCN's token").isEqualTo(403);
        assertThat(new String(borrowed.body(), StandardCharsets.UTF_8)).contains("file-link-signature");
        String stretched = link.replaceFirst("expires=(\\d+)", "expires=9999999999");
        assertThat(download(stretched, TOKEN_68).statusCode()).as("an altered expiry breaks the signature").isEqualTo(403);
        assertThat(historyCount(code, "ACCESS_DENIED", "%download of file%")).isEqualTo(before + 2);
    }

    @Test
    void a_supplements_files_follow_the_case_to_the_handling_body() throws Exception {
        JsonNode receipt = submitWithFiles("Bộ Khoa học và Công nghệ", "Đề xuất quỹ phát triển khoa học cho hợp tác xã"
                + " nông nghiệp ứng dụng công nghệ cao.", pdf(), png());
        String code = receipt.path("code").asText();
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(deliveryStatus(code, "BKHCN")));

        byte[] extra = pdf();
        HubApi.Reply added = api().postMultipart("/api/v1/submissions/" + code + "/supplements", List.of(
                new Part("supplement", null, "application/json",
                        "{\"content\":\"Tôi gửi bổ sung biên bản nghiệm thu mô hình.\"}".getBytes(StandardCharsets.UTF_8)),
                new Part("attachments", "Biên bản nghiệm thu.pdf", "application/pdf", extra)),
                "X-Lookup-Secret", receipt.path("lookupSecret").asText());
        assertThat(added.status()).as(added.body()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> filesAt(Sandboxes.JSON_MINISTRY, code).size() == 3);
        List<SandboxFiles.Check> files = filesAt(Sandboxes.JSON_MINISTRY, code);
        assertThat(files.get(2).fileName()).isEqualTo("Biên bản nghiệm thu.pdf");
        assertThat(files.get(2).sha256()).isEqualTo(sha(extra));
        assertThat(files).allMatch(SandboxFiles.Check::matches);
        // the update carries the supplement's file only, not the case's earlier ones
        String update = sandboxes.partner(Sandboxes.JSON_MINISTRY).receivedFor(code).get(1).body();
        assertThat(update).contains("\"suKien\":\"SUPPLEMENT_ADDED\"").contains("Biên bản nghiệm thu.pdf")
                .doesNotContain("Báo cáo khảo sát.pdf");
    }
}
