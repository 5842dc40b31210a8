package vn.paknhub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import vn.paknhub.support.HubIntegrationTest;

/** The operators' Đ16 desk: a window with too little notice is refused in words; an incident is announced and public. */
@HubIntegrationTest
class MaintenanceDeskBrowserTest extends ConsoleJourneys {

    @AfterEach
    void withdraw() {
        db.update("delete from maintenance_notice where source = 'API'");
    }

    private void set(String id, String value) {
        // a datetime-local input is typed differently in every locale; its value is what the form sends
        ((JavascriptExecutor) console.driver).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                id, value);
    }

    @Test
    void an_operator_announces_an_incident_and_is_refused_a_window_without_enough_notice() throws Exception {
        console.signIn("vptw.vanhanh", true);
        console.driver.findElement(By.id("nav-maintenance")).click();
        console.await("announce");
        LocalDateTime tomorrow = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        set("startsAt", tomorrow.toString());
        set("endsAt", tomorrow.plusHours(2).toString());
        console.driver.findElement(By.id("titleVi")).sendKeys("Nâng cấp máy chủ");
        console.driver.findElement(By.id("messageVi")).sendKeys("Hệ thống tạm dừng để nâng cấp máy chủ.");
        console.driver.findElement(By.id("announce")).click();
        assertThat(console.await("refused").getText()).contains("ít nhất 3 ngày làm việc");
        // what was typed is kept
        assertThat(console.driver.findElement(By.id("titleVi")).getAttribute("value")).isEqualTo("Nâng cấp máy chủ");

        new Select(console.driver.findElement(By.id("kind"))).selectByValue("INCIDENT");
        set("startsAt", LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMinutes(10).truncatedTo(ChronoUnit.MINUTES)
                .toString());
        set("endsAt", "");
        console.driver.findElement(By.id("announce")).click();
        assertThat(console.await("done").getText()).contains("Nâng cấp máy chủ");
        assertThat(console.driver.findElement(By.id("notices")).getText()).contains("Sự cố", "đang khắc phục");
        console.screenshot("maintenance");

        console.get("/thong-bao");
        assertThat(console.await("notices").getText()).contains("Sự cố", "Nâng cấp máy chủ");
    }
}
