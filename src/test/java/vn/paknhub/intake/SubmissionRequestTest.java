package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmissionRequestTest {

    private static Submitter phone(String phone) {
        return new Submitter("Nguyễn Văn An", null, "Hà Nội", phone, null, null, null).normalized();
    }

    @Test
    void everyStringIsNormalised() {
        String nfdTitle = Normalizer.normalize("  Đề xuất số hoá\u200B thủ tục\r\n", Normalizer.Form.NFD);
        SubmissionRequest raw = new SubmissionRequest(nfdTitle, "\u00D0ề nghị\r\ncải cách", " b ",
                " Bộ Khoa học và Công nghệ ",
                new Submitter(" Nguyễn Thị \u00D0ào ", " Công ty ABC ", "Số 1\r\nphố Tràng Thi", "0912 345 678",
                        " An.Nguyen@Example.VN ", " 001190012345 ", null),
                Boolean.TRUE, null);

        assertThat(raw.normalized()).isEqualTo(new SubmissionRequest("Đề xuất số hoá thủ tục", "Đề nghị\ncải cách",
                "b", "Bộ Khoa học và Công nghệ",
                new Submitter("Nguyễn Thị Đào", "Công ty ABC", "Số 1 phố Tràng Thi", "0912345678",
                        "an.nguyen@example.vn", "001190012345", null),
                Boolean.TRUE, null));
    }

    @Test
    void oneLineFieldsStayOnOneLineOnEveryChannel() {
        SubmissionRequest raw = new SubmissionRequest("Đề xuất\r\nBcc: ai@example.vn\u2028số hoá", "Dòng một\r\nDòng hai\tcột",
                "d\n", "Bộ Y tế\nBộ Tài chính", new Submitter("Trần\tVăn\r\nAn", null, "Số 2\n\n Hàng Bài", null,
                        "an@example.vn\r\n", null, null), Boolean.FALSE, null);

        SubmissionRequest r = raw.normalized();
        assertThat(r.title()).isEqualTo("Đề xuất Bcc: ai@example.vn số hoá");
        assertThat(r.content()).isEqualTo("Dòng một\nDòng hai\tcột");
        assertThat(r.field()).isEqualTo("d");
        assertThat(r.addressee()).isEqualTo("Bộ Y tế Bộ Tài chính");
        assertThat(r.submitter())
                .isEqualTo(new Submitter("Trần Văn An", null, "Số 2 Hàng Bài", null, "an@example.vn", null, null));
    }

    @Test
    void blankValuesBecomeNullAndMissingOnesStayMissing() {
        SubmissionRequest normalized = new SubmissionRequest(" ", "\u200B", null, "\t", null, null, null).normalized();

        assertThat(normalized).isEqualTo(new SubmissionRequest(null, null, null, null, null, null, null));
        assertThat(new Submitter("", " ", null, " ", "  ", "", null).normalized())
                .isEqualTo(new Submitter(null, null, null, null, null, null, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0912 345 678        | 0912345678
            0912.345.678        | 0912345678
            091-234-5678        | 0912345678
            (024) 3825 1234     | 02438251234
            +84 912 345 678     | +84912345678
            0084 912 345 678    | +84912345678
            +33 6 12 34 56 78   | +33612345678
            0912 abc            | 0912abc
            """)
    void phoneKeepsDigitsAndLeadingPlus(String typed, String normalized) {
        assertThat(phone(typed).phone()).isEqualTo(normalized);
    }

    @Test
    void bindsFromJsonWithExactPropertyNames() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        String body = """
                {"title": "Đề xuất", "content": "Nội dung", "field": "b", "addressee": "Bộ Tài chính",
                 "submitter": {"fullName": "Trần Bình", "organisation": null, "address": "Huế", "phone": "0912345678",
                               "email": "binh@example.vn", "idNumber": "0101234567-001", "type": "ORGANISATION"},
                 "consentToPublish": false, "kind": "SOLUTION"}
                """;

        SubmissionRequest request = json.readValue(body, SubmissionRequest.class);

        assertThat(request.submitter().fullName()).isEqualTo("Trần Bình");
        assertThat(request.consentToPublish()).isFalse();
        assertThat(request.kind()).isEqualTo("SOLUTION");
        assertThat(request.submitter().type()).isEqualTo("ORGANISATION");
        assertThat(request.submitter().idNumber()).isEqualTo("0101234567-001");
        assertThatThrownBy(() -> json.readValue("{\"titel\": \"x\"}", SubmissionRequest.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }
}
