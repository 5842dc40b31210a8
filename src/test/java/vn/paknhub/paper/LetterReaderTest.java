package vn.paknhub.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LetterReaderTest {

    /** As the OCR engine gives a letter head in two columns: the left column first, then the right. */
    private static final String LETTER = """
            Họ và tên: Nguyễn Văn An
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

            Địa chỉ: Số 15 đường Trần
            Phú, phường 3, thành phố Đà
            Lạt, tỉnh Lâm Đồng
            Độc lập - Tự do - Hạnh phúc
            Đà Lạt, ngày 12 tháng 10 năm 2026

            Điện thoại: 0912 345 678
            Email: Nguyen.Van.An@example.com

            THƯ KIẾN NGHỊ
            V/v đề xuất ứng dụng công nghệ số trong sản xuất nông
            nghiệp công nghệ cao

            Kính gửi: Bộ Khoa học và Công nghệ;
            - Ủy ban nhân dân tỉnh Lâm Đồng.

            Tôi là Nguyễn Văn An, kỹ sư nông nghiệp
            đang sinh sống tại Đà Lạt.

            Tôi kính đề nghị Bộ xem xét xây dựng nền tảng dữ liệu mở.

            Xin trân trọng cảm ơn!
            Người gửi
            (Ký, ghi rõ họ tên)
            Nguyễn Văn An
            """;

    @Test
    void reads_the_fields_a_clerk_would_from_a_two_column_letter_head() {
        LetterReader.Letter l = LetterReader.read(LETTER);
        assertThat(l.addressee()).isEqualTo("Bộ Khoa học và Công nghệ");
        assertThat(l.senderName()).isEqualTo("Nguyễn Văn An");
        assertThat(l.address()).isEqualTo("Số 15 đường Trần Phú, phường 3, thành phố Đà Lạt, tỉnh Lâm Đồng");
        assertThat(l.phone()).isEqualTo("0912345678");
        assertThat(l.email()).isEqualTo("nguyen.van.an@example.com");
        assertThat(l.letterDate()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(l.title()).isEqualTo("đề xuất ứng dụng công nghệ số trong sản xuất nông nghiệp công nghệ cao");
        // lines of a paragraph joined, further addressees and the signature block left out
        assertThat(l.body()).isEqualTo("Tôi là Nguyễn Văn An, kỹ sư nông nghiệp đang sinh sống tại Đà Lạt.\n\n"
                + "Tôi kính đề nghị Bộ xem xét xây dựng nền tảng dữ liệu mở.\n\nXin trân trọng cảm ơn!");
    }

    @Test
    void the_signed_name_is_taken_when_no_name_is_labelled_and_a_heading_gives_the_title() {
        LetterReader.Letter l = LetterReader.read("""
                ĐƠN KIẾN NGHỊ
                Kính gửi:
                - Bộ Y tế
                Đề nghị số hóa hồ sơ sức khỏe.
                Người viết đơn
                Lê Hoàng Minh
                """);
        assertThat(l.addressee()).isEqualTo("Bộ Y tế");
        assertThat(l.senderName()).isEqualTo("Lê Hoàng Minh");
        // a heading that only names the kind of letter says nothing of its subject: the body's opening follows it
        assertThat(l.title()).isEqualTo("Đơn kiến nghị: Đề nghị số hóa hồ sơ sức khỏe.");
        assertThat(l.body()).isEqualTo("Đề nghị số hóa hồ sơ sức khỏe.");
    }

    @Test
    void an_address_ending_in_a_comma_goes_on_past_the_other_column_but_a_finished_one_does_not() {
        LetterReader.Letter wrapped = LetterReader.read("""
                Địa chỉ: Số 27 phố Nguyễn
                Chí Thanh, quận Đống Đa,
                Độc lập - Tự do - Hạnh phúc
                Hà Nội, ngày 20 tháng 11 năm 2026

                thành phố Hà Nội
                Điện thoại: 0903 123 456
                """);
        assertThat(wrapped.address()).isEqualTo("Số 27 phố Nguyễn Chí Thanh, quận Đống Đa, thành phố Hà Nội");
        LetterReader.Letter finished = LetterReader.read("""
                Địa chỉ: Số 27 phố Nguyễn Chí Thanh, Hà Nội

                Tôi góp ý về dịch vụ công.
                """);
        assertThat(finished.address()).isEqualTo("Số 27 phố Nguyễn Chí Thanh, Hà Nội");
    }

    @Test
    void the_motto_run_on_from_the_sender_column_is_not_part_of_the_name() {
        LetterReader.Letter l = LetterReader.read("""
                Họ và tên: Trần Thị Bích Ngọc CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Địa chỉ: Thôn Phú Hòa, xã Lộc Châu Độc lập - Tự do - Hạnh phúc
                """);
        assertThat(l.senderName()).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(l.address()).isEqualTo("Thôn Phú Hòa, xã Lộc Châu");
    }

    @Test
    void nothing_is_guessed_when_the_letter_does_not_say_it() {
        LetterReader.Letter l = LetterReader.read("Tôi góp ý về dịch vụ công trực tuyến.\nngày 31 tháng 2 năm 2026");
        assertThat(l.addressee()).isNull();
        assertThat(l.senderName()).isNull();
        assertThat(l.phone()).isNull();
        assertThat(l.email()).isNull();
        assertThat(l.letterDate()).as("31 February is no date").isNull();
    }

    @Test
    void words_far_apart_on_one_line_are_two_columns_and_blank_words_do_not_count() {
        String tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
                + "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
                + "5\t1\t1\t1\t1\t1\t200\t100\t100\t40\t96\tHọ\n"
                + "5\t1\t1\t1\t1\t2\t310\t100\t300\t40\t94\tNguyễn\n"
                + "5\t1\t1\t1\t1\t3\t1400\t100\t500\t40\t90\tCỘNG\n"
                + "5\t1\t1\t1\t2\t1\t200\t150\t300\t40\t92\tPhú\n"
                + "5\t1\t1\t1\t2\t2\t1400\t150\t300\t40\t88\tĐộc\n"
                + "5\t1\t2\t1\t1\t1\t200\t400\t300\t40\t95\tThân\n"
                + "5\t1\t2\t1\t1\t2\t520\t400\t300\t40\t95\t \n";
        Tesseract.PageText page = Tesseract.fromTsv(tsv);
        assertThat(page.text()).isEqualTo("Họ Nguyễn\nPhú\nCỘNG\nĐộc\n\nThân\n");
        assertThat(page.confidence()).isEqualTo((96 + 94 + 90 + 92 + 88 + 95) / 6.0);
        assertThat(Tesseract.fromTsv("level\tpage_num\n").problem()).contains("no text");
    }

    /** A company's letter as the OCR gives it once the seal is off: the director's role, the instructions, the name. */
    @Test
    void a_directors_signature_block_gives_the_signers_name() {
        LetterReader.Letter l = LetterReader.read("""
                CÔNG TY CỔ PHẦN CÔNG NGHỆ
                NÔNG NGHIỆP XANH
                Số: 45/CV-NNX
                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Hà Nội, ngày 14 tháng 3 năm 2026

                V/v đề xuất cơ chế thử nghiệm cảm biến nông nghiệp
                Kính gửi: Bộ Khoa học và Công nghệ

                Công ty Cổ phần Công nghệ Nông nghiệp Xanh, địa chỉ: số 8 phố Duy Tân, phường Dịch Vọng
                Hậu, quận Cầu Giấy, thành phố Hà Nội, điện thoại 024 3795 1234, trân trọng gửi tới Bộ đề xuất.

                Trân trọng cảm ơn.

                TM. CÔNG TY
                GIÁM ĐỐC
                (Ký tên, đóng dấu)

                VWAX

                Phạm Quốc Hưng
                """);
        assertThat(l.senderName()).isEqualTo("Phạm Quốc Hưng");
        assertThat(l.address()).isEqualTo("số 8 phố Duy Tân, phường Dịch Vọng Hậu, quận Cầu Giấy, thành phố Hà Nội");
        assertThat(l.phone()).isEqualTo("02437951234");
        assertThat(l.title()).isEqualTo("đề xuất cơ chế thử nghiệm cảm biến nông nghiệp");
        assertThat(l.body()).endsWith("Trân trọng cảm ơn.");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "Người góp ý|Nguyễn Thị Lan|Nguyễn Thị Lan",
        "Người đề nghị|KS. Đỗ Văn Thành|Đỗ Văn Thành",
        "Người làm đơn|Luật sư Phan Thị Hồng|Phan Thị Hồng",
        "Kính thư,|PGS.TS. Vũ Quang Huy|Vũ Quang Huy",
        "NGƯỜI GÓP Ý|ThS. Hoàng Thu Trang|Hoàng Thu Trang",
        "Người kiến nghị|TS. Ngô Thanh Bình|Ngô Thanh Bình",
        "KT. HIỆU TRƯỞNG|GS.TSKH. Trần Văn Hải|Trần Văn Hải",
        "Người viết thư|Lò Văn Piềng|Lò Văn Piềng"})
    void common_closings_and_titled_names_give_the_name_without_its_title(String closing, String signed, String name) {
        LetterReader.Letter l = LetterReader.read("Kính gửi: Bộ Y tế\n\nTôi đề nghị số hóa hồ sơ sức khỏe.\n\n" + closing
                + "\n(Ký, ghi rõ họ tên)\n\n" + signed + "\n");
        assertThat(l.senderName()).isEqualTo(name);
        assertThat(l.body()).isEqualTo("Tôi đề nghị số hóa hồ sơ sức khỏe.");
    }

    @Test
    void a_title_before_a_labelled_name_and_the_motto_glued_to_it_are_not_the_name() {
        assertThat(LetterReader.read("Họ và tên: Luật sư Phan Thị HồngCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").senderName())
                .isEqualTo("Phan Thị Hồng");
        assertThat(LetterReader.read("Họ và tên: KS: Đỗ Văn Thành _. - : CỘNG. HÒA. XÃ. HỘI CHỦ NGHĨA").senderName())
                .isEqualTo("Đỗ Văn Thành");
    }

    @Test
    void the_signatures_spelling_of_the_labelled_name_wins_and_another_persons_name_does_not() {
        assertThat(LetterReader.read("Họ và tên: Định Công Tráng\nKính gửi: Bộ Y tế\nTôi góp ý.\nNgười góp ý\n"
                + "Đinh Công Tráng\n").senderName()).isEqualTo("Đinh Công Tráng");
        assertThat(LetterReader.read("Họ và tên: Nguyễn Văn An\nKính gửi: Bộ Y tế\nChúng tôi góp ý.\nThay mặt nhóm\n"
                + "Lê Văn Bình\n").senderName()).as("another person signs: the label").isEqualTo("Nguyễn Văn An");
    }

    /** The last line of an address written under the signature is a city, not the signer ("Ông/Bà Hà Nội"). */
    @Test
    void an_address_under_the_signature_is_the_address_and_its_city_is_not_the_name() {
        LetterReader.Letter l = LetterReader.read("""
                Kính gửi: Bộ Khoa học và Công nghệ
                Tôi đề nghị công bố dữ liệu mở về các đề tài đã nghiệm thu.
                Người gửi
                ÁXXXAXYV
                Bùi Thị Hạnh
                Số 8 ngõ 102 đường Trường Chinh,
                phường Phương Mai, quận Đống Đa,
                Hà Nội
                Điện thoại: 0967 554 433
                Email: buihanh(@example.com
                """);
        assertThat(l.senderName()).isEqualTo("Bùi Thị Hạnh");
        assertThat(l.address()).isEqualTo("Số 8 ngõ 102 đường Trường Chinh, phường Phương Mai, quận Đống Đa, Hà Nội");
        assertThat(l.email()).as("a bracket the OCR put beside the @").isEqualTo("buihanh@example.com");
        assertThat(LetterReader.read("Kính gửi: Bộ Y tế\nTôi góp ý.\nNgười gửi\nHà Nội\n").senderName()).isNull();
    }

    @Test
    void an_address_given_in_a_sentence_is_taken_part_by_part() {
        LetterReader.Letter l = LetterReader.read("""
                Kính gửi: Bộ Công an
                Tôi tên là Nguyễn Văn Bình, sinh năm 1952, địa chỉ: số 12 ngõ 34 phố Hoàng Hoa Thám, phường
                Ngọc Hà, quận Ba Đình, Hà Nội, số điện thoại 0988 112 233.
                Người góp ý
                Nguyễn Văn Bình
                """);
        assertThat(l.address()).isEqualTo("số 12 ngõ 34 phố Hoàng Hoa Thám, phường Ngọc Hà, quận Ba Đình, Hà Nội");
        assertThat(l.phone()).isEqualTo("0988112233");
        assertThat(l.senderName()).isEqualTo("Nguyễn Văn Bình");
        assertThat(LetterReader.read("Hợp tác xã có trụ sở tại thôn Lạc Xuân, xã Lạc Xuân, huyện Đơn Dương, tỉnh Lâm"
                + " Đồng, hiện có một trăm thành viên.").address())
                .isEqualTo("thôn Lạc Xuân, xã Lạc Xuân, huyện Đơn Dương, tỉnh Lâm Đồng");
    }

    @Test
    void an_addressee_and_a_subject_over_two_lines_are_read_whole() {
        LetterReader.Letter l = LetterReader.read("""
                V/v kiến nghị đơn giản hóa thủ tục hoàn thuế cho hộ kinh doanh
                bán hàng qua sàn thương mại điện tử
                Kính gửi: Sở Khoa học và Công nghệ thành phố
                Hồ Chí Minh
                Tôi là giáo viên dạy công nghệ ở một trường trung học cơ sở, đề nghị mở không gian sáng tạo.
                """);
        assertThat(l.addressee()).isEqualTo("Sở Khoa học và Công nghệ thành phố Hồ Chí Minh");
        assertThat(l.title()).isEqualTo("kiến nghị đơn giản hóa thủ tục hoàn thuế cho hộ kinh doanh bán hàng qua sàn"
                + " thương mại điện tử");
        assertThat(l.body()).startsWith("Tôi là giáo viên");
        assertThat(LetterReader.read("Kính gửi: Ban Chỉ đạo Trung ương về phát triển khoa học, công\nnghệ, đổi mới sáng"
                + " tạo và chuyển đổi số\n\nViện xin đề xuất.").addressee()).isEqualTo("Ban Chỉ đạo Trung ương về phát"
                + " triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số");
        assertThat(LetterReader.read("Kính gửi: Bộ Y tế\nTôi là bác sĩ, xin gửi Bộ một số ý kiến về chuyển đổi số trong"
                + " khám chữa bệnh.").addressee()).as("the body's first line is not the rest of the name").isEqualTo("Bộ Y tế");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "Điện thoại liên hệ: 0913 456⏎789|0913456789",
        "ĐT: (+84) 905 112 233|0905112233",
        "Điện thoại: (028) 3822 4567|02838224567",
        "Điện thoại nhà riêng: (0225)⏎3745 678|02253745678",
        "điện thoại (024) 3869 1234, thư điện tử|02438691234",
        "năm 2026⏎12 hộ gia đình, 0912 345 678|0912345678"})
    void phone_numbers_wrapped_or_with_area_codes_in_parentheses_are_found(String written, String digits) {
        assertThat(LetterReader.read(written.replace("⏎", "\n")).phone()).isEqualTo(digits);
    }

    /** What the OCR makes of an italic "V/v": the subject is still the subject, not the heading above it. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"V/v", "V/V", "Vv:", "V/w", "V/y", "V/", "V7", "V/%w", "VN", "V.v",
        "(V/v", "Về việc:"})
    void a_damaged_subject_marker_still_gives_the_subject(String marker) {
        LetterReader.Letter l = LetterReader.read("THƯ GÓP Ý\n" + marker + " góp ý về cổng dịch vụ công trực tuyến"
                + (marker.startsWith("(") ? ")" : "") + "\nKính gửi: Bộ Khoa học và Công nghệ\nTôi là kỹ sư cơ khí.\n");
        assertThat(l.title()).isEqualTo("góp ý về cổng dịch vụ công trực tuyến");
    }

    @Test
    void a_damaged_marker_below_the_addressee_or_a_name_like_vy_is_no_subject() {
        assertThat(LetterReader.read("Kính gửi: Bộ Y tế\nVN đầu tư nhiều cho y tế số trong những năm qua.").title())
                .isEqualTo("VN đầu tư nhiều cho y tế số trong những năm qua.");
        assertThat(LetterReader.read("Kính gửi: Bộ Y tế\nVề việc này, tôi đề nghị Bộ xem xét.").title())
                .isEqualTo("Về việc này, tôi đề nghị Bộ xem xét.");
    }
}
