package vn.paknhub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.routing.RoutingDecision.Destination;
import vn.paknhub.routing.RoutingDecision.Role;
import vn.paknhub.routing.RoutingDecision.Rule;

/** Đ10 rules 1–4, returns (Đ11.2c) and multi-body items (Đ11.2đ), from the item's own words to the decision. */
class RoutingPolicyTest {

    static final AgencyDirectory DIRECTORY = connected(new AgencyDirectory(new MockEnvironment(),
            new DefaultResourceLoader()));
    static final Classifier CLASSIFIER = VocabularyClassifier.fromResources(DIRECTORY, RoutingPolicyTest.class.getClassLoader());
    static final RoutingPolicy POLICY = new RoutingPolicy(DIRECTORY,
            new RoutingSettings(0.6, 0.6, 0.35, "dvcqg-pakn", Set.of("BCDTW-KHCN")), "VPTW");

    /** As the shipped connector files declare. */
    private static AgencyDirectory connected(AgencyDirectory directory) {
        directory.connect("bkhcn-api", List.of("BKHCN"));
        directory.connect("byt-soap", List.of("BYT"));
        directory.connect("lamdong-kafka", List.of("68"));
        return directory;
    }

    /**
     * Columns: title | content | stated field | stated addressee | rule | lead | destinations
     * (agency:system:role, space-separated; system "inbox" = the hub's agency inbox; empty = triage).
     */
    @ParameterizedTest(name = "{4}: {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Kiến nghị về chiến lược AI quốc gia | Kính gửi: Bộ Chính trị. Tôi kiến nghị xây dựng chiến lược dữ liệu quốc gia. | - | - | D10.1 | VPTW | -
            Gửi Tổng Bí thư | Kính gửi đồng chí Tổng Bí thư, tôi xin đề xuất giải pháp phát triển hạ tầng số. | - | - | D10.1 | VPTW | -
            Đề xuất với Ban Chỉ đạo | Nội dung gửi Ban Chỉ đạo Trung ương về khoa học công nghệ. | - | Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số | D10.1 | VPTW | -
            Cấp giấy phép chậm | Thủ tục hành chính cấp giấy phép hoạt động mất quá nhiều thời gian. | - | Bộ Y tế | D10.2a | BYT | BYT:dvcqg-pakn:LEAD
            Mã thủ tục 1.000656 | Kính gửi: UBND tỉnh Lâm Đồng. Đề nghị xem lại thủ tục 1.000656.000.00.00.H29 vì hồ sơ bị trả lại nhiều lần. | - | - | D10.2a | 68 | 68:dvcqg-pakn:LEAD
            Về thủ tục đã chọn lĩnh vực b | Tôi gặp khó khăn với cách làm hiện nay. | b | BKHCN | D10.2a | BKHCN | BKHCN:dvcqg-pakn:LEAD
            Chính sách trí tuệ nhân tạo | Đề xuất cơ chế thử nghiệm có kiểm soát cho trí tuệ nhân tạo. | - | Bộ Khoa học và Công nghệ | D10.2b | BKHCN | BKHCN:bkhcn-api:LEAD
            Đô thị thông minh | Kính gửi: UBND tỉnh Lâm Đồng. Tôi đề xuất xây dựng mô hình đô thị thông minh tại Đà Lạt. | - | - | D10.2b | 68 | 68:lamdong-kafka:LEAD
            Phát triển nhân lực số | Đề xuất chương trình thu hút nhân tài công nghệ. | - | Bộ Giáo dục và Đào tạo | D10.2b | BGDDT | BGDDT:inbox:LEAD
            Sáng kiến cho Quốc hội | Kính gửi: Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội. Đề nghị sửa đổi luật về dữ liệu. | - | - | D10.3 | UBKHCNMT-QH | UBKHCNMT-QH:inbox:LEAD
            Gửi Tỉnh ủy | Kính gửi: Tỉnh ủy Lâm Đồng. Đề xuất chuyển đổi số trong các cơ quan Đảng của tỉnh. | - | - | D10.3 | TU-68 | TU-68:inbox:LEAD
            Gửi Ban Tổ chức | Đề xuất ứng dụng dữ liệu số trong quản lý cán bộ. | - | Ban Tổ chức Trung ương | D10.3 | BTCTW | BTCTW:inbox:LEAD
            Gửi Mặt trận | Kính gửi Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam về giám sát chuyển đổi số. | - | - | D10.3 | MTTQ | MTTQ:inbox:LEAD
            Sáng kiến dữ liệu mở | Tôi đề xuất xây dựng kho dữ liệu tiếng Việt mở cho nghiên cứu. | - | - | D10.4 | VPTW | -
            Ý kiến về thông tư | Bộ Y tế đã ban hành thông tư mới về hồ sơ bệnh án điện tử. | - | - | LOW_CONFIDENCE | VPTW | -
            Giấy phép hay chính sách? | Kính gửi: Bộ Khoa học và Công nghệ. Đề nghị đơn giản hóa hồ sơ xin giấy phép. | - | - | LOW_CONFIDENCE | VPTW | -
            Nhiều cơ quan | Kính gửi: Bộ Khoa học và Công nghệ\\nĐồng kính gửi: Bộ Y tế\\nĐề xuất chia sẻ dữ liệu y tế cho nghiên cứu trí tuệ nhân tạo. | - | - | D10.2b | BKHCN | BKHCN:bkhcn-api:LEAD BYT:byt-soap:COORDINATING
            Danh sách nơi nhận | Kính gửi:\\n- Bộ Y tế;\\n- UBND Thành phố Hà Nội.\\nĐề xuất ứng dụng trí tuệ nhân tạo trong khám bệnh. | - | - | D10.2b | BYT | BYT:byt-soap:LEAD 01:inbox:COORDINATING
            Thủ tục liên bộ | Kính gửi: Bộ Y tế, Bộ Khoa học và Công nghệ. Thủ tục hành chính cấp phép thử nghiệm lâm sàng quá phức tạp. | - | - | D10.2a | BYT | BYT:dvcqg-pakn:LEAD BKHCN:dvcqg-pakn:COORDINATING
            Đ10.1 đứng sau vẫn được ưu tiên | Kính gửi: Bộ Khoa học và Công nghệ\\nĐồng kính gửi: Ban Bí thư\\nĐề xuất cơ chế đặt hàng nhiệm vụ khoa học. | - | - | D10.1 | VPTW | -
            Đ10.1 trên biểu mẫu, bộ trong thư | Kính gửi: Bộ Y tế. Kiến nghị đầu tư hạ tầng dữ liệu y tế quốc gia. | - | Bộ Chính trị | D10.1 | VPTW | -
            Biểu mẫu và thư khác nhau | Kính gửi: Bộ Y tế. Đề xuất xây dựng kho dữ liệu gen người Việt phục vụ nghiên cứu. | - | Bộ Khoa học và Công nghệ | LOW_CONFIDENCE | VPTW | -
            Hai nhánh Điều 10 | Kính gửi:\\n- Bộ Khoa học và Công nghệ;\\n- Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam.\\nĐề nghị tăng cường giám sát xã hội đối với chi tiêu cho nghiên cứu. | - | - | LOW_CONFIDENCE | VPTW | -
            """)
    void decides_by_article_10(String title, String content, String field, String addressee, String rule, String lead,
            String destinations) {
        RoutingDecision d = POLICY.decide(CLASSIFIER.classify(title, content.replace("\\n", "\n"), field, addressee));

        assertThat(d.rule().label()).as(d.reason()).isEqualTo(rule);
        assertThat(d.leadAgency()).isEqualTo(lead);
        List<Destination> expected = destinations == null ? List.of() : Arrays.stream(destinations.split(" "))
                .map(s -> s.split(":"))
                .map(p -> new Destination(p[0], p[1].equals("inbox") ? null : p[1], Role.valueOf(p[2]))).toList();
        assertThat(d.destinations()).isEqualTo(expected);
        assertThat(d.triage()).isEqualTo(expected.isEmpty());
        assertThat(d.reasonVi()).isNotBlank();
        assertThat(d.reasonEn()).contains("Art. 1");
    }

    @Test
    void a_triage_decision_shows_every_reading_and_which_desk_it_is_for() {
        RoutingDecision conflict = POLICY.decide(CLASSIFIER.classify("Đề xuất", "Kính gửi: Bộ Y tế. Đề xuất số hóa sổ sức"
                + " khỏe điện tử.", null, "Bộ Khoa học và Công nghệ"));
        assertThat(conflict.candidates()).extracting(RoutingDecision.Candidate::agency, RoutingDecision.Candidate::reading)
                .contains(org.assertj.core.groups.Tuple.tuple("BKHCN", "STATED"),
                        org.assertj.core.groups.Tuple.tuple("BYT", "SALUTATION"));
        assertThat(conflict.reasonVi()).contains("Bộ Khoa học và Công nghệ", "Bộ Y tế");
        assertThat(conflict.asDetails()).containsEntry("triageKind", "CHECK").containsKey("candidates");
        RoutingDecision duty = POLICY.decide(CLASSIFIER.classify("Đề xuất", "Tôi đề xuất mở dữ liệu khí tượng.", null, null));
        assertThat(duty.asDetails()).containsEntry("triageKind", "ROUTE");
    }

    @Test
    void a_decision_carries_its_evidence_in_the_writers_own_words() {
        RoutingDecision d = POLICY.decide(CLASSIFIER.classify("Góp ý", "Kính gửi: UBND tỉnh Lâm Đồng. Đề nghị xem lại "
                + "thủ tục 1.000656.000.00.00.H29.", null, null));

        assertThat(d.rule()).isEqualTo(Rule.D10_2A);
        assertThat(d.evidence()).containsExactly("UBND tỉnh Lâm Đồng", "1.000656.000.00.00.H29");
        assertThat(d.confidence()).isEqualTo(0.9);
    }

    @Test
    void a_body_that_returns_an_item_sends_it_to_the_central_office_with_its_reason() {
        RoutingDecision d = POLICY.returned("BYT", "Không thuộc thẩm quyền của Bộ Y tế");

        assertThat(d.rule()).isEqualTo(Rule.D11_2C);
        assertThat(d.triage()).isTrue();
        assertThat(d.leadAgency()).isEqualTo("VPTW");
        assertThat(d.reasonVi()).contains("Bộ Y tế", "Không thuộc thẩm quyền");
    }

    @Test
    void the_central_office_named_anywhere_is_the_steering_committees_standing_body_under_article_10_1() {
        RoutingDecision d = POLICY.decide(CLASSIFIER.classify("Góp ý", "Kính gửi: Bộ Y tế\nĐồng kính gửi: Văn phòng "
                + "Trung ương Đảng\nĐề xuất chia sẻ dữ liệu cho trí tuệ nhân tạo.", null, null));

        assertThat(d.rule()).isEqualTo(Rule.D10_1);
        assertThat(d.triage()).isTrue();
        assertThat(d.destinations()).isEmpty();
    }
}
