package vn.paknhub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.paknhub.routing.Classification.AddresseeSource;

class VocabularyClassifierTest {

    private final Classifier classifier = RoutingPolicyTest.CLASSIFIER;

    @Test
    void the_field_is_the_one_with_most_evidence_and_says_which_words() {
        Classification c = classifier.classify("Phát triển trí tuệ nhân tạo",
                "Đề xuất xây dựng dữ liệu lớn và chuỗi khối cho nông nghiệp.", null, null);

        assertThat(c.field().fieldCode()).isEqualTo("n");
        assertThat(c.field().evidence()).contains("trí tuệ nhân tạo", "dữ liệu lớn", "chuỗi khối");
        assertThat(c.field().confidence()).isGreaterThan(0.8);
    }

    @Test
    void the_submitters_own_field_wins_with_full_confidence() {
        Classification c = classifier.classify("Về trí tuệ nhân tạo", "Nội dung", "h", null);

        assertThat(c.field().fieldCode()).isEqualTo("h");
        assertThat(c.field().confidence()).isEqualTo(1.0);
    }

    @Test
    void rival_fields_give_a_low_confidence() {
        Classification c = classifier.classify("Góp ý", "khởi nghiệp và sở hữu trí tuệ", null, null);

        assertThat(c.field().confidence()).isLessThan(0.5);
    }

    @Test
    void nothing_recognisable_gives_no_field() {
        Classification c = classifier.classify("Góp ý", "Xin cảm ơn.", null, null);

        assertThat(c.field().fieldCode()).isNull();
        assertThat(c.field().confidence()).isZero();
    }

    @Test
    void procedure_codes_are_recognised_in_every_published_form_but_not_in_amounts() {
        assertThat(classifier.classify("x", "mã 1.000894 nêu trên", null, null).procedure().procedureCode())
                .isEqualTo("1.000894");
        assertThat(classifier.classify("x", "thủ tục 1.000948.H38.", null, null).procedure().procedureCode())
                .isEqualTo("1.000948.H38");
        assertThat(classifier.classify("x", "Lệ phí 1.000.000 đồng", null, null).procedure().procedureCode()).isNull();
        assertThat(classifier.classify("x", "tăng 2.5000001 lần", null, null).procedure().procedureCode()).isNull();
    }

    @Test
    void addressees_are_found_by_name_abbreviation_and_peoples_committee_with_decreasing_confidence() {
        Classification c = classifier.classify("Góp ý", """
                Kính gửi: Bộ KH&CN
                Đồng kính gửi: UBND TP. Hà Nội
                Chúng tôi đề nghị Bộ Y tế phối hợp. Bộ Công an đã có hướng dẫn.""", null, null);

        assertThat(c.addressees()).extracting(a -> a.agency() + ":" + a.how()).containsExactly(
                "BKHCN:" + AddresseeSource.SALUTATION, "01:" + AddresseeSource.COPY_SALUTATION,
                "BYT:" + AddresseeSource.REQUEST, "BCA:" + AddresseeSource.MENTION);
        assertThat(c.addressees().get(1).evidence()).isEqualTo("UBND TP. Hà Nội");
    }

    @Test
    void the_stated_addressee_may_be_a_code_or_a_name_without_diacritics() {
        assertThat(classifier.classify("x", "y", null, "byt").addressees().get(0).agency()).isEqualTo("BYT");
        assertThat(classifier.classify("x", "y", null, "bo khoa hoc va cong nghe").addressees().get(0).agency())
                .isEqualTo("BKHCN");
    }
}
