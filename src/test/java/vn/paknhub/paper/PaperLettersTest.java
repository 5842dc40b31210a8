package vn.paknhub.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.paknhub.notify.NotificationTemplates;

/** The letters posted back to writers, from the shipped templates, read back from their PDF. */
class PaperLettersTest {

    private final PaperLetters letters = new PaperLetters(new NotificationTemplates(Path.of("templates/notifications")),
            "https://pakn.example.vn/tra-cuu?ma={code}", Path.of("/usr/share/fonts/truetype/dejavu"));

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return CharacterAccuracy.squash(new PDFTextStripper().getText(doc));
        }
    }

    @Test
    void the_acknowledgement_points_to_the_public_follow_up_page_and_leaves_out_a_register_number_never_given()
            throws Exception {
        assertThat(letters.unavailable()).isNull();
        String unregistered = text(letters.acknowledgement(new PaperLetters.Receipt("PAKN-2026-000123", "s3cr3t",
                "Nguyễn Văn An", "Số 15 đường Trần Phú, Đà Lạt", "Đề xuất dữ liệu mở", LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 10, 12), null), LocalDate.of(2026, 11, 21)));
        assertThat(unregistered).contains("đề ngày 12/10/2026 (ngày đến 20/11/2026)")
                .doesNotContain("chưa ghi").doesNotContain("số đến")
                .contains("https://pakn.example.vn/tra-cuu?ma=PAKN-2026-000123").doesNotContain("/api/")
                .contains("Mã bí mật tra cứu: s3cr3t");

        String registered = text(letters.acknowledgement(new PaperLetters.Receipt("PAKN-2026-000124", "x",
                "Lê Hoàng Minh", "Hà Nội", "Góp ý y tế số", LocalDate.of(2026, 11, 20), null, "0412/VPTW"),
                LocalDate.of(2026, 11, 21)));
        assertThat(registered).contains("không ghi ngày (số đến 0412/VPTW, ngày đến 20/11/2026)");
    }

    @Test
    void the_answer_to_a_complaint_says_why_and_where_to_turn() throws Exception {
        String answer = text(letters.outOfScope(new PaperLetters.Refusal("Chu Văn Tấn", "Số 9 ngõ 5 phố Kim Mã, Hà Nội",
                "khiếu nại quyết định thu hồi đất", LocalDate.of(2026, 8, 6), LocalDate.of(2026, 8, 5), null,
                "tôi xin khiếu nại quyết định"), LocalDate.of(2026, 8, 7)));
        assertThat(answer).contains("Kính gửi: Ông/Bà Chu Văn Tấn", "đề ngày 05/08/2026 (ngày đến 06/08/2026)",
                "tôi xin khiếu nại quyết định", "khiếu nại, tố cáo").doesNotContain("chưa ghi");
    }
}
