package vn.paknhub.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.paknhub.support.HubIntegrationTest;

/**
 * Similar earlier items (Đ5.5) and repeats (Đ8.4, Đ11.2e) from the real store: close wording is found and
 * ranked, the same sender is told apart by the keyed hashes, unrelated items stay out (the same item again
 * after an answer: RoutingConsumerTest).
 */
@HubIntegrationTest
class SimilarItemsTest {

    @Autowired
    CaseService cases;
    @Autowired
    SimilarItems similar;
    @Autowired
    JdbcTemplate db;

    private CaseFile open(String name, String email, String title, String content) {
        SubmitterDetails who = new SubmitterDetails(name, null, "Cần Thơ", null, email, null);
        return cases.open(cases.newIdentity(), new NewCase(Channel.WEB, title, content, null, null, false, who, List.of(),
                Instant.now()));
    }

    @Test
    void close_wording_is_found_the_same_sender_is_marked_and_unrelated_items_stay_out() {
        String tag = Long.toString(System.nanoTime(), 36);
        CaseFile first = open("Trần Thị Bích", tag + ".bich@example.vn", "Kho dữ liệu mở nông nghiệp",
                "Kính gửi: Bộ Nông nghiệp và Môi trường. Tôi đề xuất xây dựng kho dữ liệu mở về thổ nhưỡng, thời tiết và"
                        + " giá nông sản cho các hợp tác xã vùng đồng bằng sông Cửu Long " + tag + ".");
        CaseFile again = open("Trần Thị Bích", tag + ".bich@example.vn", "Kho dữ liệu mở nông nghiệp",
                "Kính gửi: Bộ Nông nghiệp và Môi trường. Tôi xin đề xuất xây dựng kho dữ liệu mở về thổ nhưỡng, thời tiết"
                        + " và giá nông sản cho các hợp tác xã vùng đồng bằng sông Cửu Long " + tag + ".");
        CaseFile other = open("Lý Văn Tài", tag + ".tai@example.vn", "Dữ liệu mở nông nghiệp",
                "Đề nghị công bố dữ liệu mở về thổ nhưỡng và thời tiết cho hợp tác xã đồng bằng sông Cửu Long " + tag + ".");
        CaseFile unrelated = open("Lý Văn Tài", tag + ".tai@example.vn", "Bệnh án điện tử",
                "Đề xuất kết nối bệnh án điện tử giữa các trạm y tế xã và bệnh viện huyện.");

        assertThat(similar.repeatOf(again.code())).hasValueSatisfying(s -> {
            assertThat(s.code()).isEqualTo(first.code());
            assertThat(s.similarity()).isGreaterThanOrEqualTo(SimilarItems.REPEAT);
            assertThat(s.samePerson()).isTrue();
        });
        assertThat(similar.repeatOf(first.code())).as("nothing earlier").isEmpty();
        List<SimilarItems.Similar> likeOther = similar.of(other.code(), 5);
        assertThat(likeOther).extracting(SimilarItems.Similar::code).contains(first.code(), again.code())
                .doesNotContain(unrelated.code());
        assertThat(likeOther).allSatisfy(s -> assertThat(s.samePerson()).isFalse());
        assertThat(similar.repeatOf(other.code())).as("another person's item is similar, not a repeat").isEmpty();
        assertThat(similar.of(unrelated.code(), 5)).extracting(SimilarItems.Similar::code)
                .doesNotContain(first.code(), again.code(), other.code());
    }
}
