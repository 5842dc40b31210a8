package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.text.Normalizer;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.paknhub.casefile.FactSource;
import vn.paknhub.casefile.ItemFacts;
import vn.paknhub.casefile.ItemKind;
import vn.paknhub.casefile.SubmitterType;

/** The kind of an item and the type of its sender, read as a clerk reads them, from what people actually write. */
class ItemFactsReaderTest {

    private static Optional<ItemKind> kindOfTitle(String title) {
        return ItemFactsReader.readKind(title, null);
    }

    private static Optional<ItemKind> kindOfText(String text) {
        return ItemFactsReader.readKind(null, text);
    }

    @Nested
    class KindFromTheTitle {

        @ParameterizedTest
        @ValueSource(strings = {
            "Phản ánh tình trạng chậm cấp chữ ký số cho hộ kinh doanh",
            "Phản ánh: Cổng dịch vụ công tỉnh thường xuyên bị lỗi khi nộp hồ sơ",
            "PHẢN ÁNH VỀ VIỆC THU PHÍ CẤP BẢN SAO ĐIỆN TỬ",
            "phan anh tinh trang mat ket noi internet o xa vung cao",
            "Về việc phản ánh thủ tục đăng ký nhãn hiệu kéo dài",
            "Thư phản ánh của người dân xã Lộc Châu",
            "Cổng dịch vụ công – phản ánh lỗi thanh toán trực tuyến",
        })
        void feedback(String title) {
            assertThat(kindOfTitle(title)).contains(ItemKind.FEEDBACK);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Kiến nghị cơ chế thử nghiệm cho AI",
            "Đơn kiến nghị",
            "ĐƠN KIẾN NGHỊ V/V CẤP PHÉP THỬ NGHIỆM XE TỰ HÀNH",
            "Kiến nghị sửa đổi Nghị định 13/2023 về bảo vệ dữ liệu cá nhân",
            "Đề nghị cho phép nộp bản sao điện tử trong thủ tục đăng ký hợp đồng chuyển giao công nghệ",
            "Đề xuất số hoá thủ tục cấp phép thành lập doanh nghiệp khởi nghiệp sáng tạo",
            "V/v đề xuất ứng dụng công nghệ số trong sản xuất nông nghiệp công nghệ cao",
            "Về việc kiến nghị miễn phí chữ ký số cho hộ kinh doanh",
            "kien nghi ho tro doanh nghiep khoi nghiep",
            "Thư kiến nghị về hạ tầng số nông thôn",
            "Văn bản đề nghị: cho phép thanh toán phí bằng ví điện tử",
        })
        void petition(String title) {
            assertThat(kindOfTitle(title)).contains(ItemKind.PETITION);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Sáng kiến xây dựng kho dữ liệu tiếng Việt mở phục vụ phát triển trí tuệ nhân tạo",
            "SÁNG KIẾN: ỨNG DỤNG BẢN ĐỒ SỐ TRONG QUẢN LÝ ĐẤT ĐAI CẤP XÃ",
            "Đề xuất sáng kiến số hoá sổ hộ nghèo",
            "Phiếu đề xuất sáng kiến",
            "Một số sáng kiến cải tiến quy trình cấp mã số mã vạch",
            "sang kien dung AI ho tro tra loi cong dan",
        })
        void initiative(String title) {
            assertThat(kindOfTitle(title)).contains(ItemKind.INITIATIVE);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Đề xuất giải pháp giảm thời gian cấp phép cho doanh nghiệp công nghệ",
            "Giải pháp định danh điện tử cho người cao tuổi không dùng điện thoại thông minh",
            "Một số giải pháp phát triển hệ sinh thái khởi nghiệp tại Đà Nẵng",
            "Kiến nghị các giải pháp tháo gỡ vướng mắc trong chuyển giao công nghệ",
            "de xuat giai phap chong lua dao qua mang",
            "Số hoá hồ sơ sức khoẻ: đề xuất giải pháp liên thông dữ liệu giữa các bệnh viện",
        })
        void solution(String title) {
            assertThat(kindOfTitle(title)).contains(ItemKind.SOLUTION);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Góp ý dự thảo Luật Chuyển đổi số",
            "Số hoá hồ sơ sức khoẻ học sinh",
            "Hệ thống phản ánh kiến nghị cần hiển thị tiến độ",
            "Ứng dụng trí tuệ nhân tạo trong giáo dục",
            "Cảm ơn Bộ đã giải đáp",
            "Nâng cấp giải pháp chữ ký số của Cổng dịch vụ công",
        })
        void nothingIsGuessedFromATitleThatDoesNotSay(String title) {
            assertThat(kindOfTitle(title)).isEmpty();
        }

        @Test
        void theFirstMarkerDecides() {
            assertThat(kindOfTitle("Phản ánh tình trạng chậm cấp phép và đề xuất giải pháp")).contains(ItemKind.FEEDBACK);
            assertThat(kindOfTitle("Đề xuất giải pháp và kiến nghị sửa quy định")).contains(ItemKind.SOLUTION);
        }

        @Test
        void decomposedOrUnmarkedTextReadsAlike() {
            String nfd = Normalizer.normalize("Sáng kiến ứng dụng chuỗi khối", Normalizer.Form.NFD);
            assertThat(kindOfTitle(nfd)).contains(ItemKind.INITIATIVE);
            assertThat(kindOfTitle("SANG KIEN UNG DUNG CHUOI KHOI")).contains(ItemKind.INITIATIVE);
        }
    }

    @Nested
    class KindFromTheOpening {

        @Test
        void theTitleWinsOverTheBody() {
            assertThat(ItemFactsReader.readKind("Sáng kiến về thư viện số",
                    "Tôi xin kiến nghị Bộ xem xét sáng kiến sau đây.")).contains(ItemKind.INITIATIVE);
            assertThat(ItemFactsReader.readKind("Kiến nghị về thư viện số",
                    "Tôi có sáng kiến xây dựng thư viện số cho các trường miền núi.")).contains(ItemKind.PETITION);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                Kính gửi: Bộ Khoa học và Công nghệ. Tôi xin phản ánh tình trạng Cổng dịch vụ công thường xuyên lỗi.   | FEEDBACK
                Tôi là Nguyễn Văn An, kỹ sư nông nghiệp. Tôi kính đề nghị Bộ xem xét xây dựng nền tảng dữ liệu mở.   | PETITION
                Hiện nay thủ tục còn nhiều giấy tờ. Tôi đề nghị cho phép nộp toàn bộ hồ sơ trực tuyến.               | PETITION
                Chúng tôi mạnh dạn đề xuất giải pháp dùng mã QR để tra cứu nguồn gốc nông sản.                      | SOLUTION
                Tôi có sáng kiến xây dựng ứng dụng nhắc lịch tiêm chủng cho trẻ em vùng cao.                          | INITIATIVE
                Tôi xin gửi một số giải pháp giúp giảm ùn tắc tại các điểm tiếp nhận hồ sơ.                           | SOLUTION
                Kính đề nghị Ủy ban nhân dân tỉnh sớm triển khai chữ ký số miễn phí.                                  | PETITION
                Em là sinh viên năm ba, em xin kiến nghị nhà trường và Bộ hỗ trợ phòng thí nghiệm mở.               | PETITION
                toi xin phan anh viec cap giay phep lao dong cho chuyen gia nuoc ngoai qua cham                       | FEEDBACK
                """)
        void theWriterPerformingTheAct(String text, ItemKind kind) {
            assertThat(kindOfText(text)).contains(kind);
        }

        @Test
        void aLettersHeadingNamesIt() {
            assertThat(kindOfText("""
                    Họ và tên: Nguyễn Văn An
                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                    Độc lập - Tự do - Hạnh phúc
                    Đà Lạt, ngày 12 tháng 10 năm 2026

                    THƯ KIẾN NGHỊ

                    Kính gửi: Bộ Khoa học và Công nghệ
                    Tôi là kỹ sư nông nghiệp đang sinh sống tại Đà Lạt.
                    """)).contains(ItemKind.PETITION);
            assertThat(kindOfText("PHIẾU ĐỀ XUẤT SÁNG KIẾN\nTên sáng kiến: Sổ tay điện tử cho nông dân"))
                    .contains(ItemKind.INITIATIVE);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Kính gửi Hệ thống phản ánh, kiến nghị. Cổng dịch vụ công của tỉnh rất khó dùng trên điện thoại.",
            "Tôi thấy cần có giải pháp để người cao tuổi dùng được dịch vụ công trực tuyến.",
            "Việc cấp phép còn chậm. Các doanh nghiệp sớm có giải pháp thì tốt.",
            "Tôi xin góp ý về dịch vụ công trực tuyến của phường.",
            "Xin trân trọng cảm ơn Bộ đã trả lời rất nhanh.",
        })
        void wordsInPassingOrAskingForASolutionSayNothing(String text) {
            assertThat(kindOfText(text)).isEmpty();
        }

        @Test
        void onlyTheOpeningIsRead() {
            String opening = "Tôi là giáo viên tại một trường vùng cao, nơi học sinh đi bộ nhiều cây số đến trường. ".repeat(10);
            assertThat(kindOfText(opening + "Tôi xin kiến nghị Bộ hỗ trợ mạng internet.")).isEmpty();
            assertThat(kindOfText("Tôi xin kiến nghị Bộ hỗ trợ mạng internet. " + opening)).contains(ItemKind.PETITION);
        }
    }

    @Nested
    class SubmitterTypeRead {

        private Optional<SubmitterType> type(String fullName, String organisation, String idNumber, String text) {
            return ItemFactsReader.readSubmitterType(fullName, organisation, idNumber, text);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Công ty TNHH Giải pháp Số Sao Mai", "CÔNG TY CỔ PHẦN CÔNG NGHỆ VIỆT", "Cty TNHH Minh Phát",
            "Trường Đại học Bách khoa Hà Nội", "Trường THPT Chu Văn An", "Viện Nghiên cứu Cơ khí",
            "Học viện Công nghệ Bưu chính Viễn thông", "Hợp tác xã Nông nghiệp Tân Lập", "Tập đoàn Viễn thông Quân đội",
            "Ngân hàng TMCP Á Châu", "Trung tâm Đổi mới sáng tạo Quốc gia", "VINASA Tech"})
        void anOrganisationNamedInTheFormIsAnOrganisationUnlessAnAssociation(String organisation) {
            assertThat(type("Nguyễn Thị Hồng Nhung", organisation, null, null)).contains(SubmitterType.ORGANISATION);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Hội Tin học Việt Nam", "Hiệp hội Phần mềm và Dịch vụ CNTT Việt Nam",
            "HIỆP HỘI DOANH NGHIỆP NHỎ VÀ VỪA", "Câu lạc bộ Doanh nhân trẻ Cần Thơ", "CLB Khởi nghiệp Đà Nẵng",
            "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam", "Hội Nông dân xã Phú Hòa", "Liên đoàn Thương mại và Công nghiệp Việt Nam",
            "hiep hoi thuong mai dien tu"})
        void anAssociationNamedInTheForm(String organisation) {
            assertThat(type("Trần Văn Hùng", organisation, null, null)).contains(SubmitterType.ASSOCIATION);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Công ty Hội An Tourist", "Hội đồng quản trị Công ty Sao Mai", "Tổ chức ABC"})
        void wordsThatOnlyLookLikeAnAssociationAreNotOne(String organisation) {
            assertThat(type("Trần Văn Hùng", organisation, null, null)).contains(SubmitterType.ORGANISATION);
        }

        @Test
        void aSenderNamedAsABodyIsThatBody() {
            assertThat(type("Công ty TNHH Phần mềm FPT", null, null, null)).contains(SubmitterType.ORGANISATION);
            assertThat(type("Hiệp hội Thương mại điện tử Việt Nam", null, null, null)).contains(SubmitterType.ASSOCIATION);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Công ty chúng tôi hoạt động trong lĩnh vực phần mềm và kiến nghị đơn giản thủ tục.",
            "Thay mặt Công ty cổ phần Sao Mai, tôi xin đề xuất giải pháp sau.",
            "Chúng tôi là doanh nghiệp khởi nghiệp trong lĩnh vực nông nghiệp số.",
            "Doanh nghiệp chúng tôi gặp khó khăn khi đăng ký hợp đồng chuyển giao công nghệ.",
            "Trường chúng tôi là Trường Đại học Cần Thơ. Đơn vị chúng tôi đề nghị hỗ trợ phòng thí nghiệm.",
        })
        void theWriterSpeakingForAnOrganisation(String text) {
            assertThat(type("Lê Minh Tâm", null, null, text)).contains(SubmitterType.ORGANISATION);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Thay mặt Hiệp hội Phần mềm Việt Nam, chúng tôi kiến nghị như sau.",
            "Hiệp hội chúng tôi có hơn 500 hội viên là doanh nghiệp công nghệ.",
            "Chúng tôi là Hội Doanh nhân trẻ tỉnh Lâm Đồng.",
            "Câu lạc bộ chúng tôi gồm các nhà sáng chế không chuyên.",
        })
        void theWriterSpeakingForAnAssociation(String text) {
            assertThat(type("Lê Minh Tâm", null, null, text)).contains(SubmitterType.ASSOCIATION);
        }

        @Test
        void aLettersHeadOrSignatureNamesTheBody() {
            assertThat(type(null, null, null, """
                    CÔNG TY CỔ PHẦN NÔNG NGHIỆP SỐ
                    Số: 15/CV-NNS
                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                    Độc lập - Tự do - Hạnh phúc
                    Kính gửi: Bộ Khoa học và Công nghệ
                    Công ty kiến nghị Bộ sớm ban hành hướng dẫn về dữ liệu nông nghiệp.
                    """)).contains(SubmitterType.ORGANISATION);
            assertThat(type("Phạm Văn Đức", null, null, """
                    Kính gửi: Bộ Thông tin và Truyền thông
                    Chúng tôi kiến nghị sớm có hướng dẫn về định danh điện tử cho doanh nghiệp.
                    Trân trọng,
                    TM. BAN CHẤP HÀNH
                    HIỆP HỘI DOANH NGHIỆP TỈNH BÌNH DƯƠNG
                    Chủ tịch
                    Phạm Văn Đức
                    """)).contains(SubmitterType.ASSOCIATION);
            assertThat(type("Nguyễn Thị Lan", null, null, """
                    Chúng tôi đề xuất giải pháp thanh toán không tiền mặt cho học phí.
                    Trân trọng,
                    Hiệu trưởng
                    Nguyễn Thị Lan
                    """)).contains(SubmitterType.ORGANISATION);
            assertThat(type("Nguyễn Văn Bình", null, null, """
                    Kính gửi: Bộ Khoa học và Công nghệ
                    Đề nghị Bộ sớm ban hành hướng dẫn về hợp đồng chuyển giao công nghệ điện tử.
                    Xin trân trọng cảm ơn.
                    GIÁM ĐỐC
                    (Ký tên, đóng dấu)
                    Nguyễn Văn Bình
                    """)).contains(SubmitterType.ORGANISATION);
            assertThat(type("Đỗ Quang Huy", null, null, """
                    Chúng tôi kiến nghị cho phép doanh nghiệp nộp báo cáo thống kê một lần cho nhiều cơ quan.
                    Trân trọng,
                    Chủ tịch Hội đồng quản trị
                    Đỗ Quang Huy
                    """)).contains(SubmitterType.ORGANISATION);
            // a person's signature, their address and phone below it, names no body
            assertThat(type("Nguyễn Thị Hồng Nhung", null, null, """
                    Kính gửi: Bộ Khoa học và Công nghệ

                    Tôi xin kiến nghị xây dựng cơ chế thử nghiệm có kiểm soát cho trí tuệ nhân tạo.

                    Trân trọng,
                    Nguyễn Thị Hồng Nhung
                    Địa chỉ: số 12 ngõ 45 phố Trần Duy Hưng, phường Trung Hòa, quận Cầu Giấy, Hà Nội
                    ĐT: 0912 345 678
                    """)).contains(SubmitterType.INDIVIDUAL);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Kính gửi:\nViện Hàn lâm Khoa học và Công nghệ Việt Nam\nTôi là giáo viên về hưu, tôi xin kiến nghị.",
            "Kính gửi: Trường Đại học Bách khoa\nTôi đề nghị mở lớp bồi dưỡng trí tuệ nhân tạo cho người lớn tuổi.",
            "Công ty điện lực cắt điện liên tục trong mùa thi khiến học sinh không học trực tuyến được.",
            "Tôi đề nghị các công ty viễn thông giảm giá cước cho sinh viên.",
            "Tôi là hội viên Hội Nông dân xã và là viên chức Sở Y tế.",
            "Nơi nhận:\n- Trường THPT Lê Lợi;\n- Lưu.",
            "Công ty tôi đang làm việc chậm đóng bảo hiểm xã hội cho người lao động.",
            "Trường đại học em đang học thiếu phòng thí nghiệm cho sinh viên ngành trí tuệ nhân tạo.",
            "Bệnh viện huyện quá tải vào mùa dịch\nTôi đề nghị tăng cường khám bệnh từ xa cho người dân vùng sâu.",
        })
        void anAddresseeOrABodyTalkedAboutIsNotTheSender(String text) {
            assertThat(type("Lê Minh Tâm", null, null, text)).contains(SubmitterType.INDIVIDUAL);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Tôi là người nước ngoài đang làm việc tại Thành phố Hồ Chí Minh, tôi xin kiến nghị về thủ tục thẻ tạm trú.",
            "Tôi là công dân Hàn Quốc sinh sống tại Hà Nội đã mười năm.",
            "Chúng tôi là nhà đầu tư nước ngoài tại Khu công nghệ cao Hòa Lạc.",
            "Họ tên: Tanaka Hiroshi, Quốc tịch: Nhật Bản",
            "Quốc tịch: Hàn Quốc\nĐịa chỉ: Phú Mỹ Hưng, Quận 7",
            "Nationality: Korean",
            "Tôi mang quốc tịch Đức và đang giảng dạy tại Đà Nẵng.",
        })
        void theWriterSayingTheyAreAForeigner(String text) {
            assertThat(type("Lê Minh Tâm", null, null, text)).contains(SubmitterType.FOREIGNER);
        }

        @Test
        void aPassportCountsUnderANameThatIsNotVietnamese() {
            String text = "Tôi đề nghị đơn giản thủ tục gia hạn thị thực.\nHộ chiếu số: M12345678";
            assertThat(type("Kim Min-jun", null, null, text)).contains(SubmitterType.FOREIGNER);
            assertThat(type("John Smith", null, null, "Passport No. C1234567")).contains(SubmitterType.FOREIGNER);
            // a Vietnamese citizen may hold a passport too
            assertThat(type("Nguyễn Văn An", null, null, text)).contains(SubmitterType.INDIVIDUAL);
            assertThat(type("Nguyen Van An", null, null, text)).contains(SubmitterType.INDIVIDUAL);
        }

        @Test
        void aForeignNameWithAPassportLikeNumberIsAForeigner() {
            assertThat(type("John Smith", null, "C1234567", null)).contains(SubmitterType.FOREIGNER);
            assertThat(type("Tanaka Hiroshi", null, "TR0123456", null)).contains(SubmitterType.FOREIGNER);
            // a foreign-looking name alone, or a Vietnamese name with a passport, says nothing more than a person
            assertThat(type("John Smith", null, null, null)).contains(SubmitterType.INDIVIDUAL);
            assertThat(type("Trần Thị Bích Ngọc", null, "C1234567", null)).contains(SubmitterType.INDIVIDUAL);
            assertThat(type("John Smith", null, "001190012345", null)).contains(SubmitterType.INDIVIDUAL);
            assertThat(type("Jérôme Dupont", null, "18AB12345", null)).contains(SubmitterType.FOREIGNER);
            assertThat(type("Lê Hà", null, "C1234567", null)).contains(SubmitterType.INDIVIDUAL);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Tôi đề nghị đơn giản thủ tục cấp thị thực cho người nước ngoài đến đầu tư.",
            "Thủ tục cấp hộ chiếu điện tử cần được rút ngắn.",
            "Luật Quốc tịch năm 2008 cần sửa đổi để phù hợp với chuyển đổi số.",
            "Quốc tịch: Việt Nam",
            "Tôi là người lao động tự do tại Bình Dương.",
            "Tôi là người anh cả trong gia đình có ba người con.",
            "Tôi là người bị ảnh hưởng bởi sự cố mất dữ liệu.",
            "Vợ tôi là người nước ngoài nên thủ tục đăng ký kết hôn trực tuyến còn vướng.",
            "Bạn tôi là công dân Hàn Quốc đang gặp khó khăn khi gia hạn thẻ tạm trú.",
        })
        void foreignersTalkedAboutAreNotTheSender(String text) {
            assertThat(type("Lê Minh Tâm", null, null, text)).contains(SubmitterType.INDIVIDUAL);
        }

        @Test
        void aPersonsNameIsAnIndividualAndNoNameIsNothing() {
            assertThat(type("Nguyễn Thị Minh Thư", null, "001190012345", "Tôi đề nghị cho phép nộp hồ sơ trực tuyến."))
                    .contains(SubmitterType.INDIVIDUAL);
            assertThat(type(null, null, null, "Tôi đề nghị cho phép nộp hồ sơ trực tuyến.")).isEmpty();
            assertThat(type(" ", null, null, null)).isEmpty();
            assertThat(type(null, null, null, "")).isEmpty();
            assertThat(type(null, null, null, "\n \n")).isEmpty();
        }

        @Test
        void anOrganisationWinsOverAForeignerWritingForIt() {
            assertThat(type("John Smith", "Công ty TNHH Sao Mai", "C1234567",
                    "Tôi là người nước ngoài, thay mặt công ty kiến nghị.")).contains(SubmitterType.ORGANISATION);
        }
    }

    @Nested
    class Facts {

        private SubmissionRequest request(String title, String kind, String organisation, String type) {
            return new SubmissionRequest(title, "Tôi đề nghị cho phép nộp toàn bộ hồ sơ trực tuyến.", null, null,
                    new Submitter("Nguyễn Thị Minh Thư", organisation, "Hà Nội", "0912345678", null, null, type), true,
                    kind).normalized();
        }

        @Test
        void whatTheSubmitterGaveWinsAndIsMarkedAsTheirs() {
            assertThat(ItemFactsReader.facts(request("Sáng kiến thư viện số", "PETITION", "Công ty Sao Mai", "ASSOCIATION")))
                    .isEqualTo(new ItemFacts(ItemKind.PETITION, FactSource.SUBMITTER, SubmitterType.ASSOCIATION,
                            FactSource.SUBMITTER));
        }

        @Test
        void whatTheSubmitterLeftOutIsReadAndMarkedAsRead() {
            assertThat(ItemFactsReader.facts(request("Sáng kiến thư viện số", null, "Công ty Sao Mai", null)))
                    .isEqualTo(new ItemFacts(ItemKind.INITIATIVE, FactSource.TEXT, SubmitterType.ORGANISATION,
                            FactSource.TEXT));
            assertThat(ItemFactsReader.facts(request("Thư viện số cho trường vùng cao", null, null, "INDIVIDUAL")))
                    .isEqualTo(new ItemFacts(ItemKind.PETITION, FactSource.TEXT, SubmitterType.INDIVIDUAL,
                            FactSource.SUBMITTER));
        }

        @Test
        void anUnknownKindStaysUnknownWithoutASource() {
            ItemFacts facts = ItemFactsReader.read("Thư viện số cho trường vùng cao",
                    "Các trường vùng cao còn thiếu sách và máy tính.", null);
            assertThat(facts).isEqualTo(ItemFacts.NONE);
            assertThat(facts.kindLine(false)).isEqualTo("chưa xác định");
            assertThat(facts.kindLine(true)).isEqualTo("not determined");
        }

        @Test
        void aMailOrALetterIsOnlyRead() {
            ItemFacts facts = ItemFactsReader.read("Kiến nghị cơ chế thử nghiệm cho AI",
                    "Kính gửi: Bộ Khoa học và Công nghệ\n\nTôi xin kiến nghị xây dựng cơ chế thử nghiệm.\n\nTrân trọng,\n"
                            + "Nguyễn Thị Hồng Nhung\nĐT: 0912 345 678", "Nguyễn Thị Hồng Nhung");
            assertThat(facts).isEqualTo(new ItemFacts(ItemKind.PETITION, FactSource.TEXT, SubmitterType.INDIVIDUAL,
                    FactSource.TEXT));
            assertThat(facts.kindLine(false)).isEqualTo("Kiến nghị (đọc từ nội dung)");
            assertThat(facts.submitterTypeLine(false)).isEqualTo("Cá nhân (đọc từ nội dung)");
            assertThat(facts.kindLine(true)).isEqualTo("Petition (read from the text)");
        }

        @Test
        void theLongestContentIsReadAtOnce() {
            // the web form's 20,000 characters, full of the words the rules look for, none in a telling place
            String content = "Các công ty, hội và trường đã nêu giải pháp, sáng kiến, phản ánh về hộ chiếu của người nước"
                    + " ngoài; quốc tịch của họ khác nhau. ";
            String longest = content.repeat(20_000 / content.length());
            assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> assertThat(ItemFactsReader.read(
                    "Thư viện số", longest, "Lê Minh Tâm")).isEqualTo(new ItemFacts(null, null, SubmitterType.INDIVIDUAL,
                            FactSource.TEXT)));
        }

        @Test
        void namesAreMatchedExactly() {
            assertThat(ItemFactsReader.kind("SOLUTION")).contains(ItemKind.SOLUTION);
            assertThat(ItemFactsReader.kind("solution")).isEmpty();
            assertThat(ItemFactsReader.kind(null)).isEmpty();
            assertThat(ItemFactsReader.submitterType("FOREIGNER")).contains(SubmitterType.FOREIGNER);
            assertThat(ItemFactsReader.submitterType("Người nước ngoài")).isEmpty();
        }
    }
}
