package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.core.text.VietnameseText;

/**
 * Đ8.1–8.3 as the hub sees them before a person does: chat shorthand (Đ8.1), nothing concrete (Đ8.2) and
 * offensive or inciting words (Đ8.3), each with the texts that look like them and must pass.
 */
class ContentScreenTest {

    // ------------------------------------------------------------------ Đ8.1 chat shorthand

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            teen code | Mn ơi app dịch vụ công hnay lại lỗi r, đăng nhập ko dc, bấm j cũng báo lỗi, ai bít cách sửa ko? | mn
            no diacritics shorthand | ad oi cho e hoi, sao nop ho so online ko dc vay, e thu may lan r ma van loi, pls giup e | ad
            teen spelling | Thủ tục cấp phép wá phức tạp, zậy ai mà làm nổi, mình thấy nên bỏ bớt giấy tờ đi chứ, ko thì dân còn khổ dài dài | wá
            admin shorthand | cq e đang làm đề án CĐS, cb phụ trách bảo qđ chưa ban hành nên chưa triển khai dc, mong hướng dẫn | cq
            """)
    void shorthand_as_a_habit_is_found(String name, String text, String first) {
        assertThat(ChatAbbreviations.habitIn(VietnameseText.normalize(text))).first().isEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            state acronyms | Đề nghị UBND tỉnh và Sở KH&CN phối hợp với BHXH tích hợp CCCD gắn chip vào VNeID để giảm TTHC.
            list markers | Tôi đề xuất: a) mở dữ liệu; b) chuẩn hoá API; k) không bắt buộc nộp bản giấy; r) rà soát phí.
            one slip | Hệ thống báo lỗi ko rõ nguyên nhân khi nộp hồ sơ đăng ký sáng chế, đề nghị Cục Sở hữu trí tuệ kiểm tra máy chủ và công bố hướng dẫn xử lý cho người dân trong thời gian sớm nhất.
            loanwords | Ứng dụng Zalo và website của Sở dùng chung tài khoản; nên hỗ trợ wifi miễn phí, IoT và 5G ở trạm y tế.
            numbers and emails | Kinh phí 500k mỗi hồ sơ là cao. Liên hệ: ad.nguyen@gmail.com, https://dichvucong.gov.vn/ms/
            reference codes | Đề nghị tra cứu hồ sơ theo mã tham chiếu 3ad9e1-2ae0-4k7r-9ad2-7bd3z2 và mã 12k-r5 trên cổng.
            """)
    void full_writing_and_official_acronyms_pass(String name, String text) {
        assertThat(ChatAbbreviations.habitIn(VietnameseText.normalize(text))).isEmpty();
    }

    // ------------------------------------------------------------------ Đ8.2 nothing concrete

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            vague opinion | Góp ý | Tôi có ý kiến về chuyển đổi số, mong các đồng chí quan tâm.
            as the title | Góp ý về chính sách khoa học | Như tiêu đề, đề nghị các cơ quan xem xét giải quyết sớm.
            padded | Kiến nghị | Kính gửi các cơ quan có thẩm quyền.\\nTôi xin kiến nghị một vấn đề mong được quan tâm xem xét.\\nTrân trọng cảm ơn.\\nNguyễn Văn Bình
            generic grumble | Phản ánh | Dịch vụ công trực tuyến rất kém, người dân rất khổ, đề nghị cơ quan cải thiện cho tốt hơn.
            """)
    void an_item_with_nothing_concrete_is_asked_to_clarify(String name, String title, String content) {
        assertThat(ContentScreen.screen(VietnameseText.normalize(title), VietnameseText.normalize(content), 0))
                .hasValueSatisfying(stop -> {
                    assertThat(stop.rule()).isEqualTo("D8.2");
                    assertThat(stop.action()).isEqualTo(CaseAction.REQUEST_SUPPLEMENT);
                    assertThat(stop.reasonVi()).contains("Điều 11.2b");
                    assertThat(stop.tellSubmitter()).isTrue();
                });
    }

    @Test
    void a_file_the_text_points_to_is_the_content_when_it_came_and_is_asked_for_when_it_did_not() {
        assertThat(ContentScreen.screen("Đề xuất giải pháp", "Nội dung chi tiết trong file đính kèm.", 1)).isEmpty();
        assertThat(ContentScreen.screen("Đề xuất giải pháp", "Nội dung chi tiết trong file đính kèm.", 0))
                .hasValueSatisfying(stop -> assertThat(stop.reasonVi()).contains("không có tệp"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            short but precise | Nộp hồ sơ nhãn hiệu qua VNeID | Đề nghị cho phép nộp hồ sơ đăng ký nhãn hiệu trực tuyến qua VNeID.
            a date and a fault | Lỗi đăng nhập | Ứng dụng VNeID bị lỗi đăng nhập từ ngày 3/12, đề nghị khắc phục.
            concrete title | Đề xuất tích hợp chữ ký số vào ứng dụng VNeID cho hồ sơ doanh nghiệp | Như tiêu đề, mong được xem xét.
            thanks only | Cảm ơn Bộ | Xin chân thành cảm ơn Bộ đã trả lời kiến nghị của tôi.
            """)
    void short_concrete_items_and_thanks_are_not_asked_to_clarify(String name, String title, String content) {
        assertThat(ContentScreen.screen(VietnameseText.normalize(title), VietnameseText.normalize(content), 0)).isEmpty();
    }

    // ------------------------------------------------------------------ Đ8.3 offensive, inciting

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            insult | Cổng dịch vụ công lỗi suốt, lũ ăn hại ngồi đó ăn lương mà không sửa nổi một cái lỗi đăng nhập. | lũ ăn hại | true
            profanity | Đm nộp hồ sơ ba lần vẫn báo lỗi, hệ thống như vậy mà cũng đưa vào dùng. | đm | true
            contempt pronoun | Chúng mày làm ăn kiểu gì mà phần mềm hỏng cả tuần không ai sửa? | chúng mày | true
            incitement | Bà con hãy cùng nhau xuống đường phản đối việc thu phí dịch vụ số này. | bà con hãy cùng nhau xuống đường | false
            slur | Toàn bọn bắc kỳ ngồi ở Bộ nên mới ra chính sách như vậy. | bắc kỳ | false
            threat | Ai ký quyết định này thì giết hết bọn họ đi cho rồi. | giết hết bọn | false
            call to defy | Chúng tôi kêu gọi mọi người không kích hoạt tài khoản định danh cho tới khi bỏ thu phí. | chúng tôi kêu gọi mọi người không kích hoạt | false
            means of violence | Sáng mai tập trung trước trụ sở phường, ai có thì mang theo gạch đá cho họ biết tay. | mang theo gạch | false
            a people stereotyped | Đề án chuyển đổi số ở huyện này thất bại vì dân ở đó toàn lười biếng, dạy mãi không được. | dân ở đó toàn lười biếng | false
            insult with age | Hội đồng thẩm định toàn lão già bảo thủ, đề nghị thay bằng chuyên gia trẻ. | lão già | true
            """)
    void offensive_items_are_held_and_only_insults_are_told_why(String name, String content, String evidence,
            boolean told) {
        assertThat(ContentScreen.screen("Phản ánh", VietnameseText.normalize(content), 0)).hasValueSatisfying(stop -> {
            assertThat(stop.rule()).isEqualTo("D8.3");
            assertThat(stop.action()).isEqualTo(CaseAction.PLACE_ON_HOLD);
            assertThat(stop.evidence()).isEqualToIgnoringCase(evidence);
            assertThat(stop.tellSubmitter()).isEqualTo(told);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sharp criticism | Thủ tục cấp phép quá rườm rà, cán bộ chậm trễ, gây lãng phí ngân sách và bức xúc cho doanh nghiệp; đề nghị cắt giảm một nửa giấy tờ.
            fraud topic | Đề nghị Bộ Công an phối hợp các nhà mạng đánh sập các trang web lừa đảo giả mạo cổng dịch vụ công và tẩy chay hàng giả bán trên mạng.
            hostile propaganda topic | Cần có bộ phận chuyên trách phát hiện, gỡ bỏ tin giả và thông tin phản động trên mạng xã hội bằng trí tuệ nhân tạo.
            news mention | Năm ngoái ở một số nước đã xảy ra biểu tình phản đối việc thu thập dữ liệu sinh trắc học; ta nên công bố rõ chính sách bảo vệ dữ liệu.
            street name | Trung tâm đổi mới sáng tạo tại số 12 đường Nam Kỳ Khởi Nghĩa cần mở cửa cả thứ Bảy cho sinh viên.
            eyebrow and spill | Máy gặt đập liên hợp giảm rơi vãi lúa; cảm biến nhận diện lông mày giúp kiểm tra người lái buồn ngủ.
            machine | Máy chủ của Sở quá tải, đề nghị đầu tư thêm máy chủ dự phòng và chuyển sang điện toán đám mây.
            a ministry's campaign | Bộ nên kêu gọi người dân không chia sẻ mã OTP và không cài ứng dụng lạ từ tin nhắn.
            boycott of fakes | Đề nghị người tiêu dùng tẩy chay người bán hàng giả trên sàn thương mại điện tử.
            demolition | Đề xuất đập bỏ nhà xưởng cũ của Viện để xây trung tâm dữ liệu xanh.
            """)
    void criticism_and_alarming_topics_pass(String name, String content) {
        assertThat(OffensiveContent.in("Kiến nghị", VietnameseText.normalize(content))).isEmpty();
    }
}
