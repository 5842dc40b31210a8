package vn.paknhub.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.paknhub.casefile.SubmitterDetails;

class RedactorTest {

    private static final SubmitterDetails THU = new SubmitterDetails("Nguyễn Thị Minh Thư", null,
            "Số 12 phố Tràng Tiền, phường Hoàn Kiếm, Thành phố Hà Nội", "0912 345 678", "minhthu.nguyen@example.vn",
            "001190012345");

    @Test
    void the_submitters_own_details_are_removed_wherever_quoted() {
        Redactor.Result r = Redactor.redact("Tôi là Nguyễn Thị Minh Thư, CCCD 001190012345, điện thoại 0912.345.678,"
                + " thư minhthu.nguyen@example.vn. Đề nghị số hoá thủ tục.", THU);
        assertThat(r.text()).isEqualTo("Tôi là [họ tên], CCCD [số giấy tờ], điện thoại [số điện thoại],"
                + " thư [thư điện tử]. Đề nghị số hoá thủ tục.");
        assertThat(r.removals()).extracting(Redactor.Removal::kind).containsExactly(Redactor.Kind.NAME,
                Redactor.Kind.ID_NUMBER, Redactor.Kind.PHONE, Redactor.Kind.EMAIL);
    }

    @Test
    void other_peoples_details_are_found_by_their_shape() {
        Redactor.Result r = Redactor.redact("Ông Trần Văn Bình ở 45 đường Lê Lợi, quận 1 có số +84 903 111 222 và"
                + " hộ chiếu B1234567; liên hệ binh.tran@mail.vn.", null);
        assertThat(r.text()).isEqualTo("Ông [họ tên] ở [địa chỉ], quận 1 có số [số điện thoại] và hộ chiếu [số giấy tờ];"
                + " liên hệ [thư điện tử].");
    }

    @Test
    void a_labelled_address_goes_to_the_end_of_its_line() {
        Redactor.Result r = Redactor.redact("Đề nghị hỗ trợ.\nĐịa chỉ: thôn Đông, xã Yên Phú, huyện Ý Yên, tỉnh Nam Định\n"
                + "Xin cảm ơn.", null);
        assertThat(r.text()).isEqualTo("Đề nghị hỗ trợ.\nĐịa chỉ: [địa chỉ]\nXin cảm ơn.");
    }

    @Test
    void bodies_amounts_dates_and_codes_are_kept() {
        String text = "Kính gửi Bộ Khoa học và Công nghệ: Nghị định 13/2023/NĐ-CP, kinh phí 100.000.000 đồng,"
                + " ngày 20/5/2025, mã thủ tục 1.004227, mã tham chiếu 3f2a-123456789012-x.";
        assertThat(Redactor.redact(text, null).text()).isEqualTo(text);
        assertThat(Redactor.redact(text, null).removals()).isEmpty();
    }
}
