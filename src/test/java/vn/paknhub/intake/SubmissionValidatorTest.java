package vn.paknhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.paknhub.core.problem.FieldError;
import vn.paknhub.support.Samples;

class SubmissionValidatorTest {

    private static final String TITLE = "Đề xuất miễn phí chứng thư chữ ký số cho hộ kinh doanh";
    private static final String CONTENT = """
            Hiện nay hộ kinh doanh phải nộp tờ khai thuế điện tử và ký số, nhưng chi phí chứng thư chữ ký số \
            từ 1,5 đến 2 triệu đồng mỗi năm là gánh nặng với hộ nhỏ ở vùng nông thôn.
            Tôi đề nghị Bộ Khoa học và Công nghệ nghiên cứu cấp miễn phí chữ ký số cá nhân gắn với tài khoản \
            định danh điện tử VNeID, để người dân và hộ kinh doanh thực hiện thủ tục trực tuyến thuận tiện hơn.""";

    private static final Submitter SUBMITTER = new Submitter("Nguyễn Thị Hoà", null,
            "Số 12 phố Tràng Thi, phường Hoàn Kiếm, thành phố Hà Nội", "0912345678", null, "001190012345", null);

    private static final SubmissionRequest VALID =
            new SubmissionRequest(TITLE, CONTENT, "b", "Bộ Khoa học và Công nghệ", SUBMITTER, Boolean.TRUE, null);

    private final SubmissionValidator validator = new SubmissionValidator(Samples.fields());

    private List<FieldError> validate(SubmissionRequest request) {
        return validator.validate(request.normalized());
    }

    private static SubmissionRequest withTitle(String title) {
        return new SubmissionRequest(title, CONTENT, "b", "Bộ Khoa học và Công nghệ", SUBMITTER, Boolean.TRUE, null);
    }

    private static SubmissionRequest withContent(String content) {
        return new SubmissionRequest(TITLE, content, "b", "Bộ Khoa học và Công nghệ", SUBMITTER, Boolean.TRUE, null);
    }

    private static SubmissionRequest withSubmitter(Submitter submitter) {
        return new SubmissionRequest(TITLE, CONTENT, "b", "Bộ Khoa học và Công nghệ", submitter, Boolean.TRUE, null);
    }

    private static Submitter submitter(String fullName, String organisation, String address, String phone,
            String email, String idNumber) {
        return new Submitter(fullName, organisation, address, phone, email, idNumber, null);
    }

    /** Vietnamese text of exactly this many code points, even after normalisation trims it. */
    private static String text(int codePoints) {
        String repeated = "Đổi mới sáng tạo vì sự phát triển của đất nước. ".repeat(codePoints / 20 + 1);
        String cut = repeated.substring(0, repeated.offsetByCodePoints(0, codePoints));
        return cut.endsWith(" ") ? cut.substring(0, cut.length() - 1) + "ạ" : cut;
    }

    /** Field paths and rule codes, the part of a violation that clients rely on. */
    private static List<String> keys(List<FieldError> violations) {
        return violations.stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void realisticSubmissionHasNoViolation() {
        assertThat(validate(VALID)).isEmpty();
    }

    @Test
    void minimalSubmissionWithEmailOnlyAndNoOptionalValuesIsValid() {
        SubmissionRequest minimal = new SubmissionRequest(TITLE, CONTENT, null, null,
                submitter("John Smith", null, "Phường Thảo Điền, Thành phố Hồ Chí Minh", null, "john.smith@example.com",
                        null),
                Boolean.FALSE, null);

        assertThat(validate(minimal)).isEmpty();
    }

    @Test
    void decomposedAndPaddedInputIsValidOnceNormalised() {
        SubmissionRequest messy = new SubmissionRequest(Normalizer.normalize(TITLE, Normalizer.Form.NFD),
                " " + CONTENT.replace("\n", "\r\n") + " ", "dd", null,
                submitter(" Nguyễn Thị Hoà ", "", "Hà Nội", "+84 912.345.678", " ", ""), Boolean.TRUE, null);

        assertThat(validate(messy)).isEmpty();
    }

    @Nested
    class Title {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   "})
        void isRequired(String title) {
            assertThat(keys(validate(withTitle(title)))).containsExactly("title:required");
        }

        @Test
        void mustHaveTenToThreeHundredCharacters() {
            assertThat(keys(validate(withTitle("Đề xuất AI")))).isEmpty();
            assertThat(keys(validate(withTitle("Đề xuất A")))).containsExactly("title:length");
            assertThat(keys(validate(withTitle(text(300))))).isEmpty();
            assertThat(validate(withTitle(text(301))))
                    .singleElement().satisfies(v -> {
                        assertThat(v.rule()).isEqualTo("length");
                        assertThat(v.message()).contains("từ 10 đến 300 ký tự", "301");
                        assertThat(v.messageEn()).contains("10 to 300", "301");
                    });
        }

        @Test
        void lengthCountsCodePointsNotUtf16Units() {
            String nineCodePoints = "Đề xuất 🚀";
            assertThat(nineCodePoints).hasSize(10);

            assertThat(keys(validate(withTitle(nineCodePoints)))).containsExactly("title:length");
        }

        @Test
        void lengthIsMeasuredAfterComposition() {
            String decomposed = Normalizer.normalize(text(300), Normalizer.Form.NFD);
            assertThat(decomposed.codePointCount(0, decomposed.length())).isGreaterThan(300);

            assertThat(validate(withTitle(decomposed))).isEmpty();
        }
    }

    @Nested
    class Content {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " \n\t "})
        void isRequired(String content) {
            assertThat(keys(validate(withContent(content)))).containsExactly("content:required");
        }

        @Test
        void mustHaveThirtyToTwentyThousandCharacters() {
            assertThat(keys(validate(withContent(text(30))))).isEmpty();
            assertThat(keys(validate(withContent(text(29))))).containsExactly("content:length");
            assertThat(keys(validate(withContent(text(20_000))))).isEmpty();
            assertThat(keys(validate(withContent(text(20_001)))))
                    .containsExactly("content:length");
        }

        @Test
        void mustBeVietnameseWithDiacritics() {
            List<FieldError> english = validate(withContent(
                    "Please make digital signature certificates free of charge for household businesses."));
            List<FieldError> withoutDiacritics = validate(withContent(
                    "Toi de nghi Bo Khoa hoc va Cong nghe cap mien phi chu ky so cho ho kinh doanh."));

            assertThat(keys(english)).containsExactly("content:D8.1-vietnamese");
            assertThat(keys(withoutDiacritics)).containsExactly("content:D8.1-vietnamese");
            assertThat(english.get(0).message()).contains("tiếng Việt có dấu", "Điều 8.1");
            assertThat(english.get(0).messageEn()).contains("Vietnamese with diacritics", "Art. 8.1");
        }

        @Test
        void vietnameseWithEnglishTechnicalTermsIsAccepted() {
            assertThat(validate(withContent("Đề xuất xây dựng nền tảng dữ liệu mở với API chuẩn, ứng dụng AI, IoT"
                    + " và blockchain để truy xuất nguồn gốc nông sản."))).isEmpty();
        }

        @Test
        void complaintIsOutOfScopeAndTheMatchedPhraseIsQuoted() {
            List<FieldError> violations = validate(withContent("Kính gửi Chủ tịch UBND tỉnh. Tôi xin khiếu nại"
                    + " Quyết định số 125/QĐ-UBND ngày 12/3/2025 về việc thu hồi đất của gia đình tôi."));

            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("content");
                assertThat(v.rule()).isEqualTo("D1.2-out-of-scope");
                assertThat(v.message()).contains("“Tôi xin khiếu nại”", "Luật Khiếu nại, Luật Tố cáo", "Điều 1.2");
                assertThat(v.messageEn()).contains("“Tôi xin khiếu nại”", "Law on Complaints",
                        "Law on Denunciations", "Art. 1.2");
            });
        }

        @Test
        void denunciationInTheTitleIsOutOfScope() {
            assertThat(keys(validate(withTitle("Đơn tố cáo cán bộ địa chính xã")))).containsExactly(
                    "content:D1.2-out-of-scope");
        }

        @Test
        void proposalAboutComplaintHandlingIsInScope() {
            assertThat(validate(new SubmissionRequest("Đề xuất số hoá quy trình tiếp nhận khiếu nại",
                    "Đề xuất số hoá quy trình tiếp nhận khiếu nại, tố cáo tại cấp xã để người dân theo dõi tiến độ"
                            + " giải quyết trực tuyến.",
                    "k", null, SUBMITTER, Boolean.TRUE, null))).isEmpty();
        }
    }

    @Nested
    class FieldAndAddressee {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"a", "b", "dd", "n", "q"})
        void fieldIsOptionalButMustBeACatalogueCode(String field) {
            assertThat(validate(new SubmissionRequest(TITLE, CONTENT, field, null, SUBMITTER, true, null))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"đ", "f", "B", "r", "thu-tuc"})
        void unknownFieldIsRejected(String field) {
            List<FieldError> violations =
                    validate(new SubmissionRequest(TITLE, CONTENT, field, null, SUBMITTER, true, null));

            assertThat(keys(violations)).containsExactly("field:D6-field");
            assertThat(violations.get(0).message()).contains("a, b, c, d, dd, e", "Điều 6");
        }

        @Test
        void addresseeIsOptionalUpToThreeHundredCharacters() {
            assertThat(keys(validate(new SubmissionRequest(TITLE, CONTENT, "b", text(301), SUBMITTER, true, null))))
                    .containsExactly("addressee:length");
            assertThat(validate(new SubmissionRequest(TITLE, CONTENT, "b", text(300), SUBMITTER, true, null)))
                    .isEmpty();
        }
    }

    @Nested
    class SubmitterDetails {

        @Test
        void submitterIsRequired() {
            assertThat(keys(validate(withSubmitter(null)))).containsExactly("submitter:required");
        }

        @Test
        void fullNameAndAddressAreRequired() {
            assertThat(keys(validate(withSubmitter(submitter(" ", null, null, "0912345678", null, null)))))
                    .containsExactly("submitter.fullName:required", "submitter.address:required");
        }

        @Test
        void lengthLimitsOfNameOrganisationAndAddress() {
            assertThat(keys(validate(withSubmitter(submitter(text(201), text(301), text(501), "0912345678", null,
                    null)))))
                    .containsExactly("submitter.fullName:length", "submitter.organisation:length",
                            "submitter.address:length");
            assertThat(validate(withSubmitter(submitter(text(200), text(300), text(500), "0912345678", null, null))))
                    .isEmpty();
        }

        @Test
        void phoneOrEmailIsRequiredAndReportedOnThePhone() {
            List<FieldError> violations = validate(withSubmitter(submitter("Lê Văn Nam", null, "Đà Nẵng", null, " ",
                    "001190012345")));

            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("submitter.phone");
                assertThat(v.rule()).isEqualTo("D8.2-contact");
                assertThat(v.message()).isEqualTo(
                        "Cần cung cấp số điện thoại hoặc địa chỉ thư điện tử để cơ quan phản hồi (Điều 8.2).");
                assertThat(v.messageEn()).isEqualTo(
                        "Provide a phone number or an email address so the agency can reply (Art. 8.2).");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"0912345678", "0389 123 456", "024 3825 1234", "(0236) 3822 123", "+84 912 345 678",
                "+84 24 3825 1234", "0084 912 345 678", "+33 6 12 34 56 78", "+1 202 555 0123", "+86 138 0013 8000"})
        void acceptedPhoneNumbers(String phone) {
            assertThat(validate(withSubmitter(submitter("Lê Văn Nam", null, "Đà Nẵng", phone, null, null)))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"091234567", "091234567890", "912345678", "0012", "+840912345678", "+8491234567",
                "+0123456789", "+1234567", "+1234567890123456", "0912 345 abc", "0912345678/0987654321"})
        void rejectedPhoneNumbers(String phone) {
            assertThat(keys(validate(withSubmitter(submitter("Lê Văn Nam", null, "Đà Nẵng", phone, null, null)))))
                    .containsExactly("submitter.phone:format");
        }

        @ParameterizedTest
        @ValueSource(strings = {"an@example.vn", "An.Nguyen+pakn@Sub.Example.COM.VN", "o'brien@example.ie",
                "nguyen_van-an@mail.xn--vietnam-abc"})
        void acceptedEmails(String email) {
            assertThat(validate(withSubmitter(submitter("Lê Văn Nam", null, "Đà Nẵng", null, email, null)))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"an", "an@", "@example.vn", "an@example", "an@@example.vn", "an @example.vn",
                "an@example..vn", ".an@example.vn", "an.@example.vn", "an@-example.vn", "nguyễn@example.vn",
                "an@example.v"})
        void rejectedEmails(String email) {
            assertThat(keys(validate(withSubmitter(submitter("Lê Văn Nam", null, "Đà Nẵng", null, email, null)))))
                    .containsExactly("submitter.email:format");
        }

        @Test
        void emailLongerThan254IsRejected() {
            String address = "an@" + ("a".repeat(60) + ".").repeat(5) + "vn";
            assertThat(address).hasSizeGreaterThan(254);

            assertThat(keys(validate(withSubmitter(submitter("Lê Văn Nam", null, "Đà Nẵng", null, address, null)))))
                    .containsExactly("submitter.email:format");
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"123456789", "001190012345", "C1234567", "b12345678", "AB123456", "0312345678-001",
                "0101234567-001", "0101234567", "M12345678", "Hộ chiếu C1234567",
                "0011 9001 2345", "X12345678", "PA1234567DE", "GPĐKKD 41A8012345", "12345678"})
        void idNumberIsOptionalAndAnyIdentifierIsTakenAsWritten(String idNumber) {
            assertThat(validate(withSubmitter(submitter("Lê Văn Nam", null, "Đà Nẵng", "0912345678", null, idNumber))))
                    .isEmpty();
        }

        @Test
        void onlyAnIdNumberBeyondAnyRealOneIsRefused() {
            assertThat(keys(validate(withSubmitter(submitter("Lê Văn Nam", null, "Đà Nẵng", "0912345678", null,
                    "9".repeat(31)))))).containsExactly("submitter.idNumber:length");
        }
    }

    /** Đ3.1 and Đ2.3: what the item is and who sends it, both optional, each one of its names or refused. */
    @Nested
    class KindAndSubmitterType {

        private SubmissionRequest with(String kind, String type) {
            return new SubmissionRequest(TITLE, CONTENT, "b", null, new Submitter("Công ty TNHH Sao Mai", null,
                    "Số 5 Duy Tân, Hà Nội", "0912345678", null, "0101234567-001", type), true, kind);
        }

        @ParameterizedTest
        @CsvSource(nullValues = "-", textBlock = """
                FEEDBACK,   INDIVIDUAL
                PETITION,   ORGANISATION
                INITIATIVE, FOREIGNER
                SOLUTION,   ASSOCIATION
                -,          -
                ' ',        ' '
                """)
        void eachNameOrNothingIsAccepted(String kind, String type) {
            assertThat(validate(with(kind, type))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"petition", "Kiến nghị", "COMPLAINT", "PAKN", "KIEN_NGHI"})
        void anUnknownKindIsRefusedNamingTheValues(String kind) {
            List<FieldError> violations = validate(with(kind, null));

            assertThat(keys(violations)).containsExactly("kind:D3.1-kind");
            assertThat(violations.get(0).message()).contains(kind, "FEEDBACK, PETITION, INITIATIVE, SOLUTION",
                    "Điều 3.1");
            assertThat(violations.get(0).messageEn()).contains("Art. 3.1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"individual", "COMPANY", "Tổ chức", "FOREIGN"})
        void anUnknownSubmitterTypeIsRefusedNamingTheValues(String type) {
            List<FieldError> violations = validate(with(null, type));

            assertThat(keys(violations)).containsExactly("submitter.type:D2.3-submitter-type");
            assertThat(violations.get(0).message()).contains("INDIVIDUAL, ORGANISATION, FOREIGNER, ASSOCIATION",
                    "Điều 2.3");
            assertThat(violations.get(0).messageEn()).contains("Art. 2.3");
        }
    }

    @Nested
    class Consent {

        @Test
        void anAnswerIsRequired() {
            List<FieldError> violations = validate(
                    new SubmissionRequest(TITLE, CONTENT, "b", null, SUBMITTER, null, null));

            assertThat(keys(violations)).containsExactly("consentToPublish:D5.1-consent");
            assertThat(violations.get(0).message()).contains("Điều 5.1");
        }

        @Test
        void refusingIsAValidAnswer() {
            assertThat(validate(new SubmissionRequest(TITLE, CONTENT, "b", null, SUBMITTER, false, null))).isEmpty();
        }
    }

    @Test
    void everyViolationIsReportedFieldByField() {
        SubmissionRequest bad = new SubmissionRequest("Góp ý", "Please make digital signatures free for households.",
                "x", null, submitter("", null, "Hà Nội", null, null, "1".repeat(31)), null, null);

        assertThat(keys(validate(bad))).containsExactly(
                "title:length",
                "content:D8.1-vietnamese",
                "field:D6-field",
                "submitter.fullName:required",
                "submitter.phone:D8.2-contact",
                "submitter.idNumber:length",
                "consentToPublish:D5.1-consent");
    }

    @Test
    void messagesAreComposedVietnameseWithAnEnglishTwin() {
        SubmissionRequest bad = new SubmissionRequest(null, "Đơn tố cáo", "x", text(301),
                submitter(null, text(301), null, "12", "x@", "1"), null, null);
        List<FieldError> violations = validate(bad);

        assertThat(violations).hasSizeGreaterThan(8).allSatisfy(v -> {
            assertThat(v.message()).isNotBlank().isNotEqualTo(v.messageEn());
            assertThat(Normalizer.isNormalized(v.message(), Normalizer.Form.NFC)).isTrue();
            assertThat(v.messageEn()).isNotBlank();
        });
    }
}
