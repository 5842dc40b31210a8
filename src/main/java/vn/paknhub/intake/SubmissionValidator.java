package vn.paknhub.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.paknhub.casefile.ItemKind;
import vn.paknhub.casefile.SubmitterType;
import vn.paknhub.core.problem.FieldError;
import vn.paknhub.core.text.VietnameseText;

/**
 * Checks a web submission against the content requirements of Art. 8, the publication question of
 * Art. 5.1, the field list of Art. 6 and the scope of Art. 1.2. Every violation is reported, field by
 * field, so that the citizen can fix the whole form in one go instead of one error per attempt.
 */
public final class SubmissionValidator {

    public static final String REQUIRED = "required";
    public static final String LENGTH = "length";
    public static final String FORMAT = "format";
    public static final String CONTACT = "D8.2-contact";
    public static final String FIELD = "D6-field";
    public static final String CONSENT = "D5.1-consent";
    public static final String VIETNAMESE = "D8.1-vietnamese";
    public static final String OUT_OF_SCOPE = "D1.2-out-of-scope";
    public static final String ABBREVIATIONS = "D8.1-abbreviations";
    public static final String KIND = "D3.1-kind";
    public static final String SUBMITTER_TYPE = "D2.3-submitter-type";

    /**
     * Domestic numbers: 0 then 9 digits (mobile) or 10 digits (landline since the 2017 area-code
     * change); the same after +84 without the trunk 0; any other country per E.164 (up to 15 digits),
     * because foreigners living in Vietnam may submit (Art. 2.3).
     */
    private static final Pattern PHONE =
            Pattern.compile("0[1-9]\\d{8,9}|\\+84[1-9]\\d{8,9}|\\+(?!84)[1-9]\\d{7,14}");

    /**
     * Pragmatic: a dot-atom local part and a dotted host name ending in a letter or punycode TLD.
     * Quoted local parts and IP literals are valid by RFC 5321 but no citizen uses them.
     */
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+"
            + "(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
            + "(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})", Pattern.CASE_INSENSITIVE);

    /**
     * Any identity or registration number, never checked for a form (a CCCD, an old CMND, a foreign passport, an
     * organisation's tax or registration code all exist, Đ2.3); only bounded, as the dispatch messages carry it
     * (schemas/messages/case-dispatch.v1 and v2).
     */
    private static final int ID_NUMBER_MAX = 30;

    private static final int EMAIL_MAX = 254;

    private final FieldCatalogue catalogue;
    private final ScopeScreen scopeScreen = new ScopeScreen();

    public SubmissionValidator(FieldCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    /**
     * All violations of a submission that has been through {@link SubmissionRequest#normalized()};
     * empty when it can be accepted. Lengths count Unicode code points, i.e. letters as people see
     * them once the text is in NFC.
     */
    public List<FieldError> validate(SubmissionRequest normalizedRequest) {
        SubmissionRequest r = Objects.requireNonNull(normalizedRequest, "normalizedRequest");
        List<FieldError> out = new ArrayList<>();

        if (required(out, "title", r.title(), "Tiêu đề", "The title")) {
            lengthBetween(out, "title", r.title(), 10, 300, "Tiêu đề", "The title");
        }
        if (required(out, "content", r.content(), "Nội dung", "The content")) {
            lengthBetween(out, "content", r.content(), 30, 20_000, "Nội dung", "The content");
        }
        // The content is judged on its own too: a Vietnamese title must not carry an English body.
        if (!isBlank(r.content()) && !(VietnameseText.looksVietnamese(r.content())
                && VietnameseText.looksVietnamese(join(r.title(), r.content())))) {
            out.add(new FieldError("content", VIETNAMESE,
                    "Tiêu đề và nội dung phải được viết bằng tiếng Việt có dấu, rõ ràng, không viết tắt (Điều 8.1).",
                    "Write the title and content in Vietnamese with diacritics (tiếng Việt có dấu), clearly and"
                            + " without abbreviations (Art. 8.1)."));
        } else if (!isBlank(r.content())) {
            List<String> shorthand = ChatAbbreviations.habitIn(join(r.title(), r.content()));
            if (!shorthand.isEmpty()) {
                String words = shorthand.stream().limit(6).map(w -> "“" + w + "”").collect(Collectors.joining(", "));
                out.add(new FieldError("content", ABBREVIATIONS,
                        "Nội dung dùng nhiều từ viết tắt, cách viết không chuẩn (" + words + "); đề nghị viết đầy đủ"
                                + " bằng tiếng Việt có dấu để PAKN, SKGP rõ ràng, đơn nghĩa (Điều 8.1).",
                        "The content uses chat shorthand (" + words + "); write the words out in full Vietnamese so"
                                + " that the item is clear and unambiguous (Art. 8.1)."));
            }
        }
        scopeScreen.outOfScopeEvidence(r.title(), r.content()).ifPresent(evidence -> out.add(new FieldError(
                "content", OUT_OF_SCOPE,
                "Nội dung có dấu hiệu là khiếu nại, tố cáo (“" + evidence + "”). Hệ thống không tiếp nhận khiếu"
                        + " nại, tố cáo; đề nghị gửi đến cơ quan có thẩm quyền để được giải quyết theo Luật Khiếu"
                        + " nại, Luật Tố cáo (Điều 1.2).",
                "The content appears to be a complaint or a denunciation (“" + evidence + "”). This system does"
                        + " not handle complaints or denunciations; send it to the competent authority to be"
                        + " resolved under the Law on Complaints or the Law on Denunciations (Art. 1.2).")));

        if (!isBlank(r.field()) && catalogue.find(r.field()).isEmpty()) {
            String codes = catalogue.all().stream().map(FieldCatalogue.Field::code).collect(Collectors.joining(", "));
            out.add(new FieldError("field", FIELD,
                    "Lĩnh vực “" + r.field() + "” không có trong danh mục; chọn một trong các mã: " + codes
                            + " (Điều 6).",
                    "Field “" + r.field() + "” is not in the catalogue; choose one of the codes: " + codes
                            + " (Art. 6)."));
        }
        maxLength(out, "addressee", r.addressee(), 300, "Nơi nhận", "The addressee");
        if (!isBlank(r.kind()) && ItemFactsReader.kind(r.kind()).isEmpty()) {
            String names = names(ItemKind.values());
            out.add(new FieldError("kind", KIND,
                    "Loại PAKN, SKGP “" + r.kind() + "” không hợp lệ; chọn một trong: " + names + " (phản ánh, kiến"
                            + " nghị, sáng kiến, giải pháp; Điều 3.1), hoặc để trống.",
                    "Item kind “" + r.kind() + "” is not one of: " + names + " (feedback, petition, initiative,"
                            + " solution; Art. 3.1); it may be left out."));
        }

        if (r.submitter() == null) {
            out.add(new FieldError("submitter", REQUIRED,
                    "Cần cung cấp thông tin người gửi: họ tên, địa chỉ liên hệ, số điện thoại hoặc thư điện tử"
                            + " (Điều 8.2).",
                    "Provide the submitter's details: name, contact address, phone number or email (Art. 8.2)."));
        } else {
            validateSubmitter(out, r.submitter());
        }

        if (r.consentToPublish() == null) {
            out.add(new FieldError("consentToPublish", CONSENT,
                    "Cần trả lời có đồng ý hay không đồng ý công khai nội dung và danh tính sau khi được giải quyết"
                            + " (Điều 5.1).",
                    "Answer whether you agree to publication of the content and your identity once it has been"
                            + " resolved (Art. 5.1)."));
        }
        return List.copyOf(out);
    }

    private static void validateSubmitter(List<FieldError> out, Submitter s) {
        if (required(out, "submitter.fullName", s.fullName(), "Họ và tên", "The full name")) {
            maxLength(out, "submitter.fullName", s.fullName(), 200, "Họ và tên", "The full name");
        }
        maxLength(out, "submitter.organisation", s.organisation(), 300, "Tên tổ chức", "The organisation name");
        if (!isBlank(s.type()) && ItemFactsReader.submitterType(s.type()).isEmpty()) {
            String names = names(SubmitterType.values());
            out.add(new FieldError("submitter.type", SUBMITTER_TYPE,
                    "Loại người gửi “" + s.type() + "” không hợp lệ; chọn một trong: " + names + " (cá nhân, tổ chức,"
                            + " người nước ngoài tại Việt Nam, hội, hiệp hội; Điều 2.3), hoặc để trống.",
                    "Submitter type “" + s.type() + "” is not one of: " + names + " (individual, organisation,"
                            + " foreigner in Vietnam, association; Art. 2.3); it may be left out."));
        }
        if (required(out, "submitter.address", s.address(), "Địa chỉ liên hệ", "The contact address")) {
            maxLength(out, "submitter.address", s.address(), 500, "Địa chỉ liên hệ", "The contact address");
        }

        if (isBlank(s.phone()) && isBlank(s.email())) {
            out.add(new FieldError("submitter.phone", CONTACT,
                    "Cần cung cấp số điện thoại hoặc địa chỉ thư điện tử để cơ quan phản hồi (Điều 8.2).",
                    "Provide a phone number or an email address so the agency can reply (Art. 8.2)."));
        }
        if (!isBlank(s.phone()) && !PHONE.matcher(s.phone()).matches()) {
            out.add(new FieldError("submitter.phone", FORMAT,
                    "Số điện thoại không hợp lệ: dùng số trong nước bắt đầu bằng 0 (10 hoặc 11 chữ số), hoặc số"
                            + " quốc tế bắt đầu bằng + (Điều 8.2).",
                    "Invalid phone number: use a domestic number starting with 0 (10 or 11 digits) or an"
                            + " international number starting with + (Art. 8.2)."));
        }
        if (!isBlank(s.email()) && (s.email().length() > EMAIL_MAX || !EMAIL.matcher(s.email()).matches())) {
            out.add(new FieldError("submitter.email", FORMAT,
                    "Địa chỉ thư điện tử không hợp lệ, ví dụ đúng: ten@example.vn (Điều 8.2).",
                    "Invalid email address; a valid one looks like name@example.vn (Art. 8.2)."));
        }
        // Đ8.2 encourages an identity number and never requires it: a citizen ID, an old identity card, a foreign
        // passport, an organisation's tax or registration code are all taken as written; only its size is bounded
        if (!isBlank(s.idNumber()) && s.idNumber().length() > ID_NUMBER_MAX) {
            out.add(new FieldError("submitter.idNumber", "length",
                    "Số định danh, số đăng ký dài quá " + ID_NUMBER_MAX + " ký tự; có thể để trống (Điều 8.2).",
                    "The identity or registration number is longer than " + ID_NUMBER_MAX + " characters; it may be"
                            + " left empty (Art. 8.2)."));
        }
    }

    /** Adds a violation when the value is missing; true when it is present. */
    private static boolean required(List<FieldError> out, String field, String value, String labelVi,
            String labelEn) {
        if (isBlank(value)) {
            out.add(new FieldError(field, REQUIRED,
                    labelVi + " là bắt buộc (Điều 8.2).",
                    labelEn + " is required (Art. 8.2)."));
            return false;
        }
        return true;
    }

    /** The lower bounds keep an item clear enough to act on (Art. 8.2); the upper ones protect screens. */
    private static void lengthBetween(List<FieldError> out, String field, String value, int min, int max,
            String labelVi, String labelEn) {
        int length = length(value);
        if (length < min || length > max) {
            out.add(new FieldError(field, LENGTH,
                    labelVi + " phải có từ " + min + " đến " + max + " ký tự, hiện có " + length + " ký tự"
                            + " (Điều 8.2).",
                    labelEn + " must be " + min + " to " + max + " characters long, not " + length
                            + " (Art. 8.2)."));
        }
    }

    /** Upper bounds protect storage and screens; they come from no article, so none is cited. */
    private static void maxLength(List<FieldError> out, String field, String value, int max,
            String labelVi, String labelEn) {
        int length = isBlank(value) ? 0 : length(value);
        if (length > max) {
            out.add(new FieldError(field, LENGTH,
                    labelVi + " không được dài quá " + max + " ký tự, hiện có " + length + " ký tự.",
                    labelEn + " must not exceed " + max + " characters, not " + length + "."));
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String join(String title, String content) {
        return isBlank(title) ? content : title + "\n" + content;
    }
}
