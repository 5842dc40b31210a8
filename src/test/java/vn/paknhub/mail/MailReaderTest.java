package vn.paknhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import vn.paknhub.core.text.ContactFinder;

/** The corpus of realistic Vietnamese mail in src/test/resources/mail, read as a clerk would read it. */
class MailReaderTest {

    private final MailReader reader = new MailReader(10, 200);

    static byte[] corpus(String name) throws Exception {
        return Files.readAllBytes(Path.of("src/test/resources/mail", name));
    }

    private ReadMail read(String name) throws Exception {
        return reader.read(corpus(name));
    }

    private static void assertNfc(String s) {
        assertThat(Normalizer.isNormalized(s, Normalizer.Form.NFC)).as("NFC: " + s).isTrue();
    }

    @Test
    void a_quoted_printable_utf8_mail_with_encoded_headers() throws Exception {
        ReadMail m = read("plain-utf8.eml");
        assertThat(m.messageId()).isEqualTo("<plain-utf8.20261122@saomai.example.vn>");
        assertThat(m.fromAddress()).isEqualTo("nhung.nth@saomai.example.vn");
        assertThat(m.fromName()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(m.subject()).isEqualTo("Kiến nghị cơ chế thử nghiệm cho AI");
        assertThat(m.text()).startsWith("Kính gửi: Bộ Khoa học và Công nghệ").contains("trí tuệ nhân tạo");
        assertThat(m.automated()).isNull();
        assertNfc(m.text());
        assertThat(ContactFinder.phone(m.text())).contains("0912345678");
        assertThat(ContactFinder.address(m.text()))
                .contains("số 12 ngõ 45 phố Trần Duy Hưng, phường Trung Hòa, quận Cầu Giấy, Hà Nội");
    }

    @Test
    void windows_1258_is_decoded_to_nfc_whether_labelled_right_or_as_windows_1252() throws Exception {
        String expected = Files.readString(Path.of("src/test/resources/mail/windows-1258.expected.txt"),
                StandardCharsets.UTF_8).strip();
        for (String name : new String[] {"windows-1258.eml", "windows-1258-labelled-1252.eml"}) {
            ReadMail m = read(name);
            assertThat(m.text()).as(name).isEqualTo(expected);
            assertNfc(m.text());
        }
        ReadMail m = read("windows-1258.eml");
        assertThat(ContactFinder.phone(m.text())).contains("02633822111");
        assertThat(ContactFinder.address(m.text())).contains("Thôn 3, xã Đạ Sar, huyện Lạc Dương, tỉnh Lâm Đồng");
    }

    /** The .eml bodies are the expected text converted to TCVN3 by glibc's iconv (TCVN5712-1), not by the hub. */
    @Test
    void tcvn3_is_recognised_by_its_bytes_whether_labelled_windows_1252_or_not_labelled() throws Exception {
        String expected = Files.readString(Path.of("src/test/resources/mail/tcvn3.expected.txt"), StandardCharsets.UTF_8)
                .strip();
        for (String name : new String[] {"tcvn3-labelled-1252.eml", "tcvn3-unlabelled.eml"}) {
            ReadMail m = read(name);
            assertThat(m.text()).as(name).isEqualTo(expected);
            assertNfc(m.text());
        }
        assertThat(ContactFinder.address(read("tcvn3-unlabelled.eml").text()))
                .contains("Thôn 3, xã Đạ Sar, huyện Lạc Dương, tỉnh Lâm Đồng");
    }

    /** The .eml bodies are the expected text converted to VNI by Unikey's converter (VNI-WIN), not by the hub. */
    @Test
    void vni_is_recognised_by_its_bytes_whether_labelled_windows_1252_or_not_labelled() throws Exception {
        String expected = Files.readString(Path.of("src/test/resources/mail/vni.expected.txt"), StandardCharsets.UTF_8)
                .strip();
        for (String name : new String[] {"vni-labelled-1252.eml", "vni-unlabelled.eml"}) {
            ReadMail m = read(name);
            assertThat(m.text()).as(name).isEqualTo(expected);
            assertNfc(m.text());
        }
        ReadMail m = read("vni-unlabelled.eml");
        assertThat(m.text()).startsWith("Kính gửi: Ủy ban nhân dân Thành phố Hồ Chí Minh")
                .contains("V/v: PHẢN ÁNH NGẬP NƯỚC TRÊN ĐƯỜNG ĐỒNG KHỞI");
        assertThat(ContactFinder.address(m.text()))
                .contains("45 Đồng Khởi, phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh");
        assertThat(ContactFinder.phone(m.text())).contains("0903456789");
    }

    @Test
    void western_text_in_windows_1252_is_not_taken_for_tcvn3() {
        String french = "Très élégant : le café à côté de la gare, ouvert l'été — 5 € «à emporter» ou «sur place».";
        assertThat(MailText.decode(french.getBytes(java.nio.charset.Charset.forName("windows-1252")), "windows-1252"))
                .isEqualTo(french);
        assertThat(MailText.decode(french.getBytes(java.nio.charset.Charset.forName("windows-1252")), null))
                .isEqualTo(french);
    }

    /** Western accents mostly follow consonants; where they follow a vowel (où, naïf, aún), VNI is not assumed. */
    @Test
    void western_text_in_windows_1252_is_not_taken_for_vni() {
        for (String western : new String[] {
                "Je ne sais pas où il est, ni d'où il vient ; le goût du café, un coût naïf, l'aéroport héroïque.",
                "Größere Änderungen für Müller: Übergabe am Dienstag, schöne Grüße aus Köln.",
                "¿Dónde está el baúl? Aún no sé; mañana iré al país vecino con mi niña."}) {
            byte[] bytes = western.getBytes(java.nio.charset.Charset.forName("windows-1252"));
            assertThat(MailText.decode(bytes, "windows-1252")).isEqualTo(western);
            assertThat(MailText.decode(bytes, null)).isEqualTo(western);
        }
    }

    @Test
    void an_html_only_mail_without_message_id_or_date_becomes_clean_text() throws Exception {
        ReadMail m = read("html-only-no-id.eml");
        assertThat(m.messageId()).isNull();
        assertThat(m.subject()).isEqualTo("Kiến nghị chuẩn hóa địa chỉ số");
        assertThat(m.text()).contains("Tôi kiến nghị chuẩn hóa dữ liệu địa chỉ số quốc gia & công khai API")
                .contains("- Thống nhất mã địa chỉ\n- Cập nhật dữ liệu hằng tháng")
                .doesNotContain("<").doesNotContain("alert").doesNotContain("color:red");
        assertThat(ContactFinder.address(m.text())).contains("8 Lý Thường Kiệt, phường Hàng Bài, quận Hoàn Kiếm, Hà Nội");
        assertThat(ContactFinder.phone(m.text())).contains("0987654321");
    }

    @Test
    void alternatives_give_one_text_and_attachments_keep_their_rfc2231_and_rfc2047_names() throws Exception {
        ReadMail m = read("alternative-with-attachments.eml");
        assertThat(m.text()).startsWith("Kính gửi: Bộ Giáo dục và Đào tạo").doesNotContain("<br>");
        assertThat(m.text().split("Tôi gửi kèm đề án", -1)).hasSize(2);
        assertThat(m.attachments()).extracting(ReadMail.Attachment::fileName).containsExactly("Đề án STEM.pdf",
                "hóa đơn.pdf");
        assertThat(new String(m.attachments().get(0).content(), StandardCharsets.US_ASCII)).startsWith("%PDF-");
        assertThat(m.attachments().get(1).content()[0]).isEqualTo((byte) 'M');
    }

    @Test
    void a_signed_mail_forwarding_another_reads_both_texts_and_drops_the_signature() throws Exception {
        ReadMail m = read("forwarded-signed.eml");
        assertThat(m.text()).contains("Tôi chuyển tiếp sáng kiến").contains("Thư chuyển tiếp / Forwarded message")
                .contains("Tiêu đề / Subject: Sáng kiến về dữ liệu mở").contains("quan trắc môi trường");
        assertThat(m.attachments()).isEmpty();
    }

    @Test
    void raw_8bit_utf8_headers_are_read() throws Exception {
        ReadMail m = read("raw-utf8-headers.eml");
        assertThat(m.subject()).isEqualTo("Giải pháp số hóa hồ sơ bệnh án");
        assertThat(m.fromName()).isEqualTo("Bùi Thị Lan");
    }

    @Test
    void robots_are_recognised_by_the_header_that_gives_them_away() throws Exception {
        assertThat(read("auto-reply.eml").automated()).startsWith("Auto-Submitted: auto-replied");
        assertThat(read("delivery-report.eml").automated()).startsWith("delivery status report");
        assertThat(read("mailing-list.eml").automated()).startsWith("Precedence: list");
        assertThat(read("plain-utf8.eml").automated()).isNull();
        assertThat(read("complaint.eml").automated()).isNull();
    }

    /** Outlook and Exchange put X-Auto-Response-Suppress: All on mail people write: alone it proves no robot. */
    @Test
    void outlooks_auto_response_suppress_alone_is_no_sign_of_a_robot() throws Exception {
        assertThat(read("forwarded-as-attachment-outlook.eml").automated()).isNull();
        String outlook = new String(ClientMail.of(ClientMail.Client.OUTLOOK, "Quách Văn Sơn", "son.qv@congty.example.vn",
                "pakn@paknskgp.local", "Kiến nghị", "Nội dung.", "<a@b>", "Tue, 24 Nov 2026 09:00:00 +0700"),
                StandardCharsets.UTF_8).replace("MIME-Version: 1.0\r\n", "X-Auto-Response-Suppress: All\r\nMIME-Version: 1.0\r\n");
        assertThat(reader.read(outlook.getBytes(StandardCharsets.UTF_8)).automated()).isNull();
        // with a header that does say a robot wrote it, it is still a robot's
        assertThat(reader.read(("Auto-Submitted: auto-replied\r\n" + outlook).getBytes(StandardCharsets.UTF_8)).automated())
                .startsWith("Auto-Submitted");
    }

    @Test
    void nesting_deeper_than_the_limit_is_cut_with_a_note_and_what_was_read_is_kept() throws Exception {
        StringBuilder mail = new StringBuilder("From: a@example.vn\r\nSubject: sâu\r\nMIME-Version: 1.0\r\n");
        int depth = 15;
        for (int i = 0; i < depth; i++) {
            mail.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
        }
        mail.append("Content-Type: text/plain; charset=UTF-8\r\n\r\nNội dung tận cùng.\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            mail.append("--b").append(i).append("--\r\n");
        }
        ReadMail m = new MailReader(10, 200).read(mail.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(m.limits()).singleElement().asString().contains("10");
        assertThat(m.text()).doesNotContain("tận cùng");
        ReadMail deepEnough = new MailReader(20, 200).read(mail.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(deepEnough.limits()).isEmpty();
        assertThat(deepEnough.text()).isEqualTo("Nội dung tận cùng.");
    }

    /**
     * "Forward as attachment" as Thunderbird (8-bit, RFC 2231 name), Outlook (after a text and HTML note, with
     * X-Auto-Response-Suppress) and Gmail (base64, no subject, no words of its own) send it: the forwarded mail is
     * read as the item, with its own files, and nothing is kept as an ".eml" file nobody reads.
     */
    @Test
    void a_mail_forwarded_as_an_attachment_is_read_as_the_item_with_its_own_files() throws Exception {
        for (String name : new String[] {"forwarded-as-attachment-thunderbird.eml", "forwarded-as-attachment-gmail.eml"}) {
            ReadMail m = read(name);
            assertThat(m.text()).as(name).contains("Thư chuyển tiếp / Forwarded message")
                    .contains("Tiêu đề / Subject: Kiến nghị hỗ trợ chuyển giao công nghệ sấy nông sản")
                    .contains("sấy nông sản bằng năng lượng mặt trời").contains("Lò Văn Pâng");
            assertThat(m.attachments()).as(name).extracting(ReadMail.Attachment::fileName).containsExactly("Phương án sấy.pdf");
            assertThat(new String(m.attachments().get(0).content(), StandardCharsets.US_ASCII)).startsWith("%PDF-");
            assertThat(m.forwardedSubject()).isEqualTo("Kiến nghị hỗ trợ chuyển giao công nghệ sấy nông sản");
            assertThat(MailIntake.item(m).title()).as(name).isEqualTo("Kiến nghị hỗ trợ chuyển giao công nghệ sấy nông sản");
            assertNfc(m.text());
        }
        assertThat(read("forwarded-as-attachment-thunderbird.eml").text()).startsWith("Kính gửi Ban Chỉ đạo");
        ReadMail outlook = read("forwarded-as-attachment-outlook.eml");
        assertThat(outlook.text()).startsWith("Kính gửi Văn phòng Trung ương Đảng")
                .contains("Từ / From: Trần Thị Mỹ Lệ <myle.tran@outlook.com>")
                .contains("không cập nhật giá từ tháng 9");
        assertThat(outlook.attachments()).extracting(ReadMail.Attachment::fileName).containsExactly("man-hinh.png");
        assertThat(MailIntake.item(outlook).title()).isEqualTo("Phản ánh về ứng dụng tra cứu giá lúa");
    }

    /** A subject longer than a case title may be: cut at a word for the title, whole at the head of the content. */
    @Test
    void a_subject_longer_than_a_title_is_kept_whole_at_the_head_of_the_content() throws Exception {
        String subject = "Kiến nghị về việc " + "đơn giản hóa thủ tục đăng ký đề tài khoa học cấp cơ sở, ".repeat(7)
                + "và công khai kết quả nghiệm thu trên cổng thông tin của Bộ";
        assertThat(subject.codePointCount(0, subject.length())).isGreaterThan(300);
        ReadMail m = reader.read(ClientMail.of(ClientMail.Client.OUTLOOK, "Phan Văn Dài", "dai.pv@example.vn",
                "pakn@paknskgp.local", subject, "Nội dung chi tiết như tiêu đề.", "<long@example.vn>",
                "Tue, 24 Nov 2026 10:00:00 +0700"));
        assertThat(m.subject()).isEqualTo(subject);
        MailIntake.Item item = MailIntake.item(m);
        assertThat(item.title().codePointCount(0, item.title().length())).isLessThanOrEqualTo(300);
        assertThat(item.title()).endsWith("…").startsWith("Kiến nghị về việc đơn giản hóa");
        assertThat(subject).startsWith(item.title().substring(0, item.title().length() - 1));
        assertThat(item.content()).startsWith("Tiêu đề thư: " + subject + "\n\n").endsWith("Nội dung chi tiết như tiêu đề.");
        ReadMail shorter = reader.read(ClientMail.of(ClientMail.Client.GMAIL, "Phan Văn Dài", "dai.pv@example.vn",
                "pakn@paknskgp.local", "Re: TL: " + subject.substring(0, 280), "Nội dung.", "<long2@example.vn>",
                "Tue, 24 Nov 2026 10:00:00 +0700"));
        assertThat(MailIntake.item(shorter).title()).isEqualTo(subject.substring(0, 280).strip());
        assertThat(MailIntake.item(shorter).content()).isEqualTo("Nội dung.");
    }

    /** A subject cut into encoded words in the middle of a letter's bytes, as some webmails write it. */
    @Test
    void encoded_words_split_inside_a_letter_are_read_whole() throws Exception {
        byte[] subject = "Kiến nghị đầu tư hạ tầng số cho vùng đồng bào".getBytes(StandardCharsets.UTF_8);
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        String header = "=?UTF-8?B?" + b64.encodeToString(java.util.Arrays.copyOfRange(subject, 0, 27)) + "?=\r\n =?UTF-8?B?"
                + b64.encodeToString(java.util.Arrays.copyOfRange(subject, 27, subject.length)) + "?=";
        assertThat(MailReader.headerText(jakarta.mail.internet.MimeUtility.unfold(header)))
                .isEqualTo("Kiến nghị đầu tư hạ tầng số cho vùng đồng bào");
        // Q words split the same way, a plain word after them kept with its space
        assertThat(MailReader.headerText("=?UTF-8?Q?Ki=E1=BA?= =?UTF-8?Q?=BFn_ngh=E1=BB=8B?= (2)")).isEqualTo("Kiến nghị (2)");
        // words of different charsets are each their own
        assertThat(MailReader.headerText("=?UTF-8?B?" + b64.encodeToString("Đề ".getBytes(StandardCharsets.UTF_8))
                + "?= =?iso-8859-1?Q?caf=E9?=")).isEqualTo("Đề café");
    }

    /** What a mail program writes under the person's words is not theirs: not in the item's text. */
    @Test
    void the_lines_mail_programs_add_are_left_out_of_the_text() {
        assertThat(MailReader.withoutProgramSignatures("Tôi đề xuất mở dữ liệu.\n\nGửi từ iPhone của tôi")).isEqualTo(
                "Tôi đề xuất mở dữ liệu.");
        assertThat(MailReader.withoutProgramSignatures("Nội dung.\nSent from my iPhone\n")).isEqualTo("Nội dung.");
        assertThat(MailReader.withoutProgramSignatures("Nội dung.\n\nGửi từ điện thoại Android của tôi")).isEqualTo("Nội dung.");
        assertThat(MailReader.withoutProgramSignatures("Nội dung.\n\nTải Outlook cho Android<https://aka.ms/AAb9ysg>"))
                .isEqualTo("Nội dung.");
        assertThat(MailReader.withoutProgramSignatures("Nội dung.\n\nGet Outlook for Android")).isEqualTo("Nội dung.");
        // a sentence that merely starts the same way is the person's
        assertThat(MailReader.withoutProgramSignatures("Tôi gửi từ iPhone của tôi ảnh hiện trường.")).isEqualTo(
                "Tôi gửi từ iPhone của tôi ảnh hiện trường.");
    }

    @Test
    void headers_alone_are_read_for_storage_even_from_a_broken_mail() throws Exception {
        assertThat(MailHeaders.of(corpus("plain-utf8.eml")))
                .isEqualTo(new MailHeaders("<plain-utf8.20261122@saomai.example.vn>", "nhung.nth@saomai.example.vn",
                        "Kiến nghị cơ chế thử nghiệm cho AI"));
        assertThat(MailHeaders.of(corpus("raw-utf8-headers.eml")).subject()).isEqualTo("Giải pháp số hóa hồ sơ bệnh án");
        assertThat(MailHeaders.of(corpus("poison-undisclosed-truncated.eml")).subject())
                .isEqualTo("Kiến nghị về số hóa hồ sơ đất đai");
        assertThat(MailHeaders.of(corpus("html-only-no-id.eml")).messageId()).isNull();
        assertThat(MailHeaders.of("\u0000\u0001garbage without headers".getBytes(StandardCharsets.ISO_8859_1)).sender())
                .isNull();
    }
}
