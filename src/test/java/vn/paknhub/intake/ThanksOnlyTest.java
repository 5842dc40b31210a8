package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Đ11.3: a letter that only thanks is suggested for the fast close; one that also asks anything is not. */
class ThanksOnlyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Lời cảm ơn | Tôi xin chân thành cảm ơn Bộ Khoa học và Công nghệ đã trả lời rất chu đáo kiến nghị của tôi. | cảm ơn
            Cám ơn cán bộ | Gia đình tôi biết ơn các cán bộ Sở đã nhiệt tình hướng dẫn. Chúc các anh chị sức khỏe. | Cám ơn
            Tri ân | Xin trân trọng tri ân Ban Chỉ đạo vì những chính sách hỗ trợ doanh nghiệp khởi nghiệp thiết thực. | Tri ân
            """)
    void thanks_alone_is_suggested_for_the_fast_close(String title, String content, String evidence) {
        assertThat(ThanksOnly.evidence(title, content)).contains(evidence);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Cảm ơn và đề nghị | Cảm ơn Bộ đã trả lời; tôi đề nghị Bộ bổ sung hướng dẫn cho doanh nghiệp nhỏ.
            Cảm ơn nhưng | Xin cảm ơn. Tuy nhiên hồ sơ của tôi vẫn chưa được giải quyết sau hai tháng.
            Câu hỏi | Cảm ơn quý cơ quan. Khi nào quỹ đổi mới sáng tạo nhận hồ sơ đợt mới?
            Cảm ơn và đề xuất | Cảm ơn Bộ. Đề xuất xây dựng kho dữ liệu mở về nông nghiệp cho hợp tác xã.
            Góp ý | Cảm ơn đã lắng nghe, tôi xin góp ý về cổng dịch vụ công: giao diện còn khó dùng.
            """)
    void thanks_with_anything_asked_or_reported_is_an_item_to_answer(String title, String content) {
        assertThat(ThanksOnly.evidence(title, content)).isEmpty();
    }
}
