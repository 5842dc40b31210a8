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
        assertThat(l.title()).isEqualTo("Đơn kiến nghị");
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
}
