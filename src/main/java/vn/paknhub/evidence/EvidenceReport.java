package vn.paknhub.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.core.crypto.Digests;
import vn.paknhub.core.pdf.TextPages;

/**
 * The evidence bundle of one case as a document a person reads (Vietnamese, then English): every event
 * with its seal, every hand-off with the partner's receipt, the signed checkpoints, the verification,
 * and the signature and SHA-256 of the signed JSON bundle it was printed from — the JSON stays the
 * evidence a machine checks; this report says what it holds and how to check it.
 */
@Component
class EvidenceReport {

    private static final float LEFT = 57;
    private static final float SIZE = 9.5f;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final Path fontDir;
    private final ZoneId zone;

    EvidenceReport(@Value("${hub.paper.letter-fonts}") String fontDir, CaseSettings settings) {
        this.fontDir = Path.of(fontDir);
        this.zone = settings.timeZone();
    }

    /** The report of a signed bundle ({@link EvidenceBundle#of}). */
    byte[] render(JsonNode bundle) {
        if (!TextPages.missingFonts(fontDir).isEmpty()) {
            throw new IllegalStateException("fonts missing for the evidence report: " + TextPages.missingFonts(fontDir)
                    + " (apt-get install fonts-dejavu-core, or set HUB_PAPER_LETTER_FONTS)");
        }
        String code = bundle.path("caseCode").asText();
        try (TextPages page = new TextPages(fontDir)) {
            PDDocumentInformation info = page.document().getDocumentInformation();
            info.setTitle("Chứng cứ điện tử hồ sơ " + code + " / Evidence report of case " + code);
            info.setCreator("PAKN Hub");
            TextPages.Fonts f = page.fonts();
            float width = page.width() - 2 * LEFT;
            page.centred(f.bold(), 13, "BẢN TRÍCH XUẤT CHỨNG CỨ ĐIỆN TỬ CỦA HỒ SƠ " + code, LEFT, width);
            page.centred(f.italic(), 10, "Evidence report of case " + code + " (Quy chế 03-QC/BCĐTW, Điều 9.1, 17)", LEFT, width);
            page.y(page.y() - 8);
            line(page, f, "Lập lúc / generated at: " + local(bundle.path("generatedAt").asText()));
            JsonNode v = bundle.path("verification");
            line(page, f, (v.path("intact").asBoolean() ? "Kết quả kiểm tra: NGUYÊN VẸN — không sự kiện nào bị sửa, xoá, chèn"
                    + " hay đổi thứ tự / intact" : "Kết quả kiểm tra: CÓ SAI LỆCH / NOT intact — xem mục cuối")
                    + " (" + v.path("events").asInt() + " sự kiện / events, " + v.path("checkpoints").asInt()
                    + " điểm kiểm tra / checkpoints)");

            heading(page, f, "1. Các sự kiện của hồ sơ / Events (mỗi sự kiện có số niêm phong và mã băm SHA-256)");
            for (JsonNode e : bundle.path("events")) {
                String states = e.path("fromState").isNull() ? e.path("toState").asText()
                        : e.path("fromState").asText() + " → " + e.path("toState").asText();
                page.wrapped(f.bold(), SIZE, "#" + e.path("seq").asLong() + "  " + local(e.path("occurredAt").asText()) + "  "
                        + e.path("action").asText() + "  (" + states + ")  " + e.path("actorKind").asText()
                        + (e.path("actorId").isNull() ? "" : " " + e.path("actorId").asText()), LEFT, width);
                if (!e.path("reason").isNull()) {
                    page.wrapped(f.regular(), SIZE, "Lý do / reason: " + e.path("reason").asText(), LEFT + 14, width - 14);
                }
                page.wrapped(f.regular(), SIZE - 1, "Chi tiết / details: " + e.path("details"), LEFT + 14, width - 14);
                page.wrapped(f.regular(), SIZE - 1, e.path("sealNumber").isNull() ? "CHƯA NIÊM PHONG / not sealed"
                        : "Niêm phong số / seal " + e.path("sealNumber").asLong() + ": " + e.path("sealSha256").asText(),
                        LEFT + 14, width - 14);
            }

            heading(page, f, "2. Chuyển giao cho cơ quan xử lý / Hand-offs to handling systems, with the partners' receipts");
            if (bundle.path("handOffs").isEmpty()) {
                line(page, f, "(không có / none)");
            }
            for (JsonNode d : bundle.path("handOffs")) {
                page.wrapped(f.bold(), SIZE, d.path("kind").asText() + " → " + d.path("agency").asText() + " qua / via "
                        + d.path("system").asText() + " (" + d.path("role").asText() + "): " + d.path("status").asText()
                        + ", " + d.path("attempts").asInt() + " lần gửi / attempts", LEFT, width);
                page.wrapped(f.regular(), SIZE - 1, "Tạo / created " + local(d.path("createdAt").asText()) + "; giao / delivered "
                        + (d.path("deliveredAt").isNull() ? "—" : local(d.path("deliveredAt").asText())) + "; số của đối tác /"
                        + " partner reference " + (d.path("partnerReference").isNull() ? "—" : d.path("partnerReference").asText()),
                        LEFT + 14, width - 14);
                if (!d.path("partnerReceipt").isNull()) {
                    page.wrapped(f.regular(), SIZE - 1, "Biên nhận / receipt: " + d.path("partnerReceipt"), LEFT + 14, width - 14);
                }
                JsonNode answer = d.path("partnerAnswer");
                if (answer.isObject()) {
                    String check = answer.path("signatureCheck").asText();
                    page.wrapped(f.regular(), SIZE - 1, "Trả lời của đối tác / partner's answer (HTTP " + answer.path("httpStatus")
                            .asText() + ", SHA-256 " + answer.path("sha256").asText() + "): chữ ký / signature "
                            + (check.equals("VALID") ? "HỢP LỆ / valid" : check.equals("INVALID") ? "KHÔNG HỢP LỆ / NOT valid"
                                    : "không có / none") + (answer.path("signedAt").isTextual() ? ", ký lúc / signed at "
                                            + answer.path("signedAt").asText() + " (epoch)" : ""), LEFT + 14, width - 14);
                    page.wrapped(f.regular(), SIZE - 1, answer.path("body").asText(), LEFT + 14, width - 14);
                }
            }

            heading(page, f, "3. Điểm kiểm tra đã ký / Signed checkpoints covering these seals (Ed25519)");
            for (JsonNode c : bundle.path("checkpoints")) {
                page.wrapped(f.bold(), SIZE, "Điểm kiểm tra / checkpoint " + c.path("id").asLong() + ": niêm phong / seals "
                        + c.path("sealRange").get(0).asLong() + "–" + c.path("sealRange").get(1).asLong() + ", ký lúc / signed "
                        + local(c.path("signedAt").asText()) + ", khoá / key " + c.path("keyId").asText(), LEFT, width);
                page.wrapped(f.regular(), SIZE - 1, "SHA-256: " + c.path("digestSha256").asText(), LEFT + 14, width - 14);
                page.wrapped(f.regular(), SIZE - 1, "Chữ ký / signature: " + c.path("signature").asText(), LEFT + 14, width - 14);
            }
            if (bundle.path("checkpoints").isEmpty()) {
                line(page, f, "(chưa có điểm kiểm tra nào bao các niêm phong này / no checkpoint covers these seals yet)");
            }

            heading(page, f, "4. Kiểm tra bản JSON có chữ ký / How to check the signed JSON bundle");
            JsonNode signature = bundle.path("signature");
            line(page, f, "Thuật toán / algorithm: " + signature.path("algorithm").asText() + ", khoá / key "
                    + signature.path("keyId").asText() + " (khoá công khai / public key: GET /api/v1/evidence/signing-keys)");
            line(page, f, "Chữ ký / signature: " + signature.path("value").asText());
            line(page, f, "SHA-256 của bản JSON / of the JSON bundle (GET /api/v1/evidence/cases/" + code + "/bundle, as"
                    + " served): " + HexFormat.of().formatHex(Digests.sha256(bundle.toString().getBytes(StandardCharsets.UTF_8))));
            line(page, f, "Chữ ký phủ / the signature covers: " + signature.path("covers").asText());
            if (!v.path("problems").isEmpty()) {
                heading(page, f, "5. Sai lệch phát hiện / Problems found");
                for (JsonNode p : v.path("problems")) {
                    line(page, f, p.path("kind").asText() + " " + p.path("eventId").asText("") + ": " + p.path("detail").asText());
                }
            }
            return page.save();
        }
    }

    private static void heading(TextPages page, TextPages.Fonts f, String text) {
        page.y(page.y() - 6);
        page.wrapped(f.bold(), 11, text, LEFT, page.width() - 2 * LEFT);
    }

    private static void line(TextPages page, TextPages.Fonts f, String text) {
        page.wrapped(f.regular(), SIZE, text, LEFT, page.width() - 2 * LEFT);
    }

    private String local(String instant) {
        return LOCAL.format(Instant.parse(instant).atZone(zone)) + " (" + zone.getId() + ")";
    }
}
