package vn.paknhub.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import vn.paknhub.intake.FieldCatalogue;

/** Realistic Vietnamese submissions; each call returns a fresh, mutable copy. */
public final class Samples {

    public static final String VPTW = "test-token-vptw";
    public static final String BKHCN = "test-token-bkhcn";
    public static final String BYT = "test-token-byt";

    private Samples() {
    }

    /** The field catalogue the hub ships with. */
    public static FieldCatalogue fields() {
        return FieldCatalogue.load(Samples.class.getResourceAsStream("/reference/fields.csv"));
    }

    public static Map<String, Object> submitter() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("fullName", "Nguyễn Thị Minh Thư");
        s.put("address", "Số 12 phố Tràng Tiền, phường Hoàn Kiếm, Thành phố Hà Nội");
        s.put("phone", "0912 345 678");
        s.put("email", "minhthu.nguyen@example.vn");
        return s;
    }

    /** A valid item; a random tag in the content keeps items distinct across tests. */
    public static Map<String, Object> submission() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Đề xuất số hoá thủ tục cấp phép thành lập doanh nghiệp khởi nghiệp sáng tạo");
        m.put("content", "Kính gửi Bộ Khoa học và Công nghệ. Hiện nay thủ tục xin hỗ trợ cho doanh nghiệp khởi nghiệp"
                + " sáng tạo vẫn yêu cầu nộp hồ sơ giấy tại nhiều cơ quan khác nhau, gây tốn thời gian và chi phí."
                + " Tôi đề nghị cho phép nộp toàn bộ hồ sơ trực tuyến và liên thông dữ liệu giữa các cơ quan."
                + " Mã tham chiếu " + UUID.randomUUID() + ".");
        m.put("field", "d");
        m.put("submitter", submitter());
        m.put("consentToPublish", true);
        return m;
    }
}
