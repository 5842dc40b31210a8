package vn.paknhub.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

/**
 * The catalogue as data (every body with the legal text it rests on, the bodies Đ10.3 names, one
 * Party committee and one steering committee per province) and how bodies are reached: the bodies a
 * connector file declares go through its system, and only those.
 */
class AgencyDirectoryTest {

    private final AgencyDirectory directory = new AgencyDirectory(new MockEnvironment(), new DefaultResourceLoader());

    private String systemOf(String code) {
        return directory.find(code).orElseThrow().system();
    }

    @Test
    void a_declared_body_is_reached_through_its_system_and_goes_back_to_the_inbox_when_disconnected() {
        assertThat(directory.connect("btc-api", List.of("BTC", " tu-68 "))).isEmpty();
        assertThat(systemOf("BTC")).isEqualTo("btc-api");
        assertThat(systemOf("TU-68")).isEqualTo("btc-api");
        assertThat(directory.find("BYT").orElseThrow().hasConnectedSystem()).isFalse();

        assertThat(directory.connect("btc-api", List.of("BTC"))).isEmpty();
        assertThat(directory.find("TU-68").orElseThrow().hasConnectedSystem()).isFalse();

        directory.disconnect("btc-api");
        assertThat(directory.find("BTC").orElseThrow().hasConnectedSystem()).isFalse();
    }

    @Test
    void an_unknown_body_or_one_another_system_reaches_is_refused_and_changes_nothing() {
        directory.connect("bkhcn-api", List.of("BKHCN"));
        directory.connect("btc-api", List.of("BTC"));

        assertThat(directory.connect("btc-api", List.of("BTC", "BKHCN", "NOPE")))
                .containsExactly("agency BKHCN is already reached through system bkhcn-api", "agency NOPE is in no agency list");
        assertThat(systemOf("BKHCN")).isEqualTo("bkhcn-api");
        assertThat(systemOf("BTC")).isEqualTo("btc-api");
    }

    @Test
    void every_listed_body_names_the_legal_text_it_rests_on() {
        assertThat(directory.all()).allSatisfy(a -> assertThat(a.source()).as(a.code()).isNotBlank());
        assertThat(directory.find("BKHCN").orElseThrow().source()).contains("Nghị quyết 176/2025/QH15");
        assertThat(directory.find("68").orElseThrow().source()).contains("Nghị quyết 202/2025/QH15");
    }

    @Test
    void the_34_provinces_each_have_a_party_committee_and_a_steering_committee() {
        List<AgencyDirectory.Agency> provinces = directory.all().stream().filter(a -> a.kind() == AgencyKind.PROVINCE).toList();
        assertThat(provinces).hasSize(34);
        assertThat(provinces).allSatisfy(p -> {
            assertThat(directory.find("TU-" + p.code()).orElseThrow().kind()).isEqualTo(AgencyKind.PROVINCIAL_PARTY_COMMITTEE);
            assertThat(directory.find("BCD-" + p.code()).orElseThrow().kind()).isEqualTo(AgencyKind.STEERING_COMMITTEE);
        });
        assertThat(directory.find("TU-31").orElseThrow().nameVi()).isEqualTo("Thành ủy Hải Phòng");
        assertThat(directory.find("BCD-52").orElseThrow().nameVi())
                .isEqualTo("Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh Gia Lai");
        assertThat(directory.find("BCD-79").orElseThrow().nameVi()).endsWith("chuyển đổi số thành phố Hồ Chí Minh");
    }

    @Test
    void the_bodies_article_10_3_names_are_in_the_catalogue() {
        assertThat(List.of("HDDT-QH", "UBPLTP-QH", "UBKTTC-QH", "UBQPANDN-QH", "UBVHXH-QH", "UBKHCNMT-QH", "UBCTDB-QH",
                "UBDNGS-QH")).allSatisfy(code -> assertThat(directory.find(code).orElseThrow().kind())
                        .isEqualTo(AgencyKind.NATIONAL_ASSEMBLY_BODY));
        assertThat(directory.find("MTTQ").orElseThrow().kind()).isEqualTo(AgencyKind.FATHERLAND_FRONT);
        assertThat(directory.find("BCDCP-KHCN").orElseThrow().kind()).isEqualTo(AgencyKind.STEERING_COMMITTEE);
        // a ministry-level agency (cơ quan ngang bộ): Nghị quyết 176/2025/QH15, Nghị định 109/2025/NĐ-CP
        assertThat(directory.find("TTCP").orElseThrow().kind()).isEqualTo(AgencyKind.MINISTRY_LEVEL);
    }

    @Test
    void a_list_without_the_source_column_is_still_read() throws IOException {
        String csv = "code,name_vi,name_en,kind\nBYT,Bộ Y tế,Ministry of Health,ministry\n";
        List<AgencyDirectory.Agency> read = AgencyDirectory.read(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "legacy.csv");

        assertThat(read).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("BYT");
            assertThat(a.source()).isNull();
        });
    }
}
