package vn.paknhub.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import vn.paknhub.notify.Notifications.Channel;

/** The operators' templates: the shipped ones are complete, a mistake is named by file, rendering fills and normalises. */
class NotificationTemplatesTest {

    private static final Path SHIPPED = Path.of("templates/notifications");

    @TempDir
    Path dir;

    @Test
    void every_template_the_policy_uses_ships_for_email_and_sms_and_names_the_tracking_code() throws IOException {
        assertThat(new NotificationTemplates(SHIPPED).problems(NotificationPolicy.templates())).isEmpty();
        for (String template : NotificationPolicy.templates()) {
            for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
                assertThat(Files.readString(new NotificationTemplates(SHIPPED).fileOf(template, channel)))
                        .as(template + " " + channel).contains("{{code}}");
            }
        }
    }

    @Test
    void the_notices_owed_by_post_ship_as_letters_laid_out_like_the_acknowledgement() throws IOException {
        NotificationTemplates shipped = new NotificationTemplates(SHIPPED);
        for (String template : List.of("progress-update", "verification-hold", "suspended", "result-posted")) {
            assertThat(shipped.hasLetter(template)).as(template).isTrue();
            assertThat(shipped.letterProblems(template, List.of("Issuer", "Place", "Title", "Subtitle", "Signature")))
                    .as(template).isEmpty();
            assertThat(Files.readString(shipped.fileOf(template, Channel.LETTER))).contains("{{code}}")
                    .contains("{{address}}");
        }
        // the paper channel sends its own acknowledgement: no second letter for the receipt
        assertThat(shipped.hasLetter("received")).isFalse();
    }

    @Test
    void a_missing_file_a_missing_subject_and_an_unknown_placeholder_are_each_named() throws IOException {
        FileSystemUtils.copyRecursively(SHIPPED, dir);
        NotificationTemplates templates = new NotificationTemplates(dir);
        Files.delete(templates.fileOf("accepted", Channel.SMS));
        Files.writeString(templates.fileOf("rejected", Channel.EMAIL), "Không có tiêu đề {{code}} {{ly_do}}");

        assertThat(templates.problems(List.of("accepted", "rejected"))).containsExactlyInAnyOrder(
                templates.fileOf("accepted", Channel.SMS) + ": missing",
                templates.fileOf("rejected", Channel.EMAIL) + ": unknown placeholder {{ly_do}}; use "
                        + NotificationTemplates.PLACEHOLDERS,
                templates.fileOf("rejected", Channel.EMAIL) + ": the first line must be 'Subject: …'");
    }

    @Test
    void a_printed_letter_has_its_heading_lines_and_a_wrong_one_is_named() throws IOException {
        List<String> heading = List.of("Issuer", "Title");
        assertThat(new NotificationTemplates(SHIPPED).letterProblems("paper-acknowledgement", heading)).isEmpty();
        Files.writeString(dir.resolve("giay-bao.letter.txt"), "Issuer: VĂN PHÒNG\n\nMã số: {{code}} {{so_den}}\n");
        NotificationTemplates templates = new NotificationTemplates(dir);
        assertThat(templates.letterProblems("giay-bao", heading)).containsExactlyInAnyOrder(
                dir.resolve("giay-bao.letter.txt") + ": unknown placeholder {{so_den}}; use " + NotificationTemplates.PLACEHOLDERS,
                dir.resolve("giay-bao.letter.txt") + ": no heading line 'Title: …'");
        assertThat(templates.letterProblems("khong-co", heading)).containsExactly(dir.resolve("khong-co.letter.txt") + ": missing");
        NotificationTemplates.Letter letter = templates.renderLetter("giay-bao", Map.of("code", "SKGP-20261122-000001"));
        assertThat(letter.heading()).containsExactly(Map.entry("Issuer", "VĂN PHÒNG"));
        assertThat(letter.body()).isEqualTo("Mã số: SKGP-20261122-000001");
    }

    @Test
    void rendering_fills_the_placeholders_splits_the_subject_and_gives_nfc_text() throws IOException {
        Files.writeString(dir.resolve("accepted.email.txt"), "Subject: Hồ sơ {{code}}\n\nKính gửi {{ name }},\n{{reason}}\n");
        String decomposed = Normalizer.normalize("Nguyễn Thị Minh Thư", Normalizer.Form.NFD);

        NotificationTemplates.Rendered r = new NotificationTemplates(dir).render("accepted", Channel.EMAIL,
                Map.of("code", "SKGP-20261122-000001", "name", decomposed));

        assertThat(r.subject()).isEqualTo("Hồ sơ SKGP-20261122-000001");
        assertThat(r.body()).isEqualTo("Kính gửi Nguyễn Thị Minh Thư,\n");
        assertThat(Normalizer.isNormalized(r.body(), Normalizer.Form.NFC)).isTrue();
    }
}
