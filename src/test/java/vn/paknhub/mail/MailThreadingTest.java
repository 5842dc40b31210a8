package vn.paknhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.paknhub.core.text.ContactFinder;

class MailThreadingTest {

    private final MailThreading threading = new MailThreading("SKGP");

    @Test
    void the_code_is_taken_from_the_subject_first_then_from_the_quoted_text() {
        assertThat(threading.codeIn("Re: [SKGP-20261122-000123] Đề nghị bổ sung", "SKGP-20261122-000999"))
                .contains("SKGP-20261122-000123");
        assertThat(threading.codeIn("Re: bổ sung", "> Mã số theo dõi: SKGP-20261122-000999")).contains("SKGP-20261122-000999");
        assertThat(threading.codeIn("Re: bổ sung", "mã SKGP-2026112-000999 sai")).isEmpty();
        assertThat(threading.codeIn(null, "PAKN.20261122.0001")).isEmpty();
    }

    @Test
    void the_persons_own_words_leave_out_what_they_quote() {
        assertThat(MailThreading.ownWords("Địa chỉ: 3 Hùng Vương\n\n> Đề nghị bổ sung\n> địa chỉ")).isEqualTo(
                "Địa chỉ: 3 Hùng Vương");
        assertThat(MailThreading.ownWords("Xin cảm ơn.\nVào 23/11/2026 lúc 10:00, PAKN <pakn@x.vn> đã viết:\nThư cũ"))
                .isEqualTo("Xin cảm ơn.");
        assertThat(MailThreading.ownWords("Thanks\nOn Mon, 23 Nov 2026 someone wrote:\nold")).isEqualTo("Thanks");
    }

    @Test
    void a_withdrawal_is_asked_in_the_persons_own_words_only() {
        assertThat(MailThreading.asksToWithdraw("Tôi xin rút kiến nghị vì đã được giải quyết.")).isTrue();
        assertThat(MailThreading.asksToWithdraw("Đề nghị rút lại đề xuất đã gửi.")).isTrue();
        assertThat(MailThreading.asksToWithdraw("Tôi bổ sung địa chỉ: 3 Hùng Vương.")).isFalse();
        assertThat(MailThreading.asksToWithdraw("Cần rút ngắn thời gian xử lý thủ tục.")).isFalse();
    }

    @Test
    void a_one_line_signature_gives_its_address_without_the_name_and_the_phone() {
        assertThat(ContactFinder.address("Nội dung.\nĐỗ Minh Châu, 5 Trần Phú, phường Điện Biên, quận Ba Đình, Hà Nội, 0904 555 666"))
                .contains("5 Trần Phú, phường Điện Biên, quận Ba Đình, Hà Nội");
        assertThat(ContactFinder.phone("Điện thoại: +84 912 345 678")).contains("0912345678");
        assertThat(ContactFinder.phone("Số hồ sơ 20261122000123")).isEmpty();
        assertThat(ContactFinder.address("Tôi đề xuất mở dữ liệu.")).isEmpty();
    }
}
