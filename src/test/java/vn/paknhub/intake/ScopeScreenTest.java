package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.text.Normalizer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeScreenTest {

    private final ScopeScreen screen = new ScopeScreen();

    /** Proposals that mention complaints or denunciations, or merely look similar, stay in scope. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Đề xuất số hoá quy trình tiếp nhận khiếu nại | Đề xuất số hoá quy trình tiếp nhận khiếu nại, tố cáo tại cấp xã để người dân theo dõi tiến độ trực tuyến.
            Cải cách thủ tục giải quyết tố cáo | Kiến nghị cải cách thủ tục giải quyết tố cáo theo hướng cho phép nộp hồ sơ điện tử có chữ ký số.
            Cho phép khiếu nại quyết định hành chính qua VNeID | Đề xuất cho phép công dân khiếu nại quyết định hành chính trực tuyến qua tài khoản định danh điện tử VNeID.
            Bảo vệ người tố cáo trên môi trường số | Cần có cơ chế bảo mật danh tính người tố cáo hành vi tham nhũng khi gửi thông tin qua ứng dụng di động.
            Đơn kiến nghị về thủ tục cấp phép tần số | Đề nghị rút ngắn thời gian cấp giấy phép sử dụng tần số vô tuyến điện cho thiết bị IoT xuống còn 10 ngày.
            Cơ sở dữ liệu đơn thư dùng chung | Đề nghị xây dựng cơ sở dữ liệu quốc gia về đơn khiếu nại, tố cáo để tránh trùng lặp giữa các cơ quan.
            Cảnh báo lừa đảo trực tuyến bằng AI | Đề nghị xử lý nghiêm hành vi lừa đảo qua mạng chiếm đoạt tài sản của bà con nông dân, đồng thời ứng dụng AI cảnh báo sớm.
            Mở rộng kênh tố giác tội phạm | Kiến nghị Bộ Công an mở rộng kênh tiếp nhận tin báo, tố giác tội phạm qua Cổng Dịch vụ công quốc gia.
            Tra cứu tiến độ giải quyết trực tuyến | Năm ngoái tôi đã gửi đơn khiếu nại về thuế đất và phải chờ ba tháng; đề xuất cho phép tra cứu tiến độ giải quyết trực tuyến.
            Khiếu nại, tố cáo trực tuyến cần được tích hợp | Đề xuất tích hợp chức năng nộp khiếu nại, tố cáo trên Cổng Dịch vụ công quốc gia để người dân không phải đi lại.
            Chuyển giao công nghệ | Kiến nghị Bộ Khoa học và Công nghệ sớm xử lý hồ sơ đề xuất của ông Nguyễn Văn Hải về chuyển giao công nghệ.
            Xử phạt điện tử | Chúng tôi kiến nghị bổ sung quy định để doanh nghiệp có thể khiếu nại quyết định xử phạt qua mạng.
            Số hoá tiếp dân cấp xã | Người dân muốn khiếu nại quyết định của ông chủ tịch xã phải đến trực tiếp, đề xuất số hoá.
            Tố cáo ẩn danh | Tôi đề xuất xây dựng phần mềm hỗ trợ tố cáo hành vi tham nhũng ẩn danh.
            Lỗi hệ thống | Khi tôi khiếu nại trực tuyến, hệ thống báo lỗi liên tục, đề nghị nâng cấp.
            Bản quyền phần mềm | Hiện nay việc tố cáo hành vi vi phạm bản quyền phần mềm còn khó khăn.
            Quy hoạch trên bản đồ số | Bà con khiếu nại quyết định thu hồi đất rất nhiều, cần công khai quy hoạch trên bản đồ số.
            Miễn thuế cho doanh nghiệp khởi nghiệp sáng tạo | Kiến nghị miễn thuế thu nhập doanh nghiệp trong 3 năm đầu cho doanh nghiệp khởi nghiệp sáng tạo.
            """)
    void proposalsAreInScope(String title, String content) {
        assertThat(screen.outOfScopeEvidence(title, content)).isEmpty();
    }

    /** Complaints and denunciations are recognised; the evidence is quoted in the writer's words. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Đơn khiếu nại | Kính gửi Uỷ ban nhân dân huyện. Đề nghị xem xét lại việc bồi thường đất cho gia đình.| Đơn khiếu nại
            ĐƠN TỐ CÁO (lần 2) | Kính gửi Thanh tra tỉnh. Tôi gửi lại nội dung như lần trước. | ĐƠN TỐ CÁO
            Khiếu nại về việc thu hồi đất không đúng quy định | Gia đình tôi bị thu hồi 200 m2 đất nông nghiệp mà không được bồi thường. | Khiếu nại về
            Tố cáo ông Nguyễn Văn A, cán bộ địa chính xã | Ông A nhận tiền của nhiều hộ dân để làm sổ đỏ nhanh. | Tố cáo ông
            Về việc chậm cấp giấy chứng nhận | Tôi làm đơn này khiếu nại việc Văn phòng đăng ký đất đai chậm cấp giấy chứng nhận cho gia đình tôi. | Tôi làm đơn này khiếu nại
            Quyết định thu hồi đất số 125 | Kính gửi Chủ tịch UBND tỉnh. Tôi xin khiếu nại Quyết định số 125/QĐ-UBND ngày 12/3/2025 về việc thu hồi đất. | Tôi xin khiếu nại
            Gian lận kinh phí đổi mới công nghệ | Chúng tôi tố cáo Giám đốc Công ty X đã làm giả hồ sơ để nhận tiền hỗ trợ đổi mới công nghệ. | Chúng tôi tố cáo
            Phản ánh sai phạm tại phòng tài nguyên | Kính gửi: Thanh tra tỉnh. Tố cáo hành vi nhận hối lộ của cán bộ phòng tài nguyên khi cấp phép khai thác. | Tố cáo hành vi
            Cho thuê đất công trái phép | Ông Trần Văn B tự ý cho thuê đất công. Đề nghị cơ quan chức năng xử lý nghiêm hành vi sai phạm của ông Trần Văn B. | Đề nghị cơ quan chức năng xử lý nghiêm hành vi sai phạm của ông
            Chậm trả lời | Đề nghị thanh tra giải quyết vì năm 2023 đã khiếu nại quyết định bồi thường của gia đình tôi nhưng quá hạn chưa trả lời. | khiếu nại quyết định
            Lừa đảo đầu tư công nghệ | Đề nghị truy cứu trách nhiệm hình sự đối với hành vi lừa đảo của bà Lê Thị C. | Đề nghị truy cứu trách nhiệm hình sự đối với hành vi lừa đảo của bà
            Mua bán dữ liệu cá nhân | Tôi xin tố giác đường dây mua bán dữ liệu cá nhân trên mạng xã hội. | Tôi xin tố giác
            Don to cao | Noi dung nhu tren. | Don to cao
            Khiếu nại quyết định xử phạt số 12/QĐ-XPHC | Cơ quan thuế phạt công ty tôi vì nộp chậm tờ khai điện tử do hệ thống lỗi. | Khiếu nại quyết định
            Quy trình cấp phép | Tôi kiên quyết tố cáo hành vi sách nhiễu doanh nghiệp khi cấp phép. | tố cáo hành vi
            """)
    void complaintsAndDenunciationsAreOutOfScope(String title, String content, String evidence) {
        assertThat(screen.outOfScopeEvidence(title, content)).contains(evidence);
    }

    @Test
    void letterHeadingInsideTheContentIsRecognised() {
        String content = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nĐƠN KHIẾU NẠI\n"
                + "(Về việc chậm giải quyết hồ sơ)\nKính gửi: Sở Khoa học và Công nghệ";

        assertThat(screen.outOfScopeEvidence("Chậm giải quyết hồ sơ", content)).contains("ĐƠN KHIẾU NẠI");
    }

    @Test
    void decomposedInputIsRecognisedAndQuotedAsWritten() {
        String title = Normalizer.normalize("Đơn tố cáo", Normalizer.Form.NFD);

        assertThat(screen.outOfScopeEvidence(title, null)).contains(title);
    }

    @Test
    void aSentenceDoesNotRunAcrossALineBreak() {
        // "Kính gửi Thanh tra tỉnh" and the act are on separate lines: the act opens its own sentence.
        assertThat(screen.outOfScopeEvidence("Sai phạm", "Kính gửi Thanh tra tỉnh\nTố cáo hành vi nhũng nhiễu."))
                .contains("Tố cáo hành vi");
    }

    @Test
    void largeContentFullOfCuesIsScreenedQuickly() {
        String crowded = ("Việc tố cáo hành vi vi phạm bản quyền... Đề nghị xử lý nghiêm " + ". ".repeat(40)).repeat(150);

        assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThat(screen.outOfScopeEvidence("Bản quyền phần mềm", crowded)).isEmpty());
    }

    @Test
    void nothingToScreenIsInScope() {
        assertThat(screen.outOfScopeEvidence(null, null)).isEmpty();
        assertThat(screen.outOfScopeEvidence("", "")).isEmpty();
    }
}
