package vn.paknhub.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.Samples;

/**
 * Scanned letters dropped into the scanning station's folder become cases as a careful clerk would
 * make them: read by the real Tesseract with its Vietnamese model, the addressee routing them, the
 * sender's contact found, the official receipt date starting the deadlines, and anything unclear
 * left to a person. The scans are rendered from Vietnamese letters (src/test/scan-fixtures).
 */
@HubIntegrationTest
class PaperChannelEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Path SCANS = Path.of("src/test/resources/scans");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate db;
    @Autowired
    PaperSettings settings;
    @Autowired
    CaseService cases;
    @Autowired
    PaperIntake intake;
    @Autowired
    PaperScans scans;
    @Autowired
    vn.paknhub.casefile.CaseSettings caseSettings;
    @Autowired
    vn.paknhub.intake.SubmissionValidator validator;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;
    @Autowired
    PaperLetters acknowledgementLetter;
    @Autowired
    vn.paknhub.sandbox.Sandboxes sandboxes;

    private void drop(String fixture, String as, String sidecarJson) throws IOException {
        Path inbox = Path.of(settings.inbox());
        Files.createDirectories(inbox);
        if (sidecarJson != null) {
            Files.writeString(inbox.resolve(as.substring(0, as.lastIndexOf('.')) + ".json"), sidecarJson);
        }
        // written under another name and renamed, as a scanning station does
        Path part = inbox.resolve(as + ".part");
        Files.copy(SCANS.resolve(fixture), part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, inbox.resolve(as));
    }

    private Map<String, Object> scanNamed(String fileName) {
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from paper_scan where file_name = ?"
                + " and status <> 'RECEIVED'", Integer.class, fileName) == 1);
        return db.queryForMap("select * from paper_scan where file_name = ?", fileName);
    }

    private SubmitterDetails submitter(String code) {
        return cases.readSubmitter(cases.find(code).orElseThrow(), new Actor(ActorRole.SYSTEM, "test"), "test");
    }

    private String content(String code) {
        return db.queryForObject("select content from case_file where code = ?", String.class, code);
    }

    private static String truth(String letter) throws IOException {
        return Files.readString(SCANS.resolve(letter + ".txt"), StandardCharsets.UTF_8);
    }

    @Test
    void a_clean_300_dpi_letter_becomes_a_routed_case_dated_from_its_official_receipt() throws Exception {
        drop("letter1_300dpi_clean.png", "vanthu-0412.png",
                "{\"registerNumber\": \"0412/VPTW\", \"receivedOn\": \"2026-11-20\"}");
        Map<String, Object> scan = scanNamed("vanthu-0412.png");
        assertThat(scan.get("status")).as("reason: %s", scan.get("reason")).isEqualTo("OPENED");
        String code = (String) scan.get("case_code");

        double accuracy = CharacterAccuracy.of(content(code), truth("letter1"));
        System.out.printf("OCR character accuracy, letter 1 at 300 dpi: %.2f %%%n", accuracy * 100);
        assertThat(accuracy).as(content(code)).isGreaterThanOrEqualTo(0.98);
        SubmitterDetails who = submitter(code);
        assertThat(who.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(who.phone()).isEqualTo("0912345678");
        assertThat(who.email()).isEqualTo("nguyen.van.an@example.com");
        assertThat(who.address()).isEqualTo("Số 15 đường Trần Phú, phường 3, thành phố Đà Lạt, tỉnh Lâm Đồng");
        assertThat(db.queryForObject("select addressee from case_file where code = ?", String.class, code))
                .isEqualTo("Bộ Khoa học và Công nghệ");
        assertThat(db.queryForObject("select channel from case_file where code = ?", String.class, code)).isEqualTo("PAPER");
        // read from the letter, as the clerk would: "THƯ KIẾN NGHỊ", "V/v đề xuất …", signed by a person
        assertThat(db.queryForMap("select kind, kind_source, submitter_type, submitter_type_source from case_file"
                + " where code = ?", code)).containsEntry("kind", "PETITION").containsEntry("kind_source", "TEXT")
                .containsEntry("submitter_type", "INDIVIDUAL").containsEntry("submitter_type_source", "TEXT");
        // the addressee routes it
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from delivery where case_code = ?"
                + " and agency = 'BKHCN'", Integer.class, code) == 1);
        // the scan is kept encrypted: its PNG header is nowhere in the database
        assertThat(db.queryForObject("select count(*) from paper_scan where position('\\x89504e47'::bytea in content_enc) > 0",
                Integer.class)).isZero();
        assertThat(db.queryForObject("select count(*) from attachment_blob where content is not null"
                + " or position('\\x89504e47'::bytea in content_enc) > 0", Integer.class)).isZero();
        // the scanned letter itself reaches the ministry's system, its SHA-256 checked there (Đ9.1)
        await().atMost(PATIENCE).until(() -> !sandboxes.partner(vn.paknhub.sandbox.Sandboxes.JSON_MINISTRY)
                .filesFor(code).isEmpty());
        assertThat(sandboxes.partner(vn.paknhub.sandbox.Sandboxes.JSON_MINISTRY).filesFor(code)).singleElement()
                .satisfies(f -> {
                    assertThat(f.matches()).as(f.problem()).isTrue();
                    assertThat(f.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(vn.paknhub.core.crypto.Digests
                            .sha256(Files.readAllBytes(SCANS.resolve("letter1_300dpi_clean.png")))));
                });
        // the clerk's registered day (a Friday) is day zero of the first clock, not the day of the scan
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from case_clock where case_code = ?",
                Integer.class, code) >= 1);
        assertThat(db.queryForObject("select day_zero from case_clock where case_code = ? order by id limit 1",
                LocalDate.class, code)).isEqualTo(LocalDate.of(2026, 11, 20));
        // the scan is the case's attachment, and the reading is in its history
        assertThat(db.queryForObject("select count(*) from case_attachment a join case_file f on f.id = a.case_id"
                + " where f.code = ?", Integer.class, code)).isOne();
        assertThat(db.queryForObject("select e.details ->> 'registerNumber' from case_event e join case_file f"
                + " on f.id = e.case_id where f.code = ? and e.action = 'SCAN_READ'", String.class, code))
                .isEqualTo("0412/VPTW");
        // scan and sidecar moved out of the inbox
        await().atMost(PATIENCE).until(() -> !Files.exists(Path.of(settings.inbox(), "vanthu-0412.png")));
        assertThat(Path.of(settings.inbox(), "vanthu-0412.json")).doesNotExist();
        try (Stream<Path> processed = Files.walk(Path.of(settings.processed()))) {
            assertThat(processed.map(p -> p.getFileName().toString())).contains("vanthu-0412.png", "vanthu-0412.json");
        }

        // the acknowledgement letter to post back: Vietnamese, with the code and a secret that opens the case
        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/paper/" + scan.get("id")
                        + "/acknowledgement")).header("Authorization", HubApi.bearer(Samples.VPTW)[1]).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String letter;
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            letter = CharacterAccuracy.squash(new org.apache.pdfbox.text.PDFTextStripper().getText(doc));
        }
        assertThat(letter).contains("GIẤY BÁO TIẾP NHẬN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Kính gửi: Ông/Bà Nguyễn Văn An",
                "Số 15 đường Trần Phú", "đề ngày 12/10/2026 (số đến 0412/VPTW, ngày đến 20/11/2026)", "Mã số theo dõi: " + code);
        // the address printed is the public follow-up page a person holding the paper can open, not the API
        assertThat(letter).contains("/tra-cuu?ma=" + code).doesNotContain("/api/v1/submissions");
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("Mã bí mật tra cứu: (\\S+)").matcher(letter);
        assertThat(secret.find()).as(letter).isTrue();
        HubApi api = new HubApi(port);
        assertThat(api.get("/api/v1/submissions/" + code, "X-Lookup-Secret", secret.group(1)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/submissions/" + code, "X-Lookup-Secret", secret.group(1) + "x").status()).isEqualTo(404);
        assertThat(db.queryForObject("select count(*) from paper_access where scan_id = ? and what = 'acknowledgement letter'",
                Integer.class, scan.get("id"))).isOne();
        assertThat(api.get("/api/v1/paper/" + scan.get("id") + "/acknowledgement", HubApi.bearer(Samples.BKHCN)).status())
                .as("only the Central Party Office prints them").isEqualTo(403);

        // the same file dropped again under another name is the same letter: no second case
        drop("letter1_300dpi_clean.png", "vanthu-0412-lan2.png", null);
        await().atMost(PATIENCE).until(() -> !Files.exists(Path.of(settings.inbox(), "vanthu-0412-lan2.png")));
        assertThat(db.queryForObject("select count(*) from paper_scan where content_hash = ?", Integer.class,
                scan.get("content_hash"))).isOne();
        assertThat(db.queryForObject("select count(*) from case_file where channel = 'PAPER' and content = ?",
                Integer.class, content(code))).isOne();
    }

    @Test
    void a_two_page_tiff_is_one_case_and_a_skewed_stamped_page_is_still_read() throws Exception {
        drop("letter3_300dpi_2pages.tif", "thu-3.tif", null);
        drop("letter2_300dpi_noisy_skew_stamp.png", "thu-2.png", null);
        Map<String, Object> tiff = scanNamed("thu-3.tif");
        assertThat(tiff.get("status")).as("reason: %s", tiff.get("reason")).isEqualTo("OPENED");
        String code = (String) tiff.get("case_code");
        double accuracy3 = CharacterAccuracy.of(content(code), truth("letter3"));
        System.out.printf("OCR character accuracy, letter 3 (2-page TIFF, 300 dpi): %.2f %%%n", accuracy3 * 100);
        assertThat(accuracy3).isGreaterThanOrEqualTo(0.98);
        assertThat(submitter(code).fullName()).isEqualTo("Lê Hoàng Minh");
        assertThat(db.queryForObject("select addressee from case_file where code = ?", String.class, code)).isEqualTo("Bộ Y tế");
        // dropped without a sidecar: no register number, and the acknowledgement does not print one as missing
        String acknowledgement = pdfText(new HubApi(port).getBytes("/api/v1/paper/" + tiff.get("id") + "/acknowledgement",
                HubApi.bearer(Samples.VPTW)).body());
        assertThat(acknowledgement).contains("(ngày đến ").doesNotContain("chưa ghi").doesNotContain("số đến");

        Map<String, Object> stamped = scanNamed("thu-2.png");
        assertThat(stamped.get("status")).as("reason: %s", stamped.get("reason")).isEqualTo("OPENED");
        String code2 = (String) stamped.get("case_code");
        double accuracy2 = CharacterAccuracy.of(content(code2), truth("letter2"));
        System.out.printf("OCR character accuracy, letter 2 (noise, 1.5° skew, stamp): %.2f %%%n", accuracy2 * 100);
        assertThat(accuracy2).isGreaterThanOrEqualTo(0.97);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return CharacterAccuracy.squash(new org.apache.pdfbox.text.PDFTextStripper().getText(doc));
        }
    }

    /**
     * A complaint (Đ1.2) waits with that reason; it is never released into a case, the answer says how to close it,
     * and refusing it (no reason typed: the letter's own words are the reason) closes it with the answer letter.
     */
    @Test
    void a_complaint_is_refused_and_leaves_the_queue_closed_with_the_answer_letter() throws Exception {
        PaperCorpus.Letter complaint = PaperCorpus.load().stream().filter(l -> l.name().equals("out-of-scope-01-khieu-nai"))
                .findFirst().orElseThrow();
        PaperIntake.Result waiting = intake.receive("khieu-nai.png", complaint.file(), null, java.time.Instant.now());
        assertThat(waiting.outcome()).as(waiting.reason()).isEqualTo(PaperIntake.Outcome.TO_VERIFY);
        assertThat(waiting.reason()).contains("khiếu nại, tố cáo").doesNotContain("submitter");
        String id = waiting.scanId().toString();
        HubApi api = new HubApi(port);

        HubApi.Reply release = api.postJson("/api/v1/paper/" + id + "/release", Map.of(), HubApi.bearer(Samples.VPTW));
        assertThat(release.status()).isEqualTo(422);
        assertThat(release.rules()).contains("D1.2-out-of-scope");
        assertThat(release.body()).contains("/api/v1/paper/" + id + "/refuse");

        HubApi.Reply refused = api.postJson("/api/v1/paper/" + id + "/refuse", Map.of(), HubApi.bearer(Samples.VPTW));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refused.json().path("reason").asText()).containsIgnoringCase("khiếu nại");
        assertThat(api.get("/api/v1/paper?status=VERIFY", HubApi.bearer(Samples.VPTW)).json().findValuesAsText("id"))
                .doesNotContain(id);
        assertThat(api.get("/api/v1/paper?status=REFUSED", HubApi.bearer(Samples.VPTW)).json().findValuesAsText("id"))
                .contains(id);
        assertThat(db.queryForMap("select status, refused_by, case_code from paper_scan where id = ?::uuid", id))
                .containsEntry("status", "REFUSED").containsEntry("case_code", null)
                .hasEntrySatisfying("refused_by", by -> assertThat(by).isNotNull());

        java.net.http.HttpResponse<byte[]> answer = api.getBytes("/api/v1/paper/" + id + "/acknowledgement",
                HubApi.bearer(Samples.VPTW));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(pdfText(answer.body())).contains("THÔNG BÁO", "Kính gửi: Ông/Bà Chu Văn Tấn", "Số 9 ngõ 5 phố Kim Mã",
                "khiếu nại", "(ngày đến ").doesNotContain("chưa ghi");
        // closed: a second refusal or a release changes nothing
        assertThat(api.postJson("/api/v1/paper/" + id + "/refuse", Map.of("reason", "x"), HubApi.bearer(Samples.VPTW))
                .json().path("outcome").asText()).isEqualTo("ALREADY_RECEIVED");
    }

    @Test
    void a_pdf_with_its_own_text_skips_ocr() throws Exception {
        Path inbox = Path.of(settings.inbox());
        Files.createDirectories(inbox);
        String body = "Tôi đề nghị Bộ Khoa học và Công nghệ công bố dữ liệu mở về các đề tài nghiên cứu đã nghiệm thu"
                + " để doanh nghiệp khởi nghiệp sáng tạo có thể khai thác.";
        Path part = inbox.resolve("van-ban-so.pdf.part");
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDType0Font font = PDType0Font.load(pdf, new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(font, 11);
                text.setLeading(16);
                text.newLineAtOffset(60, 780);
                for (String line : new String[] {"Họ và tên: Trần Thị Bích", "Địa chỉ: 12 Lê Lợi, phường Bến Nghé, quận 1,"
                        + " thành phố Hồ Chí Minh", "Điện thoại: 0987 654 321", "", "V/v công bố dữ liệu đề tài khoa học",
                        "", "Kính gửi: Bộ Khoa học và Công nghệ", "", body.substring(0, 95), body.substring(95), "",
                        "Người gửi", "Trần Thị Bích"}) {
                    text.showText(line);
                    text.newLine();
                }
                text.endText();
            }
            pdf.save(part.toFile());
        }
        Files.move(part, inbox.resolve("van-ban-so.pdf"));
        Map<String, Object> scan = scanNamed("van-ban-so.pdf");
        assertThat(scan.get("status")).as("reason: %s", scan.get("reason")).isEqualTo("OPENED");
        String code = (String) scan.get("case_code");
        assertThat(CharacterAccuracy.squash(content(code))).isEqualTo(CharacterAccuracy.squash(body));
        assertThat(db.queryForObject("select e.details -> 'pages' -> 0 ->> 'source' from case_event e join case_file f"
                + " on f.id = e.case_id where f.code = ? and e.action = 'SCAN_READ'", String.class, code))
                .isEqualTo("TEXT_LAYER");
        assertThat(db.queryForObject("select title from case_file where code = ?", String.class, code))
                .isEqualTo("công bố dữ liệu đề tài khoa học");
    }

    @Test
    void a_corrupt_file_lands_in_failed_with_a_reason_a_clerk_can_read() throws Exception {
        drop("corrupt.png", "hong.png", null);
        Path reason = Path.of(settings.failed(), "hong.png.reason.txt");
        await().atMost(PATIENCE).until(() -> Files.exists(reason));
        assertThat(Path.of(settings.failed(), "hong.png")).exists();
        assertThat(Files.readString(reason, StandardCharsets.UTF_8)).contains("bị hỏng").contains("damaged")
                .contains("/reprocess");
        assertThat(scanNamed("hong.png").get("status")).isEqualTo("FAILED");
    }

    @Test
    void an_unclear_letter_waits_for_a_person_who_corrects_it_and_the_case_is_routed() throws Exception {
        drop("lowq_letter1_75dpi.png", "mo-nhoe.png", null);
        Map<String, Object> scan = scanNamed("mo-nhoe.png");
        assertThat(scan.get("status")).isEqualTo("VERIFY");
        assertThat((String) scan.get("reason")).contains("độ tin cậy");
        String id = scan.get("id").toString();
        HubApi api = new HubApi(port);

        JsonNode queue = api.get("/api/v1/paper?status=VERIFY", HubApi.bearer(Samples.VPTW)).json();
        assertThat(queue.findValuesAsText("id")).contains(id);
        assertThat(api.get("/api/v1/paper", HubApi.bearer(Samples.BKHCN)).status()).isEqualTo(403);
        HubApi.Reply unknownStatus = api.get("/api/v1/paper?status=DONE", HubApi.bearer(Samples.VPTW));
        assertThat(unknownStatus.status()).isEqualTo(422);
        assertThat(unknownStatus.json().path("errors").get(0).path("field").asText()).isEqualTo("status");
        assertThat(unknownStatus.rules()).containsExactly("one-of");
        assertThat(unknownStatus.body()).contains("VERIFY").doesNotContain("Exception");
        JsonNode detail = api.get("/api/v1/paper/" + id, HubApi.bearer(Samples.VPTW)).json();
        assertThat(detail.path("pages").get(0).path("confidence").asDouble()).isLessThan(settings.minConfidence());
        HubApi.Reply image = api.get("/api/v1/paper/" + id + "/pages/1", HubApi.bearer(Samples.VPTW));
        assertThat(image.status()).isEqualTo(200);
        assertThat(db.queryForObject("select count(*) from paper_access where scan_id = ?::uuid", Integer.class, id))
                .isEqualTo(2);

        HubApi.Reply released = api.postJson("/api/v1/paper/" + id + "/release", Map.of("text", truth("letter1"),
                "senderName", "Nguyễn Văn An", "phone", "0912 345 678", "email", "nguyen.van.an@example.com",
                "address", "Số 15 đường Trần Phú, phường 3, thành phố Đà Lạt, tỉnh Lâm Đồng",
                "addressee", "Bộ Khoa học và Công nghệ", "title", "Đề xuất ứng dụng công nghệ số trong nông nghiệp"),
                HubApi.bearer(Samples.VPTW));
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        String code = released.json().path("caseCode").asText();
        assertThat(content(code)).isEqualTo(Normalizer.normalize(truth("letter1").strip(), Normalizer.Form.NFC));
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from delivery where case_code = ?"
                + " and agency = 'BKHCN'", Integer.class, code) == 1);
        JsonNode verified = new com.fasterxml.jackson.databind.ObjectMapper().readTree(db.queryForObject(
                "select e.details::text from case_event e join case_file f on f.id = e.case_id where f.code = ?"
                        + " and e.action = 'SCAN_VERIFIED'", String.class, code));
        assertThat(verified.path("verifiedBy").asText()).isNotBlank();
        assertThat(verified.path("corrections").path("text").path("corrected").asText()).contains("Nguyễn Văn An");
        // released once: a second release opens nothing more
        assertThat(api.postJson("/api/v1/paper/" + id + "/release", Map.of(), HubApi.bearer(Samples.VPTW)).json()
                .path("outcome").asText()).isEqualTo("ALREADY_RECEIVED");
    }

    @Test
    void without_an_ocr_engine_a_scan_waits_for_a_person_and_is_read_once_the_engine_is_there() throws Exception {
        Tesseract missing = new Tesseract(OcrSettings.with("/opt/nowhere/tesseract", 5));
        PaperIntake withoutOcr = new PaperIntake(scans, settings, missing, cases, caseSettings, validator, tx,
                acknowledgementLetter);
        byte[] scan = Files.readAllBytes(SCANS.resolve("letter1_150dpi.jpg"));

        PaperIntake.Result waiting = withoutOcr.receive("khong-ocr.jpg", scan, null, java.time.Instant.now());
        assertThat(waiting.outcome()).isEqualTo(PaperIntake.Outcome.TO_VERIFY);
        assertThat(waiting.reason()).contains("OCR engine not available").contains("/opt/nowhere/tesseract");
        assertThat(db.queryForObject("select status from paper_scan where id = ?", String.class, waiting.scanId()))
                .isEqualTo("VERIFY");

        // an operator installs the engine and has the scan read again
        PaperIntake.Result read = intake.reprocess(waiting.scanId());
        assertThat(read.outcome()).as(read.reason()).isEqualTo(PaperIntake.Outcome.CASE_OPENED);
        assertThat(submitter(read.caseCode()).fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(CharacterAccuracy.of(content(read.caseCode()), truth("letter1"))).isGreaterThanOrEqualTo(0.97);
    }
}
