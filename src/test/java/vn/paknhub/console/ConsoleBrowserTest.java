package vn.paknhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import vn.paknhub.sandbox.SandboxPartner;
import vn.paknhub.sandbox.Sandboxes;
import vn.paknhub.support.Flows;
import vn.paknhub.support.HubApi;
import vn.paknhub.support.HubIntegrationTest;

/**
 * The console in a real browser (Debian's chromium and chromium-driver, headless, at 1366×768): an officer
 * signs in through the identity provider with a password and a TOTP code and finds their body's inbox; a
 * sign-in without the second factor is refused by the hub; another body's case is nowhere on the page.
 * Screenshots go to docs/console/.
 */
@HubIntegrationTest
class ConsoleBrowserTest extends ConsoleJourneys {

    private static WebDriver browser;

    @Autowired
    Sandboxes sandboxes;

    @BeforeEach
    void useBrowser() {
        browser = console.driver;
    }

    private String url(String path) {
        return console.url(path);
    }

    private void signIn(String username, boolean withCode) {
        console.signIn(username, withCode);
    }

    private void screenshot(String name) throws Exception {
        console.screenshot(name);
    }

    @Test
    void an_officer_signs_in_with_a_second_factor_and_sees_only_the_bodys_inbox() throws Exception {
        HubApi api = new HubApi(port);
        String mine = Flows.deliveredTo(api, db, "Bộ Khoa học và Công nghệ", "BKHCN",
                "Đề xuất mở rộng chương trình đổi mới sáng tạo cho doanh nghiệp nhỏ và vừa.");
        String theirs = Flows.deliveredTo(api, db, "Bộ Y tế", "BYT", "Đề xuất ứng dụng bệnh án điện tử tại trạm y tế xã.");

        signIn("bkhcn.canbo", true);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("q")));
        // search without diacritics finds the item written with them; the other body's never appears
        browser.findElement(By.id("q")).sendKeys("doi moi sang tao cho doanh nghiep nho");
        browser.findElement(By.id("filter")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("cases")));
        assertThat(browser.findElement(By.id("who")).getText()).contains("Đăng nhập", "Phạm Thu Hà", "Bộ Khoa học và Công nghệ");
        assertThat(browser.findElement(By.id("cases")).getText()).contains(mine).doesNotContain(theirs);
        assertThat(browser.getPageSource()).doesNotContain(theirs);
        assertThat(browser.getCurrentUrl()).doesNotContain("Nguy").doesNotContain("@");
        screenshot("inbox");
        // the read is in the access log under the officer's own name, not only the body's
        // (written once the page is answered, so looked for until it is there)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> db.queryForObject(
                "select count(*) from access_log where path = '/console/' and actor like 'BKHCN/bkhcn.canbo (Phạm Thu Hà)'",
                Integer.class) > 0);

        // the case page: the item, the submitter (read in the officer's name), and a step taken as the officer
        browser.findElement(By.linkText(mine)).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content")));
        assertThat(browser.findElement(By.id("submitter")).getText()).contains("Nguyễn Thị Minh Thư");
        // what the item is and who sent it, read from "Đề xuất …" and a person's name, said to be read
        assertThat(browser.findElement(By.id("kind")).getText()).isEqualTo("Kiến nghị (đọc từ nội dung)");
        assertThat(browser.findElement(By.id("submitter-type")).getText()).isEqualTo("Cá nhân (đọc từ nội dung)");
        assertThat(browser.getCurrentUrl()).endsWith("/console/cases/" + mine);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("action"))).selectByValue("REJECT");
        browser.findElement(By.id("apply")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("refused")));
        assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Đã chuyển cơ quan có thẩm quyền");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("action"))).selectByValue("ACCEPT");
        browser.findElement(By.id("reason")).sendKeys("Tiếp nhận, giao Vụ Đánh giá, Thẩm định và Giám định công nghệ chủ trì.");
        browser.findElement(By.id("apply")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.id("history")).getText()).contains("ACCEPT", "BKHCN/bkhcn.canbo (Phạm Thu Hà)");
        screenshot("case");
        assertThat(db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id where f.code = ?"
                + " and e.action = 'ACCEPT' and e.actor_id = 'BKHCN/bkhcn.canbo (Phạm Thu Hà)'", Integer.class, mine)).isOne();
        assertThat(db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id where f.code = ?"
                + " and e.action = 'READ_PERSONAL_DATA' and e.actor_id = 'BKHCN/bkhcn.canbo (Phạm Thu Hà)'", Integer.class, mine))
                .isPositive();
        // another body's case by its address: refused as if it did not exist, and the attempt is in its history
        browser.get(url("/console/cases/" + theirs));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
        assertThat(browser.getPageSource()).doesNotContain("Đề xuất ứng dụng bệnh án điện tử");
        assertThat(db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id where f.code = ?"
                + " and e.action = 'ACCESS_DENIED'", Integer.class, theirs)).isPositive();
        browser.get(url("/console/"));
        browser.findElement(By.id("q")).sendKeys("bệnh án điện tử tại trạm y tế");
        browser.findElement(By.id("filter")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("q="));
        assertThat(browser.getPageSource()).doesNotContain(theirs);

        browser.findElement(By.id("lang")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"),
                "Signed in"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Inbox");
        browser.get(url("/console/?lang=vi"));

        browser.findElement(By.id("sign-out")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-out")));
        browser.get(url("/console/"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/idp/login"));
    }

    @Test
    void a_sign_in_without_the_second_factor_is_refused_by_the_hub() throws Exception {
        signIn("vptw.vanthu", false);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("reason")));
        assertThat(browser.getCurrentUrl()).contains("/console/refused");
        assertThat(browser.findElement(By.id("reason")).getText()).contains("yếu tố thứ hai");
        screenshot("sign-in-refused");
        // not in: the console asks for a sign-in again, and with the code it opens
        browser.get(url("/console/"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/idp/login"));
        signIn("vptw.vanthu", true);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        assertThat(browser.findElement(By.id("who")).getText()).contains("Nguyễn Thị Lan");
    }

    @Test
    void a_central_office_clerk_sends_an_item_on_from_the_triage_queue_and_the_history_names_the_clerk() throws Exception {
        HubApi api = new HubApi(port);
        String code = Flows.submitAddressedTo(api, "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng"
                + " tạo và chuyển đổi số", "Kiến nghị xây dựng sàn giao dịch công nghệ quốc gia cho viện nghiên cứu.")
                .path("code").asText();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                "select count(*) from case_routing where case_code = ? and triage", Integer.class, code) == 1);

        signIn("vptw.vanthu", true);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("triage"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("item-" + code)));
        var item = browser.findElement(By.id("item-" + code));
        assertThat(item.getText()).contains("D10.1", "Điều 10.1");
        item.findElement(By.name("leadAgency")).sendKeys("BKHCN");
        item.findElement(By.name("note")).sendKeys("Nội dung thuộc chức năng của Bộ KH&CN");
        screenshot("triage");
        item.findElement(By.className("dispatch")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(browser.findElement(By.id("done")).getText()).contains(code, "BKHCN");
        assertThat(browser.findElements(By.id("item-" + code))).isEmpty();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FORWARDED/BKHCN".equals(db.queryForObject(
                "select state || '/' || assigned_agency from case_file where code = ?", String.class, code)));
        assertThat(db.queryForObject("select count(*) from case_event e join case_file f on f.id = e.case_id where f.code = ?"
                + " and e.actor_id = 'VPTW/vptw.vanthu (Nguyễn Thị Lan)'", Integer.class, code)).isPositive();

        // an officer of a body has no triage desk
        signIn("byt.canbo", true);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        assertThat(browser.findElements(By.id("triage"))).isEmpty();
        browser.get(url("/console/triage"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
        assertThat(browser.getPageSource()).doesNotContain(code);
    }

    @Test
    void an_operator_replays_a_parked_delivery_and_a_clerk_has_no_operators_page() throws Exception {
        sandboxes.partner(Sandboxes.JSON_MINISTRY).behave(SandboxPartner.Mode.REFUSE, 1);
        HubApi api = new HubApi(port);
        String code = Flows.submitAddressedTo(api, "Bộ Khoa học và Công nghệ", "Kiến nghị hỗ trợ phòng thí nghiệm trọng điểm"
                + " dùng chung cho các trường đại học khu vực.").path("code").asText();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "PARKED".equals(db.queryForList(
                "select status from delivery where case_code = ? and agency = 'BKHCN'", String.class, code).stream().findFirst()
                .orElse(null)));

        signIn("vptw.vanhanh", true);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deliveries"))).click();
        var row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("delivery-" + code + "-BKHCN")));
        assertThat(row.getText()).contains("bkhcn-api").containsIgnoringCase("BKHCN_REJECTED");
        assertThat(browser.findElement(By.id("connectors")).getText()).contains("bkhcn-api", "byt-soap", "lamdong-kafka");
        screenshot("deliveries");
        row.findElement(By.className("replay")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(db.queryForObject(
                "select status from delivery where case_code = ? and agency = 'BKHCN'", String.class, code)));
        assertThat(sandboxes.partner(Sandboxes.JSON_MINISTRY).receivedFor(code)).hasSize(1);

        // the clerk works the triage queue, not the deliveries
        signIn("vptw.vanthu", true);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("triage")));
        assertThat(browser.findElements(By.id("deliveries"))).isEmpty();
        browser.get(url("/console/deliveries"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
        assertThat(browser.getPageSource()).doesNotContain(code);
    }

    @Test
    void the_console_sends_a_strict_content_security_policy_and_a_secure_session_cookie() throws Exception {
        HttpResponse<String> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/console/"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).contains("/oauth2/authorization/officer");
        assertThat(first.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("JSESSIONID")
                .contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/console/signed-out")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
