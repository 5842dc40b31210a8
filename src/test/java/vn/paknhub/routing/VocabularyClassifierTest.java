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
    void the_submitters_own_field_stands_and_is_checked_against_the_words() {
        Classification agreeing = classifier.classify("Về trí tuệ nhân tạo", "Đề xuất ứng dụng trí tuệ nhân tạo.", "n", null);
        assertThat(agreeing.field().fieldCode()).isEqualTo("n");
        assertThat(agreeing.field().confidence()).isEqualTo(1.0);

        Classification contradicted = classifier.classify("Về trí tuệ nhân tạo", "Đề xuất ứng dụng trí tuệ nhân tạo, dữ liệu"
                + " lớn và tôn trọng bản quyền.", "h", null);
        assertThat(contradicted.field().fieldCode()).as("the submitter's choice is kept: the words touch it").isEqualTo("h");
        assertThat(contradicted.field().confidence()).isLessThan(0.5);
        assertThat(contradicted.field().evidence()).anySatisfy(e -> assertThat(e).contains("field n"));

        Classification mistaken = classifier.classify("Về trí tuệ nhân tạo", "Đề xuất ứng dụng trí tuệ nhân tạo.", "h", null);
        assertThat(mistaken.field().fieldCode()).as("a pick the words never speak of is filed under theirs").isEqualTo("n");
        assertThat(mistaken.field().evidence()).first().asString().contains("the submitter chose field h");

        Classification silent = classifier.classify("Góp ý", "Xin cảm ơn.", "h", null);
        assertThat(silent.field().confidence()).as("nothing in the words says otherwise").isEqualTo(1.0);
    }

    @Test
    void a_provincial_department_is_its_province_and_a_province_named_as_home_is_not_an_addressee() {
        Classification department = classifier.classify("Kiến nghị", "Kính gửi: Sở Y tế Gia Lai.\nĐề nghị số hóa hồ sơ"
                + " sức khỏe.", null, null);
        assertThat(department.addressees()).extracting(Classification.AddresseeFinding::agency).containsExactly("52");
        assertThat(department.addressees().get(0).how()).isEqualTo(AddresseeSource.SALUTATION);
        Classification withUnit = classifier.classify("Kiến nghị", "Kính gửi: Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh."
                + "\nĐề xuất quỹ hỗ trợ khởi nghiệp.", null, null);
        assertThat(withUnit.addressees()).extracting(Classification.AddresseeFinding::agency).containsExactly("79");
        Classification number = classifier.classify("Kiến nghị", "Kính gửi: Bộ Y tế. Tôi ở số 12 Gia Lai Street.", null, null);
        assertThat(number.addressees()).extracting(Classification.AddresseeFinding::agency).doesNotContain("52");

        Classification home = classifier.classify("Đề xuất", "Tôi là nông dân ở tỉnh Đồng Tháp, trồng lúa đã hai mươi năm."
                + " Kính đề nghị Bộ Nông nghiệp và Môi trường hỗ trợ cảm biến đo mặn.", null, null);
        assertThat(home.addressees()).extracting(Classification.AddresseeFinding::agency).containsExactly("BNNMT");
        Classification asked = classifier.classify("Đề xuất", "Tôi là giáo viên, đề nghị UBND tỉnh Đồng Tháp hỗ trợ thiết bị"
                + " dạy học số.", null, null);
        assertThat(asked.addressees()).extracting(Classification.AddresseeFinding::agency).containsExactly("82");
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
