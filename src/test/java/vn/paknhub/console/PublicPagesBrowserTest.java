package vn.paknhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import vn.paknhub.support.HubIntegrationTest;

/**
 * The public pages in a real browser (the console's browser support, hence this package): a person
 * sends an item with an attachment, is told in Vietnamese which field to correct, gets the tracking
 * code and secret, and follows the item at /tra-cuu. Keyboard only (Tab and Enter), no script on the pages.
 */
@HubIntegrationTest
class PublicPagesBrowserTest extends ConsoleJourneys {

    private WebDriver browser() {
        return console.driver;
    }

    private void type(String id, String text) {
        WebElement e = browser().findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    @Test
    void a_person_sends_an_item_corrects_what_the_page_names_and_follows_it_by_code_and_secret() throws Exception {
        console.get("/");
        assertThat(console.await("notices-heading").getText()).isEqualTo("Thông báo bảo trì, sự cố");
        assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(browser().findElements(By.tagName("script"))).isEmpty();
        console.screenshot("public-home");

        browser().findElement(By.id("go-submit")).click();
        console.await("send");
        type("title", "Ngắn");
        type("content", "Please digitise the licensing procedure for innovative start-ups across all ministries.");
        type("fullName", "Trần Thị Lan");
        type("address", "Số 8 phố Hàng Bài, Hà Nội");
        type("email", "lan.tran@example.vn");
        browser().findElement(By.id("send")).click();
        WebElement errors = console.await("errors");
        assertThat(errors.getText()).contains("Tiêu đề", "tiếng Việt", "công khai");
        assertThat(browser().findElement(By.id("title")).getAttribute("aria-invalid")).isEqualTo("true");
        // what the person typed is kept
        assertThat(browser().findElement(By.id("fullName")).getAttribute("value")).isEqualTo("Trần Thị Lan");
        console.screenshot("public-submit-errors");

        type("title", "Đề xuất số hoá thủ tục hỗ trợ doanh nghiệp khởi nghiệp sáng tạo");
        type("content", "Hiện nay thủ tục xin hỗ trợ cho doanh nghiệp khởi nghiệp sáng tạo vẫn yêu cầu nộp hồ sơ giấy"
                + " tại nhiều cơ quan. Tôi đề nghị cho phép nộp toàn bộ hồ sơ trực tuyến. Mã tham chiếu "
                + UUID.randomUUID() + ".");
        new org.openqa.selenium.support.ui.Select(browser().findElement(By.id("field"))).selectByValue("d");
        Path note = Files.createTempFile("ghi-chu", ".txt");
        Files.writeString(note, "Danh sách các cơ quan đang yêu cầu hồ sơ giấy.");
        browser().findElement(By.id("attachments")).sendKeys(note.toAbsolutePath().toString());
        // the consent answer by keyboard: focus the radio, choose it with Space
        browser().findElement(By.id("consent-yes")).sendKeys(Keys.SPACE);
        browser().findElement(By.id("send")).sendKeys(Keys.ENTER);
        String code = console.await("code").getText();
        String secret = browser().findElement(By.id("secret")).getText();
        assertThat(code).matches("[A-Z]+-\\d{8}-\\d+");
        assertThat(db.queryForObject("select count(*) from case_attachment a join case_file f on f.id = a.case_id"
                + " where f.code = ?", Integer.class, code)).isEqualTo(1);
        Files.delete(note);

        browser().findElement(By.id("follow-link")).click();
        assertThat(console.await("lookup-code").getAttribute("value")).isEqualTo(code);
        type("lookup-secret", "sai-ma-bi-mat");
        browser().findElement(By.id("lookup")).click();
        assertThat(console.await("lookup-error").getText()).contains("Không tìm thấy");
        type("lookup-code", code);
        type("lookup-secret", secret);
        browser().findElement(By.id("lookup-secret")).sendKeys(Keys.ENTER);
        assertThat(console.await("status").getText()).contains("Đề xuất số hoá thủ tục", "Đã gửi PAKN, SKGP");
        assertThat(browser().getCurrentUrl()).doesNotContain(secret);
        console.screenshot("public-follow");
    }
}
