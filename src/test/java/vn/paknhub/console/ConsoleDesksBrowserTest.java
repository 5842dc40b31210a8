package vn.paknhub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import vn.paknhub.devstack.DevIdentityProvider;
import vn.paknhub.paper.PaperIntake;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;
import vn.paknhub.support.LetterImages;
import vn.paknhub.support.Samples;
import vn.paknhub.support.TestMailbox;

/**
 * The desks of the console in a real browser, one journey each: a clerk verifies a scanned letter beside its
 * page image and releases it, and refuses a complaint received on paper with the letter to post back; an
 * operator opens as a case a mail the hub took for a robot's; a supervisor watches the deadlines board and
 * the statistics and takes no step; an officer works a case with the keyboard alone. Screenshots go to
 * docs/console/.
 */
@HubIntegrationTest
class ConsoleDesksBrowserTest extends ConsoleJourneys {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    PaperIntake paper;
    @Autowired
    Environment env;


    private int historyBy(String code, String action, String actor) {
        return db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id where f.code = ?"
                + " and e.action = ? and e.actor_id = ?", Integer.class, code, action, actor);
    }

    @Test
    void a_clerk_verifies_a_scanned_letter_beside_its_image_and_releases_it_under_her_name() throws Exception {
        // a clear letter whose writer gave no address (Đ8): it waits for a person
        byte[] scan = LetterImages.png(List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                "Hà Giang, ngày 20 tháng 11 năm 2026", "", "THƯ KIẾN NGHỊ",
                "V/v hỗ trợ kết nối internet cho các điểm trường vùng cao", "",
                "Kính gửi: Văn phòng Trung ương Đảng", "",
                "Tôi là Sùng Thị Mỷ, giáo viên dạy học tại điểm trường bản Lô Lô Chải.",
                "Các điểm trường vùng cao hiện chưa có đường truyền internet ổn định, học sinh không thể học trực tuyến và"
                        + " giáo viên không tiếp cận được kho học liệu số của ngành giáo dục.",
                "Tôi kính đề nghị hỗ trợ lắp đặt trạm phát sóng và thiết bị kết nối vệ tinh cho các điểm trường vùng cao.",
                "", "Xin trân trọng cảm ơn!", "", "Người viết thư", "Sùng Thị Mỷ"));
        PaperIntake.Result read = paper.receive("diem-truong.png", scan, null, Instant.now());
        assertThat(read.outcome()).as(String.valueOf(read.reason())).isEqualTo(PaperIntake.Outcome.TO_VERIFY);
        assertThat(read.reason()).contains("Đ8");

        console.signIn("vptw.vanthu", true);
        console.await("nav-scans").click();
        console.await("scans");
        console.driver.findElement(By.linkText("diem-truong.png")).click();
        console.await("release-form");
        // the page image is served to the signed-in clerk and shown beside the text read
        WebElement image = console.driver.findElement(By.className("page-image"));
        await().atMost(PATIENCE).until(() -> ((Number) ((JavascriptExecutor) console.driver)
                .executeScript("return arguments[0].naturalWidth", image)).intValue() > 0);
        assertThat(console.driver.findElement(By.className("page-text")).getText()).contains("điểm trường");
        assertThat(console.driver.findElement(By.id("senderName")).getAttribute("value")).contains("Sùng Thị Mỷ");
        assertThat(console.driver.getCurrentUrl()).doesNotContain("Sùng").doesNotContain("Mỷ");
        // what the envelope says and the letter does not: where to answer (Đ8.2)
        console.driver.findElement(By.id("address")).sendKeys("Bản Lô Lô Chải, xã Lũng Cú, tỉnh Tuyên Quang");
        console.driver.findElement(By.id("phone")).sendKeys("0915 226 418");
        console.screenshot("scan");
        console.driver.findElement(By.id("release")).click();
        console.awaitOneOf("content", "refused");
        assertThat(console.driver.findElements(By.id("refused"))).as(console.driver.getPageSource()).isEmpty();
        String code = console.driver.findElement(By.id("code")).getText();
        assertThat(console.driver.findElement(By.id("submitter")).getText()).contains("Lũng Cú");
        assertThat(historyBy(code, "SCAN_VERIFIED", "VPTW/vptw.vanthu (Nguyễn Thị Lan)")).isOne();
        assertThat(db.queryForObject("select count(*) from paper_access a join paper_scan s on s.id = a.scan_id"
                + " where s.file_name = 'diem-truong.png' and a.actor = 'VPTW/vptw.vanthu (Nguyễn Thị Lan)'", Integer.class))
                .as("each look at the letter is logged under the clerk's name").isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_complaint_received_on_paper_is_refused_with_the_letter_to_post_back_and_opens_no_case() throws Exception {
        byte[] scan = LetterImages.png(List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                "Ninh Bình, ngày 18 tháng 11 năm 2026", "", "ĐƠN KHIẾU NẠI",
                "V/v khiếu nại quyết định thu hồi đất của Ủy ban nhân dân xã", "",
                "Kính gửi: Văn phòng Trung ương Đảng", "",
                "Tôi là Trần Văn Hùng, địa chỉ: xóm 3, xã Hải Minh, tỉnh Ninh Bình, điện thoại 0912 555 678.",
                "Tôi làm đơn này khiếu nại Quyết định số 125/QĐ-UBND ngày 02/10/2026 của Ủy ban nhân dân xã về việc thu hồi"
                        + " đất của gia đình tôi, vì quyết định không đúng quy định và không bồi thường thỏa đáng.",
                "Đề nghị cơ quan có thẩm quyền xem xét, giải quyết.", "", "Người làm đơn", "Trần Văn Hùng"));
        PaperIntake.Result read = paper.receive("don-khieu-nai.png", scan, null, Instant.now());
        assertThat(read.outcome()).as(String.valueOf(read.reason())).isEqualTo(PaperIntake.Outcome.TO_VERIFY);

        console.signIn("vptw.vanthu", true);
        console.get("/console/scans");
        console.await("scans");
        console.driver.findElement(By.linkText("don-khieu-nai.png")).click();
        assertThat(console.await("scope-evidence").getText()).containsIgnoringCase("khiếu nại");
        // the writer's name and address as the clerk reads them on the image: the answer is posted there
        WebElement name = console.driver.findElement(By.id("senderName"));
        name.clear();
        name.sendKeys("Trần Văn Hùng");
        WebElement address = console.driver.findElement(By.id("address"));
        address.clear();
        address.sendKeys("Xóm 3, xã Hải Minh, tỉnh Ninh Bình");
        console.screenshot("scan-complaint");
        console.driver.findElement(By.id("refuse")).click();
        console.await("refusal-done");
        assertThat(console.driver.findElement(By.id("scan-status")).getText()).contains("Đã từ chối");
        Map<String, Object> row = db.queryForMap("select id, status, case_code, refused_by from paper_scan"
                + " where file_name = 'don-khieu-nai.png'");
        assertThat(row.get("status")).isEqualTo("REFUSED");
        assertThat(row.get("case_code")).isNull();
        assertThat(row.get("refused_by")).isEqualTo("VPTW/vptw.vanthu (Nguyễn Thị Lan)");
        assertThat(db.queryForObject("select count(*) from case_file where title like '%thu hồi đất%'", Integer.class)).isZero();
        // the letter to post back names the rule and where to turn; printed like the acknowledgement
        java.net.http.HttpResponse<byte[]> pdf = new HubApi(port).getBytes("/api/v1/paper/" + row.get("id") + "/acknowledgement",
                HubApi.bearer(Samples.VPTW));
        assertThat(pdf.statusCode()).isEqualTo(200);
        String letter;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            letter = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(letter).contains("Kính gửi: Ông/Bà Trần Văn Hùng", "khiếu nại, tố cáo", "khoản 2 Điều 1",
                "cơ quan có thẩm quyền");
        // refused once: a second refusal or a release finds nothing waiting
        assertThat(paper.refuse((java.util.UUID) row.get("id"), "lần nữa", null, "VPTW").outcome())
                .isEqualTo(PaperIntake.Outcome.ALREADY_RECEIVED);
    }

    @Test
    void an_operator_reads_a_mail_taken_for_a_robots_and_opens_it_as_a_case() throws Exception {
        String messageId = "<xa-lungcu-" + System.nanoTime() + "@example.vn>";
        // a commune's web form relays a citizen's proposal as an automated mail: the hub answers no robot
        byte[] raw = ("From: Cong thong tin xa <no-reply@lungcu.example.vn>\r\nTo: pakn@paknskgp.local\r\n"
                + "Subject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString("Góp ý về trạm sạc xe điện"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "?=\r\nDate: Mon, 23 Nov 2026 10:00:00 +0700\r\n"
                + "Message-ID: " + messageId + "\r\nAuto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Người gửi: Giàng A Páo, thôn Lô Lô Chải, xã Lũng Cú, tỉnh Tuyên Quang.\r\nĐề xuất lắp trạm sạc xe máy"
                + " điện dùng năng lượng mặt trời tại trung tâm xã để người dân chuyển sang xe điện.\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        new TestMailbox(env).send(raw, "pakn@paknskgp.local");
        await().atMost(PATIENCE).until(() -> "NOT_ANSWERED".equals(db.queryForList(
                "select outcome from mail_message where message_id = ?", String.class, messageId).stream().findFirst().orElse(null)));

        console.signIn("vptw.vanhanh", true);
        console.await("nav-mail").click();
        console.await("view-NOT_ANSWERED").click();
        WebElement mails = console.await("mails");
        assertThat(mails.getText()).contains("automated");
        String id = db.queryForObject("select id::text from mail_message where message_id = ?", String.class, messageId);
        console.driver.findElement(By.cssSelector("a[href$='/console/mail/" + id + "']")).click();
        assertThat(console.await("mail-text").getText()).contains("trạm sạc xe máy điện");
        assertThat(console.driver.findElement(By.id("raw")).getAttribute("textContent")).contains("Auto-Submitted: auto-generated");
        console.screenshot("mail");
        console.driver.findElement(By.id("open-case")).click();
        console.await("content");
        String code = console.driver.findElement(By.id("code")).getText();
        assertThat(historyBy(code, "OPENED_FROM_SET_ASIDE_MAIL", "VPTW/vptw.vanhanh (Lê Minh Quân)")).isOne();
        assertThat(db.queryForMap("select outcome, case_code from mail_message where message_id = ?", messageId))
                .containsEntry("outcome", "CASE_OPENED").containsEntry("case_code", code);
        assertThat(db.queryForObject("select count(*) from mail_access where mail_id = ?::uuid and actor = ?", Integer.class,
                id, "VPTW/vptw.vanhanh (Lê Minh Quân)")).isGreaterThanOrEqualTo(2);
        // opened once: the same mail again is refused in words, no second case
        console.get("/console/mail/" + id);
        assertThat(console.driver.findElements(By.id("open-case"))).isEmpty();
    }

    @Test
    void a_supervisor_watches_deadlines_and_statistics_takes_no_step_and_a_body_sees_only_its_own() throws Exception {
        HubApi api = new HubApi(port);
        String late = Flows.deliveredTo(api, db, "Bộ Khoa học và Công nghệ", "BKHCN",
                "Kiến nghị tăng kinh phí cho chương trình nghiên cứu vật liệu mới tại các viện nghiên cứu công lập.");
        String other = Flows.deliveredTo(api, db, "Bộ Y tế", "BYT",
                "Đề xuất số hóa sổ tiêm chủng cho trẻ em tại các trạm y tế xã vùng sâu.");
        // the classification clock of the first ran out yesterday (as DeadlinesEndToEndTest makes it happen)
        db.update("update case_clock set day_zero = current_date - 9, warn_on = current_date - 3, due_on = current_date - 1"
                + " where case_code = ? and stopped_at is null", late);

        console.signIn("vptw.giamsat", true);
        console.await("nav-deadlines").click();
        WebElement overdue = console.await("standing-OVERDUE");
        assertThat(overdue.getText()).contains(late).doesNotContain(other);
        assertThat(console.driver.findElement(By.id("body-BKHCN")).getText()).contains("BKHCN");
        console.screenshot("deadlines");
        // read all, act on none: no step is offered, and one posted by hand is refused
        console.driver.findElement(By.linkText(late)).click();
        console.await("content");
        assertThat(console.driver.findElements(By.id("act"))).isEmpty();
        assertThat(console.driver.findElement(By.id("deadlines")).getText()).contains("Đ11.2");

        // the steps counted per person reach the statistics from the bus: once there, the page names them
        await().atMost(PATIENCE).until(() -> db.queryForObject("select count(*) from officer_action_tally", Integer.class) > 0);
        String someone = db.queryForObject("select actor from officer_action_tally order by events desc, actor limit 1",
                String.class);
        console.await("nav-statistics").click();
        assertThat(console.await("people").getText()).contains(someone);
        WebElement chart = console.await("chart");
        assertThat(chart.findElements(By.tagName("rect"))).isNotEmpty();
        assertThat(console.driver.findElement(By.id("figures")).getText()).contains("BKHCN", "BYT");
        console.screenshot("statistics");
        String csv = (String) ((JavascriptExecutor) console.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('export').href).then(r => r.arrayBuffer())"
                        + ".then(b => done(new TextDecoder('utf-8', {ignoreBOM: true}).decode(b)));");
        // with a byte-order mark, so that a spreadsheet reads the diacritics
        assertThat(csv).startsWith("\uFEFFagency,received").contains("BKHCN,");

        // a body's officer: the body's own deadlines only, no statistics desk
        console.signIn("byt.canbo", true);
        console.get("/console/deadlines");
        console.await("standing-OVERDUE");
        assertThat(console.driver.getPageSource()).doesNotContain(late);
        assertThat(console.driver.findElements(By.id("nav-statistics"))).isEmpty();
        console.get("/console/statistics");
        console.await("problem");
    }

    @Test
    void a_body_officer_reaches_no_other_bodys_case_through_any_page() throws Exception {
        HubApi api = new HubApi(port);
        String theirs = Flows.deliveredTo(api, db, "Bộ Khoa học và Công nghệ", "BKHCN",
                "Đề xuất thành lập quỹ bảo lãnh tín dụng cho doanh nghiệp đổi mới sáng tạo vay vốn ngân hàng.");
        long file = db.queryForList("select a.id from case_attachment a join case_file f on f.id = a.case_id where f.code = ?",
                Long.class, theirs).stream().findFirst().orElse(1L);

        console.signIn("byt.canbo", true);
        console.await("who");
        for (String page : List.of("/console/cases/" + theirs, "/console/cases/" + theirs + "/files/" + file,
                "/console/scans", "/console/scans/of-case/" + theirs, "/console/mail", "/console/deliveries",
                "/console/triage", "/console/statistics", "/console/statistics/export?from=2026-01-01&to=2026-12-31")) {
            console.get(page);
            console.await("problem");
            assertThat(console.driver.getPageSource()).as(page).doesNotContain(theirs)
                    .doesNotContain("quỹ bảo lãnh tín dụng");
        }
        // pages a body does have show its own cases only, whatever the address asks for
        for (String page : List.of("/console/?q=" + theirs, "/console/?q=quy+bao+lanh+tin+dung",
                "/console/deadlines?body=BKHCN")) {
            console.get(page);
            console.await("main");
            // the search box shows back what was asked; no case of the other body is listed
            assertThat(console.driver.findElements(By.linkText(theirs))).as(page).isEmpty();
            assertThat(console.driver.getPageSource()).as(page).doesNotContain("quỹ bảo lãnh tín dụng");
        }
        assertThat(db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id where f.code = ?"
                + " and e.action = 'ACCESS_DENIED' and e.actor_id like 'BYT/byt.canbo%'", Integer.class, theirs))
                .as("each attempt on the case is written in its history").isGreaterThanOrEqualTo(2);
    }

    @Test
    void an_officer_works_a_case_with_the_keyboard_alone() throws Exception {
        String code = Flows.deliveredTo(new HubApi(port), db, "Bộ Khoa học và Công nghệ", "BKHCN",
                "Đề xuất xây dựng kho dữ liệu mở về kết quả nghiên cứu khoa học sử dụng ngân sách nhà nước.");
        console.driver.manage().deleteAllCookies();
        console.get("/console/");
        console.await("username");
        Actions keys = new Actions(console.driver);
        // the identity provider's form, then the inbox: typed, tabbed, entered, never clicked
        keys.sendKeys(console.driver.findElement(By.id("username")), "bkhcn.canbo").perform();
        DevIdentityProvider.Officer officer = officers.named("bkhcn.canbo");
        keys.sendKeys(Keys.TAB).sendKeys(officer.password()).sendKeys(Keys.TAB).sendKeys(console.code("bkhcn.canbo"))
                .sendKeys(Keys.ENTER).perform();
        console.await("who");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused().getAttribute("class")).isEqualTo("skip");
        tabUntil("q");
        keys.sendKeys("kho du lieu mo ve ket qua nghien cuu").sendKeys(Keys.ENTER).perform();
        await().atMost(PATIENCE).until(() -> console.driver.getCurrentUrl().contains("q="));
        tabUntilText(code);
        keys.sendKeys(Keys.ENTER).perform();
        console.await("content");
        tabUntil("action");
        // the select's options by keyboard: to "Tiếp nhận" (ACCEPT)
        for (int i = 0; i < 12 && !"ACCEPT".equals(focused().getAttribute("value")); i++) {
            keys.sendKeys(Keys.ARROW_DOWN).perform();
        }
        assertThat(focused().getAttribute("value")).isEqualTo("ACCEPT");
        tabUntil("reason");
        keys.sendKeys("Tiếp nhận, giao Cục Thông tin khoa học và công nghệ quốc gia chủ trì.").perform();
        tabUntil("apply");
        keys.sendKeys(Keys.ENTER).perform();
        console.await("done");
        assertThat(historyBy(code, "ACCEPT", "BKHCN/bkhcn.canbo (Phạm Thu Hà)")).isOne();
    }

    private WebElement focused() {
        return console.driver.switchTo().activeElement();
    }

    /** Tabs forward until the element with {@code id} has the focus (a page has far fewer than 60 stops). */
    private void tabUntil(String id) {
        for (int i = 0; i < 60 && !id.equals(focused().getAttribute("id")); i++) {
            new Actions(console.driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(focused().getAttribute("id")).as("reached by keyboard").isEqualTo(id);
    }

    private void tabUntilText(String text) {
        for (int i = 0; i < 60 && !text.equals(focused().getText()); i++) {
            new Actions(console.driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(focused().getText()).as("reached by keyboard").isEqualTo(text);
    }
}
